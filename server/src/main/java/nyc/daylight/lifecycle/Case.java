package nyc.daylight.lifecycle;

import java.util.List;
import java.util.Set;
import nyc.daylight.agencies.Agency;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.deadlines.Standing;

/** One request as an action sees it: the stored request, its agency, its ledger, and where it stands now. */
record Case(CaseRequest request, Agency agency, List<LedgerEvent> events, DeadlineReport report) {

    boolean has(EventType type) {
        return events.stream().anyMatch(e -> e.type() == type);
    }

    boolean hasAny(Set<EventType> types) {
        return events.stream().anyMatch(e -> types.contains(e.type()));
    }

    boolean closed() {
        return report.standing() == Standing.WITHDRAWN || report.standing() == Standing.DECIDED;
    }

    boolean withdrawn() {
        return report.standing() == Standing.WITHDRAWN;
    }

    String number() {
        return request.number();
    }
}
