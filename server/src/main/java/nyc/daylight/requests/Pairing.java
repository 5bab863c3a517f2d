package nyc.daylight.requests;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.Text;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import org.jooq.DSLContext;

/**
 * Pairing two requests the requester already has, one city FOIL request and one federal FOIA
 * request about the same communications, and undoing it. Only the requester of both may do either:
 * to anyone else the request is "not found", as for every requester-only page. Each pairing and
 * unpairing goes to the audit log under both numbers (who, when, from where), so an administrator
 * reading either request's history finds it.
 */
final class Pairing {
    private final DSLContext dsl;
    private final AgencyService agencies;
    private final RequestRepository requests = new RequestRepository();
    private final TrackingRepository tracking = new TrackingRepository();
    private final AuditLog audit = new AuditLog();

    Pairing(DSLContext dsl, AgencyService agencies) {
        this.dsl = dsl;
        this.agencies = agencies;
    }

    PairChoice choice(User user, String number) {
        StoredRequest r = own(user, number);
        Agency agency = agencies.byId().get(r.agencyId());
        Map<Long, Agency> byId = agencies.byId();
        List<Long> otherSide = byId.values().stream().filter(a -> a.regime() != agency.regime()).map(Agency::id).toList();
        List<PairChoice.Option> options = tracking.unpairedOf(dsl, user.id(), otherSide).stream()
                .map(c -> new PairChoice.Option(c.number(), c.title(), byId.get(c.agencyId()).name())).toList();
        return new PairChoice(r.number(), r.title(), agency, tracking.pairedNumber(dsl, number).orElse(null), options);
    }

    /** Pairs {@code number} with the requester's {@code otherNumber} on the other side. */
    void pair(User user, String number, String otherNumber, String ip) {
        StoredRequest r = own(user, number);
        String wanted = Text.orEmpty(otherNumber).strip();
        if (wanted.isEmpty()) throw BadInput.of("pairWith", "error.pair.choose");
        // A draft is not a request yet: it cannot be paired, whoever asks.
        StoredRequest other = requests.byNumber(dsl, wanted).filter(o -> o.requesterId() == user.id() && o.submittedAt() != null)
                .orElseThrow(() -> BadInput.of("pairWith", "error.tracked.pairUnknown", wanted));
        if (agencies.byId().get(other.agencyId()).regime() == agencies.byId().get(r.agencyId()).regime()) {
            throw BadInput.of("pairWith", "error.tracked.pairSameSide");
        }
        Optional<String> already = tracking.pairedNumber(dsl, number);
        if (already.isPresent()) throw BadInput.of("pairWith", "error.pair.alreadyPaired", number, already.get());
        if (tracking.paired(dsl, other.id())) throw BadInput.of("pairWith", "error.tracked.pairTaken", wanted);
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            // Both rows change only if both are still free: a pair made meanwhile (another tab) wins, and nothing is written.
            if (!tracking.pairIfFree(t, r.id(), other.id())) throw BadInput.of("pairWith", "error.tracked.pairTaken", wanted);
            audit.record(t, user.id(), "pair-requests", r.number(), "paired with " + other.number(), ip);
            audit.record(t, user.id(), "pair-requests", other.number(), "paired with " + r.number(), ip);
        });
    }

    /** Undoes the pair; returns the number of the request it was paired with. */
    String unpair(User user, String number, String ip) {
        StoredRequest r = own(user, number);
        String otherNumber = tracking.pairedNumber(dsl, number).orElseThrow(() -> BadInput.of("pair", "error.pair.notPaired", number));
        StoredRequest other = requests.byNumber(dsl, otherNumber).orElseThrow();
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            if (!tracking.unpair(t, r.id(), other.id())) throw BadInput.of("pair", "error.pair.notPaired", number);
            audit.record(t, user.id(), "unpair-requests", r.number(), "unpaired from " + otherNumber, ip);
            audit.record(t, user.id(), "unpair-requests", otherNumber, "unpaired from " + r.number(), ip);
        });
        return otherNumber;
    }

    private StoredRequest own(User user, String number) {
        return requests.byNumber(dsl, number).filter(r -> user != null && r.requesterId() == user.id() && r.submittedAt() != null)
                .orElseThrow(() -> NotFound.of("refusal.request.noneOfYours", number));
    }
}
