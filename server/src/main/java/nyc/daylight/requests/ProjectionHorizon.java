package nyc.daylight.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nyc.daylight.deadlines.AgencyRules;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.DeadlineEngine;
import nyc.daylight.deadlines.LedgerEvent;

/**
 * How long a projection stays right with no new event. The engine answers from the ledger and the
 * New York date of "now" alone, so the answer can change only at a New York midnight: this asks
 * the engine about each coming day and returns the first midnight at which its projection differs.
 * Looking further than {@link #DAYS} days ahead is not needed: the watcher simply asks again then.
 * Pure: no database, no clock.
 */
final class ProjectionHorizon {
    /** How many days ahead are asked at most. */
    static final int DAYS = 31;

    private final DeadlineEngine engine;

    ProjectionHorizon(DeadlineEngine engine) {
        this.engine = engine;
    }

    /** The first New York midnight after {@code now} at which the projection would differ from {@code current} (at most {@link #DAYS} days on). */
    Instant validUntil(List<LedgerEvent> ledger, AgencyRules rules, BusinessCalendar calendar, Instant now,
                       RequestProjection current) {
        LocalDate today = now.atZone(BusinessCalendar.NEW_YORK).toLocalDate();
        for (int d = 1; d < DAYS; d++) {
            Instant midnight = midnight(today.plusDays(d));
            if (!RequestProjection.of(engine.evaluate(ledger, rules, calendar, midnight)).sameAs(current)) return midnight;
        }
        return midnight(today.plusDays(DAYS));
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(BusinessCalendar.NEW_YORK).toInstant();
    }
}
