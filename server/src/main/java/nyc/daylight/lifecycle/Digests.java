package nyc.daylight.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.lifecycle.DigestRepository.Line;
import nyc.daylight.lifecycle.DigestRepository.Section;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily digest, one e-mail per person per New York day, sent by the deadline watcher's
 * schedule from 7:00 on. Officers read their agencies' requests due in the next business days,
 * the overdue ones, the replies waiting to be confirmed and what was newly assigned to them;
 * requesters with many open requests read which of them have something new. Nothing to say, no
 * e-mail.
 *
 * <p>Once per day per person, as the deadline notices are once: the day is claimed in
 * daily_digests (primary key: person and day) in the same transaction that queues the message,
 * so a crash before the commit leaves neither and the next pass sends it, and a second node (or
 * pass) finds the day claimed and sends nothing. "New" means since the previous digest.
 */
final class Digests {
    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    /** Before the working day starts, so the digest is there when the officer opens the queue. */
    static final LocalTime SEND_FROM = LocalTime.of(7, 0);
    /** Requesters with at least this many open requests get a digest; fewer read each request's own mail. */
    static final int MIN_OPEN_REQUESTS = 5;
    /** "Due soon" in the digest: through this many business days ahead. */
    static final int DAYS_AHEAD = 3;
    /** Lines per section; the rest is one link to the queue. */
    static final int LINES = 10;

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final Mailer mailer;
    private final LifecycleMail mail;
    private final Clock clock;
    private final DigestRepository repo = new DigestRepository();

    Digests(DSLContext dsl, AgencyService agencies, Mailer mailer, LifecycleMail mail, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.mailer = mailer;
        this.mail = mail;
        this.clock = clock;
    }

    /** Sends today's digests not settled yet; returns how many went out. Before {@link #SEND_FROM}, nothing. */
    int runDue() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(BusinessCalendar.NEW_YORK));
        if (now.toLocalTime().isBefore(SEND_FROM)) return 0;
        LocalDate day = now.toLocalDate();
        List<Long> people = dsl.transactionResult(t -> repo.due(t.dsl(), day, MIN_OPEN_REQUESTS));
        int sent = 0;
        // One transaction per person: one failure leaves the others' digests sent, and its own for the next pass.
        for (long person : people) {
            try {
                if (dsl.transactionResult(t -> send(t.dsl(), person, day))) sent++;
            } catch (RuntimeException e) {
                log.warn("Daily digest for user {} failed; the next pass tries again", person, e);
            }
        }
        return sent;
    }

    private boolean send(DSLContext tx, long userId, LocalDate day) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!repo.claim(tx, userId, day, now)) return false;
        var previous = repo.previous(tx, userId, day);
        OffsetDateTime since = previous.map(DigestRepository.Previous::at).orElse(now.minusDays(1));
        Recipient to = Recipient.of(tx, userId);
        StringBuilder body = new StringBuilder();
        Map<Long, Agency> byId = agencies.byId();
        for (long agencyId : repo.agenciesOf(tx, userId)) {
            Agency a = byId.get(agencyId);
            String part = officerPart(tx, to, a, userId, day, since);
            if (!part.isEmpty()) body.append(to.text("mail.digest.agency", a.name())).append("\n\n").append(part);
        }
        Section news = repo.news(tx, userId, previous, now.minusDays(1), LINES);
        body.append(section(to, "mail.digest.news", news, l -> to.text("mail.digest.line.event", l.number(), l.title(),
                to.text("event." + l.event())) + "\n  " + mail.link(l.number()), mail.mine()));
        if (body.isEmpty()) return false;
        body.append(to.text("mail.digest.optOut", mail.emailSettings()));
        long id = mailer.enqueue(tx, Email.of(to.email(), to.text("mail.digest.subject", day), to.letter(body.toString()), "digest:" + day));
        repo.sent(tx, userId, day, id);
        return true;
    }

    private String officerPart(DSLContext tx, Recipient to, Agency a, long userId, LocalDate today, OffsetDateTime since) {
        BusinessCalendar cal = agencies.calendarFor(a);
        Function<Line, String> work = l -> "\n  " + mail.workLink(a, l.number());
        return section(to, "mail.digest.assigned", repo.newlyAssigned(tx, a.id(), userId, since, LINES),
                l -> line(to, "mail.digest.line.due", l) + work.apply(l), mail.queue(a, "mine=yes"))
                + section(to, "mail.digest.overdue", repo.overdue(tx, a.id(), LINES),
                l -> line(to, "mail.digest.line.missed", l) + work.apply(l), mail.queue(a, "late=yes"))
                + section(to, "mail.digest.dueSoon", repo.dueSoon(tx, a.id(), today, cal.addBusinessDays(today, DAYS_AHEAD), LINES),
                l -> line(to, "mail.digest.line.due", l) + work.apply(l), mail.queue(a, ""))
                + section(to, "mail.digest.replies", repo.repliesToConfirm(tx, a.id(), LINES),
                l -> line(to, "mail.digest.line.due", l) + work.apply(l), mail.queue(a, ""));
    }

    private static String line(Recipient to, String key, Line l) {
        return l.date() == null ? to.text("mail.digest.line", l.number(), l.title()) : to.text(key, l.number(), l.title(), l.date());
    }

    /** A heading with the section's count, its lines, and a link to the rest; nothing for an empty section. */
    private static String section(Recipient to, String heading, Section s, Function<Line, String> line, String more) {
        if (s.total() == 0) return "";
        StringBuilder out = new StringBuilder(to.text(heading, s.total(), DAYS_AHEAD)).append('\n');
        s.lines().forEach(l -> out.append(line.apply(l)).append('\n'));
        if (s.total() > s.lines().size()) out.append(to.text("mail.digest.more", s.total() - s.lines().size(), more)).append('\n');
        return out.append('\n').toString();
    }
}
