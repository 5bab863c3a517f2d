package nyc.daylight.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import nyc.daylight.alerts.SavedSearch.Kind;
import nyc.daylight.core.NewYork;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import nyc.daylight.releases.RecordLibrary;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is new for each saved search, run by the deadline watcher's schedule (a hook it
 * calls each pass). Exactly once, as the deadline notices are: each search runs in its own
 * transaction with its row locked, and that transaction records every item it mails in
 * saved_search_hits (primary key: search and item), queues the e-mail and moves the search's
 * publication-log mark. A crash before the commit leaves none of them, so the next pass sends it;
 * a second node, or the next pass, waits for the lock and then finds nothing new.
 *
 * <p>A records search is run only over publications the Lucene index has applied, and its mark
 * moves only that far, so a record the index has not seen yet is looked at in a later pass, not
 * skipped. A record withdrawn (or withheld) by then is not public, so it is never mailed.
 */
public final class AlertSender {
    private static final Logger log = LoggerFactory.getLogger(AlertSender.class);
    private final DSLContext dsl;
    private final RecordLibrary library;
    private final Mailer mailer;
    private final AlertMail mail;
    private final Clock clock;
    private final AlertRepository repo = new AlertRepository();

    public AlertSender(DSLContext dsl, RecordLibrary library, Mailer mailer, Clock clock, String baseUrl) {
        this.dsl = dsl;
        this.library = library;
        this.mailer = mailer;
        this.mail = new AlertMail(baseUrl, SavedSearches.tokens(dsl));
        this.clock = clock;
    }

    /** One pass over every search with alerts on; returns how many e-mails were queued. */
    public int runOnce() {
        int sent = 0;
        // One transaction per search: one failure leaves the others' e-mails sent, and its own for the next pass.
        for (long id : repo.withAlerts(dsl)) {
            try {
                if (send(id)) sent++;
            } catch (RuntimeException e) {
                log.warn("Alert for saved search {} failed; the next pass tries again", id, e);
            }
        }
        return sent;
    }

    private boolean send(long id) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(NewYork.ZONE));
        SavedSearch seen = repo.find(dsl, id).orElse(null);
        if (seen == null || !AlertSchedule.due(seen.frequency(), seen.lastBatch(), now)) return false;
        // The index and the library read on their own connections, so the matching runs before the
        // transaction; the transaction then proves, under the row lock, that no other pass moved
        // the mark meanwhile, and otherwise leaves the search to the pass that did.
        long upTo = seen.kind() == Kind.RECORDS ? Math.max(seen.checkedSeq(), library.indexedSeq()) : seen.checkedSeq();
        Set<Long> matches = seen.kind() == Kind.RECORDS
                ? library.matching(SavedQuery.records(seen.query()), repo.publishedIn(dsl, seen.checkedSeq(), upTo)) : Set.of();
        return dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            SavedSearch s = repo.lock(tx, id).orElse(null);
            if (s == null || s.checkedSeq() != seen.checkedSeq() || !AlertSchedule.due(s.frequency(), s.lastBatch(), now)) return false;
            LocalDate today = now.toLocalDate();
            List<AlertRepository.Line> lines;
            if (s.kind() == Kind.RECORDS) {
                Set<Long> fresh = repo.unsent(tx, s.id(), matches);
                lines = fresh.isEmpty() ? List.of() : repo.records(tx, fresh);
            } else {
                lines = repo.newRequests(tx, s, SavedQuery.parse(s.query()), today, 500);
            }
            // Nothing moved (an instant search between publications): no write every pass.
            if (upTo != s.checkedSeq() || !today.equals(s.lastBatch())) repo.checked(tx, s.id(), upTo, today);
            if (lines.isEmpty()) return false;
            long outboxId = mailer.enqueue(tx, mail.of(Recipient.of(tx, s.userId()), s, lines));
            repo.sent(tx, s.id(), lines.stream().map(AlertRepository.Line::id).toList(), outboxId, OffsetDateTime.now(clock));
            return true;
        });
    }
}
