package nyc.daylight.lifecycle;

import nyc.daylight.agencies.Agency;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.Standing;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;

/** One request as an action sees it: the row, its agency, and where it stands now. */
record Case(RequestsRecord request, Agency agency, DeadlineReport report) {

    boolean closed() {
        return report.standing() == Standing.WITHDRAWN || report.standing() == Standing.DECIDED;
    }

    boolean withdrawn() {
        return report.standing() == Standing.WITHDRAWN;
    }

    String number() {
        return request.getNumber();
    }
}
