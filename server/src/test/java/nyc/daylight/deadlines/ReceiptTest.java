package nyc.daylight.deadlines;

import static nyc.daylight.deadlines.Deadline.Kind.DETERMINATION;
import static nyc.daylight.deadlines.Deadline.Kind.RESPONSE;
import static nyc.daylight.deadlines.Deadline.State.MET;
import static nyc.daylight.deadlines.Deadline.State.PENDING;
import static nyc.daylight.deadlines.DeadlineEngineTest.assertDeadline;
import static nyc.daylight.deadlines.DeadlineEngineTest.at;
import static nyc.daylight.deadlines.DeadlineEngineTest.ledger;
import static nyc.daylight.deadlines.EventType.ACKNOWLEDGED;
import static nyc.daylight.deadlines.EventType.REQUEST_RESENT;
import static nyc.daylight.deadlines.EventType.REQUEST_UNDELIVERED;
import static nyc.daylight.deadlines.EventType.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A request letter that came back undelivered starts no deadline: the statute counts from the
 * agency's receipt (POL §89(3)(a), 5 U.S.C. §552(a)(6)(A)(i)). The clock starts when the letter is
 * sent again, or with the agency's own first step. Filed Monday March 2, 2026 at 10:00; New York
 * and federal calendars have no holiday between March 2 and May 25.
 */
class ReceiptTest {
    private static DeadlineEngineTest.Ledger bounced() {
        return ledger("2026-03-02").add(REQUEST_UNDELIVERED, at("2026-03-02", "10:20"), null, null);
    }

    @Test
    void after_a_bounce_nothing_runs_nothing_is_late_and_the_requester_owes_the_next_move() {
        // Months later: had the letter arrived, the five days would have ended on March 9.
        DeadlineReport r = bounced().ny("2026-06-30");
        assertThat(r.standing()).isEqualTo(Standing.NOT_STARTED);
        assertThat(r.clockStarted()).isFalse();
        assertThat(r.deadlines()).isEmpty();
        assertThat(r.owed().agencyDue()).isNull();
        assertThat(r.owed().liveMissed()).isEmpty();
        assertThat(r.owed().overdueSince()).isNull();
        assertThat(r.owed().businessDaysOverdue(BusinessCalendar.of(CalendarKind.NEW_YORK), LocalDate.parse("2026-06-30"))).isZero();
        assertThat(r.nextStep().party()).isEqualTo(Party.REQUESTER);
        assertThat(r.nextStep().message().key()).isEqualTo("next.undelivered");
        assertThat(r.standing().closed()).isFalse();
    }

    @Test
    void a_bounce_that_comes_days_late_takes_back_the_misses_it_disproves() {
        // The DSN came on Thursday March 12, after the five days (due March 9) had passed.
        DeadlineReport r = ledger("2026-03-02").on("2026-03-12", REQUEST_UNDELIVERED).ny("2026-03-20");
        assertThat(r.standing()).isEqualTo(Standing.NOT_STARTED);
        assertThat(r.owed().liveMissed()).isEmpty();
    }

    @Test
    void the_letter_sent_again_starts_the_five_days_from_that_day() {
        // Re-sent Thursday March 12: response due Thursday March 19; with no acknowledgment the
        // latest determination is 20 business days after that, Thursday April 16.
        DeadlineReport r = bounced().on("2026-03-12", REQUEST_RESENT).ny("2026-03-13");
        assertThat(r.clockStarted()).isTrue();
        assertThat(r.effectiveReceipt()).isEqualTo(LocalDate.parse("2026-03-12"));
        assertDeadline(r, RESPONSE, "2026-03-19", PENDING);
        assertDeadline(r, DETERMINATION, "2026-04-16", PENDING);
        assertThat(r.standing()).isIn(Standing.ON_TIME, Standing.DUE_SOON);
    }

    @Test
    void a_letter_sent_again_after_close_of_business_is_received_the_next_business_day() {
        // Friday March 13 at 18:00: effective receipt Monday March 16, response due Monday March 23.
        DeadlineReport r = bounced().add(REQUEST_RESENT, at("2026-03-13", "18:00"), null, null).ny("2026-03-16");
        assertThat(r.effectiveReceipt()).isEqualTo(LocalDate.parse("2026-03-16"));
        assertDeadline(r, RESPONSE, "2026-03-23", PENDING);
    }

    @Test
    void the_agencys_own_first_step_proves_receipt_and_the_deadlines_run_from_it() {
        // The requester sent the letter another way; the agency acknowledged on Monday March 16
        // with April 1, within 20 business days of March 16 (April 13): it binds.
        DeadlineReport r = bounced().on("2026-03-16", ACKNOWLEDGED, "2026-04-01", null).ny("2026-03-17");
        assertThat(r.clockStarted()).isTrue();
        assertThat(r.effectiveReceipt()).isEqualTo(LocalDate.parse("2026-03-16"));
        assertDeadline(r, RESPONSE, "2026-03-23", MET);
        assertDeadline(r, DETERMINATION, "2026-04-01", PENDING);
    }

    @Test
    void a_bounce_after_the_agency_has_acted_changes_nothing() {
        DeadlineReport r = ledger("2026-03-02").on("2026-03-04", ACKNOWLEDGED, "2026-04-01", null)
                .on("2026-03-05", REQUEST_UNDELIVERED).ny("2026-03-06");
        assertThat(r.clockStarted()).isTrue();
        assertThat(r.effectiveReceipt()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertDeadline(r, RESPONSE, "2026-03-09", MET);
    }

    @Test
    void a_letter_sent_again_that_bounces_too_stops_the_clock_again() {
        DeadlineReport r = bounced().on("2026-03-12", REQUEST_RESENT).add(REQUEST_UNDELIVERED, at("2026-03-12", "10:30"), null, null)
                .ny("2026-04-30");
        assertThat(r.standing()).isEqualTo(Standing.NOT_STARTED);
        assertThat(r.deadlines()).isEmpty();
    }

    @Test
    void sending_again_without_a_bounce_moves_nothing() {
        DeadlineReport r = ledger("2026-03-02").on("2026-03-04", REQUEST_RESENT).ny("2026-03-03");
        assertThat(r.effectiveReceipt()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertDeadline(r, RESPONSE, "2026-03-09", PENDING);
    }

    @Test
    void a_withdrawal_while_undelivered_owes_nothing() {
        DeadlineReport r = bounced().on("2026-03-05", WITHDRAWN).ny("2026-04-01");
        assertThat(r.standing()).isEqualTo(Standing.WITHDRAWN);
        assertThat(r.deadlines()).isEmpty();
        assertThat(r.nextStep().party()).isEqualTo(Party.NOBODY);
    }

    @Test
    void federal_twenty_working_days_run_from_the_letter_sent_again() {
        // Re-sent Thursday March 12: the 20th working day after is Thursday April 9.
        DeadlineReport r = bounced().on("2026-03-12", REQUEST_RESENT).federal("2026-03-13");
        assertDeadline(r, DETERMINATION, "2026-04-09", PENDING);
        assertThat(bounced().federal("2026-06-01").standing()).isEqualTo(Standing.NOT_STARTED);
    }

    @Test
    void a_dsn_months_after_the_letter_does_not_erase_an_overdue_request() {
        // A "bounce" on June 1 names a letter sent March 2: no server still held it. Anyone who
        // knows the reply address could send one; the request stays overdue.
        DeadlineReport before = ledger("2026-03-02").ny("2026-06-02");
        DeadlineReport r = ledger("2026-03-02").on("2026-06-01", REQUEST_UNDELIVERED).ny("2026-06-02");
        assertThat(before.standing()).isIn(Standing.OVERDUE, Standing.CONSTRUCTIVELY_DENIED);
        assertThat(r.standing()).isEqualTo(before.standing());
        assertThat(r.clockStarted()).isTrue();
        assertThat(r.owed().overdueSince()).isEqualTo(before.owed().overdueSince());
    }

    @Test
    void the_bounce_window_ends_ten_days_after_the_letter_was_sent() {
        // In April, so that no change of clocks moves the hour (the window is ten days of 24 hours).
        DeadlineReport inside = ledger("2026-04-01").add(REQUEST_UNDELIVERED, at("2026-04-11", "10:00"), null, null).ny("2026-04-20");
        DeadlineReport outside = ledger("2026-04-01").add(REQUEST_UNDELIVERED, at("2026-04-11", "10:01"), null, null).ny("2026-04-20");
        assertThat(inside.standing()).isEqualTo(Standing.NOT_STARTED);
        assertThat(outside.clockStarted()).isTrue();
    }

    @Test
    void after_the_letter_is_sent_again_the_window_runs_from_the_new_sending() {
        // Re-sent March 12; its bounce on March 20 is eight days after that sending: honoured.
        DeadlineReport r = bounced().on("2026-03-12", REQUEST_RESENT).on("2026-03-20", REQUEST_UNDELIVERED).ny("2026-03-23");
        assertThat(r.standing()).isEqualTo(Standing.NOT_STARTED);
        // A report of the first letter arriving months after the re-sending stops nothing.
        DeadlineReport late = bounced().on("2026-03-12", REQUEST_RESENT).on("2026-05-20", REQUEST_UNDELIVERED).ny("2026-05-21");
        assertThat(late.clockStarted()).isTrue();
    }
}
