package nyc.daylight.deadlines;

import static nyc.daylight.deadlines.Deadline.Kind.APPEAL_DECISION;
import static nyc.daylight.deadlines.Deadline.Kind.APPEAL_FILING;
import static nyc.daylight.deadlines.Deadline.Kind.DETERMINATION;
import static nyc.daylight.deadlines.Deadline.State.MISSED;
import static nyc.daylight.deadlines.Deadline.State.PENDING;
import static nyc.daylight.deadlines.DeadlineEngineTest.assertDeadline;
import static nyc.daylight.deadlines.DeadlineEngineTest.ledger;
import static nyc.daylight.deadlines.EventType.ACKNOWLEDGED;
import static nyc.daylight.deadlines.EventType.APPEALED;
import static nyc.daylight.deadlines.EventType.DENIED;
import static nyc.daylight.deadlines.EventType.EXTENDED;
import static nyc.daylight.deadlines.EventType.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The late cases, told the same everywhere: what a request owes ({@link Owed}), to whom, by when,
 * and the live miss. Each case is a ledger and a "now"; dates are worked out by hand in the comments.
 * New York 2026: no public holiday between March 2 and May 25.
 */
class OwedTest {
    private static LocalDate day(String d) {
        return LocalDate.parse(d);
    }

    // Received Monday March 2, 2026: the 5-day response is due Monday March 9. Acknowledged late on
    // Thursday March 12 with an approximate date of Wednesday April 1 (within 20 business days of
    // March 12, which end on April 9, so it binds). April 1 passes with no determination.
    private static DeadlineEngineTest.Ledger lateAckThenMissedPromise() {
        return ledger("2026-03-02").on("2026-03-12", ACKNOWLEDGED, "2026-04-01", null);
    }

    @Test
    void a_late_acknowledgment_then_a_missed_promise_counts_the_appeal_from_the_promise() {
        DeadlineReport r = lateAckThenMissedPromise().ny("2026-04-20");
        // The first denial (March 10) would have closed its window on April 9. The latest: denied
        // from April 2; 30 days is Saturday May 2, so Monday May 4.
        assertDeadline(r, APPEAL_FILING, "2026-05-04", PENDING);
        assertThat(r.standing()).isEqualTo(Standing.CONSTRUCTIVELY_DENIED);
        assertThat(r.nextStep().party()).isEqualTo(Party.REQUESTER);
        assertThat(r.nextStep().by()).isEqualTo(day("2026-05-04"));
        assertThat(r.owed().liveMiss().kind()).isEqualTo(DETERMINATION);
        assertThat(r.owed().missedDue()).isEqualTo(day("2026-04-01"));
    }

    @Test
    void a_live_miss_keeps_the_appeal_open_after_30_days_as_the_silence_goes_on() {
        // Monday May 11: the window from April 2 ended May 4, but the agency still owes its answer:
        // 30 days from today is Wednesday June 10.
        DeadlineReport r = lateAckThenMissedPromise().ny("2026-05-11");
        assertDeadline(r, APPEAL_FILING, "2026-06-10", PENDING);
        assertThat(r.find(APPEAL_FILING).orElseThrow().note().key()).isEqualTo("note.mayAppealContinuing");
        assertThat(r.nextStep().by()).isEqualTo(day("2026-06-10"));
    }

    @Test
    void an_appeal_filed_during_a_continuing_denial_is_on_time() {
        // Filed Monday May 18, past May 4, while April 1 is still unanswered: the window runs from May 18.
        DeadlineReport r = lateAckThenMissedPromise().on("2026-05-18", APPEALED).ny("2026-05-19");
        assertDeadline(r, APPEAL_FILING, "2026-06-17", Deadline.State.MET);
    }

    @Test
    void a_miss_the_agency_cured_is_not_live_and_the_overdue_count_runs_from_the_live_miss() {
        // Acknowledged two business days late (Wednesday March 11) with April 8 as its date.
        DeadlineEngineTest.Ledger l = ledger("2026-03-02").on("2026-03-11", ACKNOWLEDGED, "2026-04-08", null);
        DeadlineReport before = l.ny("2026-03-20");
        assertThat(before.standing()).isEqualTo(Standing.CONSTRUCTIVELY_DENIED); // choice 7: the late act is still a miss
        assertThat(before.owed().liveMiss()).isNull();                             // but nothing is overdue now
        assertThat(before.owed().agencyDue()).isEqualTo(day("2026-04-08"));
        // Friday April 10: April 8 passed. Overdue since April 9; business days April 9 and 10: 2.
        DeadlineReport after = l.ny("2026-04-10");
        assertThat(after.owed().missedDue()).isEqualTo(day("2026-04-08"));
        assertThat(after.owed().overdueSince()).isEqualTo(day("2026-04-09"));
        assertThat(after.owed().businessDaysOverdue(BusinessCalendar.of(CalendarKind.NEW_YORK), day("2026-04-10"))).isEqualTo(2);
    }

    @Test
    void a_pending_appeal_on_time_has_no_live_miss_and_the_appeals_officer_owes_next() {
        // No response by March 9; appeal March 12; 10 business days from March 12 is March 26.
        DeadlineReport r = ledger("2026-03-02").on("2026-03-12", APPEALED).ny("2026-03-13");
        assertThat(r.standing()).isEqualTo(Standing.ON_TIME);
        assertThat(r.owed().liveMiss()).isNull();
        assertThat(r.owed().agencyNext().owedBy()).isEqualTo(Party.APPEALS_OFFICER);
        assertThat(r.owed().agencyDue()).isEqualTo(day("2026-03-26"));
        // Monday March 30: the appeals officer missed March 26; that is the live miss.
        DeadlineReport late = ledger("2026-03-02").on("2026-03-12", APPEALED).ny("2026-03-30");
        assertThat(late.owed().liveMiss().kind()).isEqualTo(APPEAL_DECISION);
    }

    @Test
    void the_queue_date_is_what_the_agency_owes_and_the_requesters_date_is_theirs() {
        // Denied Wednesday March 4: the agency owes nothing; the requester may appeal until Friday April 3.
        DeadlineReport denied = ledger("2026-03-02").on("2026-03-04", DENIED).ny("2026-03-05");
        assertThat(denied.owed().agencyDue()).isNull();
        assertThat(denied.owed().requesterDue()).isEqualTo(day("2026-04-03"));
        // After the missed promise the first next step is the requester's (May 4), but the agency
        // still owes its April 1 determination: that is the queue's date.
        DeadlineReport late = lateAckThenMissedPromise().ny("2026-04-20");
        assertThat(late.owed().agencyDue()).isEqualTo(day("2026-04-01"));
        assertThat(late.owed().agencyNext().owedBy()).isEqualTo(Party.AGENCY);
        assertThat(late.owed().requesterDue()).isEqualTo(day("2026-05-04"));
    }

    @Test
    void an_extension_after_the_date_passed_leaves_that_miss_live_until_the_new_one_is_missed_too() {
        // Acknowledged March 4 for Friday March 20; extended late on March 24 to Friday April 10.
        DeadlineEngineTest.Ledger l = ledger("2026-03-02").on("2026-03-04", ACKNOWLEDGED, "2026-03-20", null)
                .on("2026-03-24", EXTENDED, "2026-04-10", "Staff shortage");
        DeadlineReport r = l.ny("2026-03-25");
        assertThat(r.owed().missedDue()).isEqualTo(day("2026-03-20"));
        assertThat(r.owed().agencyDue()).isEqualTo(day("2026-04-10")); // its own promise, still pending
        assertDeadline(r, APPEAL_FILING, "2026-04-20", PENDING);       // denied from March 21: 30 days is April 20
        // Monday April 13: April 10 missed too. Denied from April 11: 30 days is Monday May 11.
        DeadlineReport later = l.ny("2026-04-13");
        assertThat(later.owed().missedDue()).isEqualTo(day("2026-04-10"));
        assertDeadline(later, APPEAL_FILING, "2026-05-11", PENDING);
    }

    @Test
    void a_federal_live_miss_points_to_the_courts_not_an_appeal_window() {
        // Received Friday Feb 6, 2026: 20 working days (Washington's Birthday skipped) is Monday March 9.
        DeadlineReport r = ledger("2026-02-06").federal("2026-03-10");
        assertThat(r.owed().missedDue()).isEqualTo(day("2026-03-09"));
        assertThat(r.standing()).isEqualTo(Standing.OVERDUE);
        assertThat(r.find(APPEAL_FILING)).isEmpty();
        assertThat(r.nextSteps()).anyMatch(s -> s.citation() != null && s.citation().contains("§552(a)(6)(C)(i)"));
    }

    @Test
    void a_withdrawn_request_owes_nothing() {
        DeadlineReport r = ledger("2026-03-02").on("2026-03-20", WITHDRAWN).ny("2026-04-20");
        assertThat(r.owed().liveMiss()).isNull();
        assertThat(r.owed().agencyNext()).isNull();
        assertThat(r.owed().requesterNext()).isNull();
        assertDeadline(r, DETERMINATION, "2026-04-06", Deadline.State.MOOT); // March 9 + 20 business days
    }

    @Test
    void missing_the_five_day_response_alone_is_the_live_miss_until_the_agency_answers() {
        DeadlineReport r = ledger("2026-03-02").ny("2026-03-10");
        assertThat(r.owed().liveMiss().kind()).isEqualTo(Deadline.Kind.RESPONSE);
        assertThat(r.owed().agencyNext().kind()).isEqualTo(DETERMINATION); // April 6 is still ahead
        assertThat(r.find(Deadline.Kind.RESPONSE).orElseThrow().state()).isEqualTo(MISSED);
    }
}
