package nyc.daylight.scorecards;

import static nyc.daylight.deadlines.EventType.ACKNOWLEDGED;
import static nyc.daylight.deadlines.EventType.APPEALED;
import static nyc.daylight.deadlines.EventType.APPEAL_DENIED;
import static nyc.daylight.deadlines.EventType.APPEAL_PARTLY_GRANTED;
import static nyc.daylight.deadlines.EventType.DENIED;
import static nyc.daylight.deadlines.EventType.EXTENDED;
import static nyc.daylight.deadlines.EventType.GRANTED;
import static nyc.daylight.deadlines.EventType.SUBMITTED;
import static nyc.daylight.deadlines.EventType.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import nyc.daylight.deadlines.AgencyRules;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.CalendarKind;
import nyc.daylight.deadlines.DeadlineEngine;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import nyc.daylight.deadlines.Regime;
import org.junit.jupiter.api.Test;

/** Each metric on hand-built ledgers; dates worked out by hand (received Monday March 2, 2026). */
class RequestMetricsTest {
    private static final BusinessCalendar NY = BusinessCalendar.of(CalendarKind.NEW_YORK);
    private static final BusinessCalendar FED = BusinessCalendar.of(CalendarKind.FEDERAL);

    private final List<LedgerEvent> events = new ArrayList<>(List.of(event(SUBMITTED, "2026-03-02", null, null)));

    private static Instant at(String day) {
        return ZonedDateTime.of(LocalDate.parse(day), LocalTime.of(10, 0), BusinessCalendar.NEW_YORK).toInstant();
    }

    private static LedgerEvent event(EventType type, String day, String date, String reason) {
        return new LedgerEvent(type, at(day), date == null ? null : LocalDate.parse(date), reason);
    }

    private RequestMetricsTest with(EventType type, String day, String date, String reason) {
        events.add(event(type, day, date, reason));
        return this;
    }

    private RequestMetrics ny(String today) {
        var report = new DeadlineEngine().evaluate(events, AgencyRules.nyFoil(), NY, at(today));
        return RequestMetrics.of(Regime.NY_FOIL, report, events, NY, List.of(), 0);
    }

    private RequestMetrics federal(String today) {
        var report = new DeadlineEngine().evaluate(events, AgencyRules.federalFoia(), FED, at(today));
        return RequestMetrics.of(Regime.FEDERAL_FOIA, report, events, FED, List.of(), 0);
    }

    @Test
    void an_open_request_not_yet_due_is_left_out_of_the_on_time_rate() {
        RequestMetrics m = ny("2026-03-04");
        assertThat(m.receivedOn()).isEqualTo("2026-03-02");
        assertThat(m.responseDue()).isEqualTo("2026-03-09");
        assertThat(m.responseMet()).as("not decided yet").isNull();
        assertThat(m.determinationOnTime()).isNull();
        assertThat(m.outcome()).isEqualTo("OPEN");
        assertThat(m.overdueSince()).isNull();
        assertThat(m.constructiveDenial()).isFalse();
    }

    @Test
    void acknowledged_and_decided_in_time_counts_as_on_time_with_business_days_measured() {
        RequestMetrics m = with(ACKNOWLEDGED, "2026-03-04", "2026-03-20", null).with(GRANTED, "2026-03-18", null, null).ny("2026-04-01");
        assertThat(m.responseMet()).isTrue();
        assertThat(m.businessDaysToResponse()).isEqualTo(2);
        assertThat(m.businessDaysToDetermination()).isEqualTo(12);
        assertThat(m.determinationOnTime()).isTrue();
        assertThat(m.outcome()).isEqualTo("GRANTED");
    }

    @Test
    void a_date_certain_then_a_timely_extension_is_on_time_and_counts_the_extension() {
        RequestMetrics m = with(ACKNOWLEDGED, "2026-03-04", "2026-03-20", null)
                .with(EXTENDED, "2026-03-18", "2026-04-10", "Archive export")
                .with(DENIED, "2026-04-09", null, null).ny("2026-04-20");
        assertThat(m.extensions()).isEqualTo(1);
        // March 20 to April 10: 15 business days.
        assertThat(m.extensionBusinessDays()).isEqualTo(15);
        assertThat(m.determinationOnTime()).isTrue();
    }

    @Test
    void a_missed_acknowledgment_is_a_constructive_denial_and_makes_the_determination_late() {
        RequestMetrics open = ny("2026-03-12");
        assertThat(open.determinationOnTime()).isFalse();
        assertThat(open.overdueSince()).isEqualTo("2026-03-10");
        assertThat(open.constructiveDenial()).isTrue();
        RequestMetrics decided = with(GRANTED, "2026-03-13", null, null).ny("2026-03-20");
        assertThat(decided.determinationOnTime()).isFalse();
        assertThat(decided.overdueSince()).isNull();
        assertThat(decided.responseMet()).isFalse();
        assertThat(decided.businessDaysToResponse()).isEqualTo(9);
    }

    @Test
    void withdrawn_before_acknowledgment_is_neither_on_time_nor_late() {
        RequestMetrics m = with(WITHDRAWN, "2026-03-03", null, null).ny("2026-05-01");
        assertThat(m.outcome()).isEqualTo("WITHDRAWN");
        assertThat(m.determinationOnTime()).isNull();
        assertThat(m.overdueSince()).isNull();
    }

    @Test
    void an_imported_row_without_an_acknowledgment_date_counts_the_determination_as_the_response() {
        RequestMetrics m = with(GRANTED, "2026-03-05", null, null).ny("2026-04-01");
        assertThat(m.respondedOn()).isEqualTo("2026-03-05");
        assertThat(m.responseMet()).isTrue();
        assertThat(m.determinationOnTime()).isTrue();
    }

    @Test
    void appeals_decided_late_and_reversed_in_part_are_counted() {
        RequestMetrics m = with(ACKNOWLEDGED, "2026-03-04", "2026-03-20", null).with(DENIED, "2026-03-20", null, null)
                .with(APPEALED, "2026-03-23", null, null).with(APPEAL_PARTLY_GRANTED, "2026-04-15", null, null).ny("2026-04-20");
        assertThat(m.appealFiled()).isTrue();
        assertThat(m.appealDecidedOnTime()).isFalse(); // due April 6
        assertThat(m.appealReversed()).isTrue();
    }

    @Test
    void an_appeal_upheld_in_time_is_on_time_and_not_reversed() {
        RequestMetrics m = with(DENIED, "2026-03-05", null, null).with(APPEALED, "2026-03-09", null, null)
                .with(APPEAL_DENIED, "2026-03-16", null, null).ny("2026-04-20");
        assertThat(m.appealDecidedOnTime()).isTrue();
        assertThat(m.appealReversed()).isFalse();
    }

    @Test
    void federal_requests_have_no_response_duty_and_are_timed_on_20_working_days() {
        RequestMetrics m = with(GRANTED, "2026-03-27", null, null).federal("2026-04-20");
        assertThat(m.responseDue()).isNull();
        assertThat(m.responseMet()).isNull();
        assertThat(m.determinationOnTime()).isTrue(); // due March 30
        assertThat(m.constructiveDenial()).isFalse();
        assertThat(ny("2026-03-02")).isNotNull();
    }
}
