package nyc.daylight.deadlines;

import static nyc.daylight.deadlines.Deadline.Kind.APPEAL_DECISION;
import static nyc.daylight.deadlines.Deadline.Kind.APPEAL_FILING;
import static nyc.daylight.deadlines.Deadline.Kind.COURT;
import static nyc.daylight.deadlines.Deadline.Kind.DETERMINATION;
import static nyc.daylight.deadlines.Deadline.Kind.RESPONSE;
import static nyc.daylight.deadlines.Deadline.State.EXPIRED;
import static nyc.daylight.deadlines.Deadline.State.MET;
import static nyc.daylight.deadlines.Deadline.State.MISSED;
import static nyc.daylight.deadlines.Deadline.State.MOOT;
import static nyc.daylight.deadlines.Deadline.State.PENDING;
import static nyc.daylight.deadlines.Deadline.State.SUPERSEDED;
import static nyc.daylight.deadlines.EventType.ACKNOWLEDGED;
import static nyc.daylight.deadlines.EventType.APPEALED;
import static nyc.daylight.deadlines.EventType.APPEAL_DENIED;
import static nyc.daylight.deadlines.EventType.APPEAL_GRANTED;
import static nyc.daylight.deadlines.EventType.CLARIFICATION_ANSWERED;
import static nyc.daylight.deadlines.EventType.CLARIFICATION_REQUESTED;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each case is a ledger and a "now"; dates are worked out by hand in the comments. */
class DeadlineEngineTest {
    private static final DeadlineEngine engine = new DeadlineEngine();

    /** 10:00 New York time on the given day. */
    static Instant at(String date) {
        return at(date, "10:00");
    }

    static Instant at(String date, String time) {
        return ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), BusinessCalendar.NEW_YORK).toInstant();
    }

    static Ledger ledger(String submittedOn) {
        return new Ledger().add(SUBMITTED, at(submittedOn), null, null);
    }

    static final class Ledger {
        final List<LedgerEvent> events = new ArrayList<>();

        Ledger add(EventType type, Instant when, String date, String reason) {
            events.add(new LedgerEvent(type, when, date == null ? null : LocalDate.parse(date), reason));
            return this;
        }

        Ledger on(String day, EventType type) {
            return add(type, at(day), null, null);
        }

        Ledger on(String day, EventType type, String date, String reason) {
            return add(type, at(day), date, reason);
        }

        DeadlineReport ny(String today) {
            return engine.evaluate(events, AgencyRules.nyFoil(), BusinessCalendar.of(CalendarKind.NEW_YORK), at(today, "12:00"));
        }

        DeadlineReport federal(String today) {
            return engine.evaluate(events, AgencyRules.federalFoia(), BusinessCalendar.of(CalendarKind.FEDERAL), at(today, "12:00"));
        }
    }

    static void assertDeadline(DeadlineReport r, Deadline.Kind kind, String due, Deadline.State state) {
        assertThat(r.find(kind)).as(kind.toString()).hasValueSatisfying(d -> {
            assertThat(d.due()).as(kind + " due").isEqualTo(LocalDate.parse(due));
            assertThat(d.state()).as(kind + " state").isEqualTo(state);
        });
    }

    @Nested
    class NewYorkResponseWithinFiveBusinessDays {
        // Received Monday March 2, 2026 at 10:00: five business days later is Monday March 9.
        @ParameterizedTest(name = "on {0}: {1}")
        @CsvSource({
                "2026-03-04, ON_TIME",     // three business days left
                "2026-03-05, DUE_SOON",    // two business days left
                "2026-03-06, DUE_SOON",
                "2026-03-09, DUE_SOON",    // the last day
                "2026-03-10, CONSTRUCTIVELY_DENIED"})
        void an_unanswered_request_moves_from_on_time_to_constructive_denial(String today, Standing expected) {
            DeadlineReport r = ledger("2026-03-02").ny(today);
            assertThat(r.effectiveReceipt()).isEqualTo(LocalDate.parse("2026-03-02"));
            assertThat(r.standing()).isEqualTo(expected);
            assertThat(r.find(RESPONSE).orElseThrow().due()).isEqualTo(LocalDate.parse("2026-03-09"));
        }

        @Test
        void a_missed_acknowledgment_is_a_constructive_denial_the_requester_may_appeal_within_30_days() {
            DeadlineReport r = ledger("2026-03-02").ny("2026-03-10");
            assertDeadline(r, RESPONSE, "2026-03-09", MISSED);
            // Denied from March 10; 30 days later is Thursday April 9.
            assertDeadline(r, APPEAL_FILING, "2026-04-09", PENDING);
            assertThat(r.nextStep().party()).isEqualTo(Party.REQUESTER);
            assertThat(r.nextStep().by()).isEqualTo(LocalDate.parse("2026-04-09"));
            assertThat(r.nextSteps().get(1).party()).isEqualTo(Party.AGENCY);
        }

        @Test
        void a_request_received_after_close_of_business_on_a_friday_counts_from_monday() {
            DeadlineReport r = new Ledger().add(SUBMITTED, at("2026-03-06", "17:30"), null, null).ny("2026-03-06");
            assertThat(r.effectiveReceipt()).isEqualTo(LocalDate.parse("2026-03-09"));
            assertDeadline(r, RESPONSE, "2026-03-16", PENDING);
        }

        @Test
        void holidays_in_the_period_are_skipped() {
            // Friday Feb 6, 2026: Lincoln's Birthday (12th) and Washington's Birthday (16th) skipped.
            assertDeadline(ledger("2026-02-06").ny("2026-02-06"), RESPONSE, "2026-02-17", PENDING);
        }

        @Test
        void a_request_received_on_a_holiday_counts_from_the_next_business_day() {
            DeadlineReport r = ledger("2026-11-26").ny("2026-11-26");
            assertThat(r.effectiveReceipt()).isEqualTo(LocalDate.parse("2026-11-27"));
            assertDeadline(r, RESPONSE, "2026-12-04", PENDING);
        }

        @Test
        void with_no_acknowledgment_the_determination_shows_the_latest_lawful_date() {
            // 20 business days after March 9 is April 6.
            assertDeadline(ledger("2026-03-02").ny("2026-03-03"), DETERMINATION, "2026-04-06", PENDING);
        }

        @Test
        void a_grant_within_five_days_meets_both_deadlines_and_closes_the_request() {
            DeadlineReport r = ledger("2026-03-02").on("2026-03-06", GRANTED).ny("2026-05-01");
            assertDeadline(r, RESPONSE, "2026-03-09", MET);
            assertDeadline(r, DETERMINATION, "2026-04-06", MET);
            assertThat(r.find(APPEAL_FILING)).isEmpty();
            assertThat(r.standing()).isEqualTo(Standing.DECIDED);
            assertThat(r.nextStep().party()).isEqualTo(Party.NOBODY);
        }
    }

    @Nested
    class NewYorkAcknowledgmentAndDateCertain {
        @Test
        void an_acknowledgment_with_an_approximate_date_within_20_business_days_sets_the_due_date() {
            DeadlineReport r = ledger("2026-03-02").on("2026-03-04", ACKNOWLEDGED, "2026-03-20", null).ny("2026-03-10");
            assertDeadline(r, RESPONSE, "2026-03-09", MET);
            assertDeadline(r, DETERMINATION, "2026-03-20", PENDING);
            assertThat(r.standing()).isEqualTo(Standing.ON_TIME);
            assertThat(r.nextStep()).satisfies(s -> {
                assertThat(s.party()).isEqualTo(Party.AGENCY);
                assertThat(s.by()).isEqualTo(LocalDate.parse("2026-03-20"));
            });
        }

        @Test
        void a_date_beyond_20_business_days_with_the_written_reason_binds() {
            DeadlineReport r = ledger("2026-03-02")
                    .on("2026-03-04", ACKNOWLEDGED, "2026-05-29", "Records are held by three divisions").ny("2026-04-10");
            assertDeadline(r, DETERMINATION, "2026-05-29", PENDING);
            assertThat(r.standing()).isEqualTo(Standing.ON_TIME);
        }

        @Test
        void a_date_beyond_20_business_days_without_a_reason_is_held_to_20_business_days() {
            // 20 business days after March 4 is April 1.
            DeadlineReport r = ledger("2026-03-02").on("2026-03-04", ACKNOWLEDGED, "2026-05-29", " ").ny("2026-04-02");
            assertDeadline(r, DETERMINATION, "2026-04-01", MISSED);
            assertThat(r.find(DETERMINATION).orElseThrow().note().english()).contains("without the written reason");
            assertThat(r.standing()).isEqualTo(Standing.CONSTRUCTIVELY_DENIED);
        }

        @Test
        void an_acknowledgment_without_an_approximate_date_is_a_constructive_denial() {
            DeadlineReport r = ledger("2026-03-02").on("2026-03-04", ACKNOWLEDGED).ny("2026-03-05");
            assertThat(r.find(RESPONSE).orElseThrow()).satisfies(d -> {
                assertThat(d.state()).isEqualTo(MISSED);
                assertThat(d.resolvedOn()).isEqualTo(LocalDate.parse("2026-03-04"));
            });
            assertThat(r.standing()).isEqualTo(Standing.CONSTRUCTIVELY_DENIED);
            // Denied on March 4; 30 days later is Friday April 3.
            assertDeadline(r, APPEAL_FILING, "2026-04-03", PENDING);
        }

        @Test
        void a_late_acknowledgment_does_not_undo_the_missed_deadline() {
            DeadlineReport r = ledger("2026-03-02").on("2026-03-12", ACKNOWLEDGED, "2026-04-01", null).ny("2026-03-13");
            assertThat(r.find(RESPONSE).orElseThrow()).satisfies(d -> {
                assertThat(d.state()).isEqualTo(MISSED);
                assertThat(d.resolvedOn()).isEqualTo(LocalDate.parse("2026-03-12"));
            });
            assertDeadline(r, DETERMINATION, "2026-04-01", PENDING);
            assertThat(r.standing()).isEqualTo(Standing.CONSTRUCTIVELY_DENIED);
            assertDeadline(r, APPEAL_FILING, "2026-04-09", PENDING);
        }

        @Test
        void missing_the_date_certain_is_a_constructive_denial() {
            DeadlineReport r = ledger("2026-03-02").on("2026-03-04", ACKNOWLEDGED, "2026-03-20", null).ny("2026-03-23");
            assertDeadline(r, DETERMINATION, "2026-03-20", MISSED);
            assertThat(r.standing()).isEqualTo(Standing.CONSTRUCTIVELY_DENIED);
            // Denied from March 21; 30 days later is Monday April 20.
            assertDeadline(r, APPEAL_FILING, "2026-04-20", PENDING);
        }
    }

    @Nested
    class NewYorkExtensionsAndClarification {
        @Test
        void an_extension_with_a_reason_before_the_date_moves_it_and_keeps_the_old_one() {
            DeadlineReport r = ledger("2026-03-02").on("2026-03-04", ACKNOWLEDGED, "2026-03-20", null)
                    .on("2026-03-18", EXTENDED, "2026-04-10", "Awaiting the e-mail archive export").ny("2026-03-25");
            assertThat(r.deadlines()).filteredOn(d -> d.kind() == DETERMINATION)
                    .extracting(Deadline::due, Deadline::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-03-20"), SUPERSEDED),
                            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-04-10"), PENDING));
            assertThat(r.standing()).isEqualTo(Standing.ON_TIME);
        }

        @Test
        void an_extension_after_the_date_passed_never_erases_the_miss() {
            DeadlineReport r = ledger("2026-03-02").on("2026-03-04", ACKNOWLEDGED, "2026-03-20", null)
                    .on("2026-03-24", EXTENDED, "2026-04-10", "Staff shortage").ny("2026-03-25");
            assertThat(r.deadlines()).filteredOn(d -> d.kind() == DETERMINATION)
                    .extracting(Deadline::due, Deadline::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-03-20"), MISSED),
                            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-04-10"), PENDING));
            assertThat(r.standing()).isEqualTo(Standing.CONSTRUCTIVELY_DENIED);
        }

        @Test
        void an_extension_without_a_reason_moves_nothing() {
            DeadlineReport r = ledger("2026-03-02").on("2026-03-04", ACKNOWLEDGED, "2026-03-20", null)
                    .on("2026-03-18", EXTENDED, "2026-04-10", "").ny("2026-03-19");
            assertDeadline(r, DETERMINATION, "2026-03-20", PENDING);
            assertThat(r.standing()).isEqualTo(Standing.DUE_SOON);
        }

        @Test
        void a_clarification_request_awaits_the_requester_but_does_not_pause_the_agency() {
            Ledger l = ledger("2026-03-02").on("2026-03-04", CLARIFICATION_REQUESTED);
            DeadlineReport open = l.ny("2026-03-05");
            assertThat(open.nextSteps()).extracting(NextStep::party).containsExactly(Party.REQUESTER, Party.AGENCY);
            assertThat(open.nextSteps().get(1).by()).isEqualTo(LocalDate.parse("2026-03-09"));
            assertThat(l.ny("2026-03-10").standing()).as("no tolling").isEqualTo(Standing.CONSTRUCTIVELY_DENIED);

            DeadlineReport answered = l.on("2026-03-05", CLARIFICATION_ANSWERED).ny("2026-03-05");
            assertThat(answered.nextStep().party()).isEqualTo(Party.AGENCY);
        }

        @Test
        void withdrawing_makes_every_open_deadline_moot() {
            DeadlineReport r = ledger("2026-03-02").on("2026-03-04", ACKNOWLEDGED, "2026-03-20", null)
                    .on("2026-03-05", WITHDRAWN).ny("2026-04-01");
            assertThat(r.standing()).isEqualTo(Standing.WITHDRAWN);
            assertDeadline(r, DETERMINATION, "2026-03-20", MOOT);
            assertThat(r.nextStep().party()).isEqualTo(Party.NOBODY);
        }
    }

    @Nested
    class NewYorkAppeals {
        private Ledger denied() {
            return ledger("2026-03-02").on("2026-03-04", ACKNOWLEDGED, "2026-03-20", null).on("2026-03-20", DENIED);
        }

        @Test
        void a_denial_opens_30_days_to_appeal_moved_off_a_weekend() {
            DeadlineReport r = denied().ny("2026-03-23");
            assertDeadline(r, DETERMINATION, "2026-03-20", MET);
            // March 20 + 30 days is Sunday April 19: GCL §25-a moves it to Monday April 20.
            assertDeadline(r, APPEAL_FILING, "2026-04-20", PENDING);
            assertThat(r.standing()).isEqualTo(Standing.DECIDED);
            assertThat(r.nextStep().party()).isEqualTo(Party.REQUESTER);
        }

        @Test
        void an_unused_appeal_window_expires() {
            DeadlineReport r = denied().ny("2026-04-21");
            assertDeadline(r, APPEAL_FILING, "2026-04-20", EXPIRED);
            assertThat(r.nextStep().party()).isEqualTo(Party.NOBODY);
        }

        @Test
        void the_appeals_officer_has_10_business_days_from_receipt() {
            DeadlineReport r = denied().on("2026-04-01", APPEALED).ny("2026-04-10");
            assertDeadline(r, APPEAL_FILING, "2026-04-20", MET);
            assertDeadline(r, APPEAL_DECISION, "2026-04-15", PENDING);
            assertThat(r.standing()).isEqualTo(Standing.ON_TIME);
            assertThat(r.nextStep().party()).isEqualTo(Party.APPEALS_OFFICER);
        }

        @Test
        void an_undecided_appeal_is_a_final_denial_opening_article_78_for_four_months() {
            DeadlineReport r = denied().on("2026-04-01", APPEALED).ny("2026-04-16");
            assertDeadline(r, APPEAL_DECISION, "2026-04-15", MISSED);
            assertThat(r.standing()).isEqualTo(Standing.CONSTRUCTIVELY_DENIED);
            // Final denial April 16; four months later is Sunday August 16, moved to Monday.
            assertDeadline(r, COURT, "2026-08-17", PENDING);
            assertThat(r.nextStep().party()).isEqualTo(Party.REQUESTER);
            assertThat(r.nextStep().citation()).contains("CPLR 217");
        }

        @Test
        void an_appeal_denied_in_time_opens_article_78_from_the_decision() {
            DeadlineReport r = denied().on("2026-04-01", APPEALED).on("2026-04-14", APPEAL_DENIED).ny("2026-04-20");
            assertDeadline(r, APPEAL_DECISION, "2026-04-15", MET);
            assertDeadline(r, COURT, "2026-08-14", PENDING);
            assertThat(r.standing()).isEqualTo(Standing.DECIDED);
        }

        @Test
        void a_granted_appeal_leaves_nothing_to_litigate() {
            DeadlineReport r = denied().on("2026-04-01", APPEALED).on("2026-04-14", APPEAL_GRANTED).ny("2026-04-20");
            assertThat(r.find(COURT)).isEmpty();
            assertThat(r.nextStep().party()).isEqualTo(Party.NOBODY);
        }

        @Test
        void an_appeal_from_a_constructive_denial_is_tracked_the_same_way() {
            DeadlineReport r = ledger("2026-03-02").on("2026-03-12", APPEALED).ny("2026-03-13");
            assertDeadline(r, APPEAL_FILING, "2026-04-09", MET);
            // Appeal received March 12: 10 business days later is March 26.
            assertDeadline(r, APPEAL_DECISION, "2026-03-26", PENDING);
        }
    }

    @Nested
    class Article78FourMonths {
        /** A request denied on appeal on the given day; the four months run from that final denial. */
        private DeadlineReport finalDenialOn(String day) {
            return ledger("2026-01-05").on("2026-01-06", DENIED).on("2026-01-07", APPEALED).on(day, APPEAL_DENIED)
                    .ny(day);
        }

        @ParameterizedTest(name = "final denial {0}: Article 78 until {1}")
        @CsvSource({
                "2026-01-16, 2026-05-18",   // May 16 is a Saturday: Monday May 18 (GCL §25-a)
                "2026-01-21, 2026-05-21",   // an ordinary weekday
                "2026-05-07, 2026-09-08",   // September 7 is Labor Day: Tuesday
                "2026-01-20, 2026-05-20"})
        void four_months_from_the_final_denial_moved_off_weekends_and_holidays(String denial, String until) {
            assertDeadline(finalDenialOn(denial), COURT, until, PENDING);
        }

        @Test
        void a_month_end_denial_ends_on_the_last_day_of_a_shorter_month() {
            // October 31 + 4 months is February 28, 2027, a Sunday: Monday March 1.
            DeadlineReport r = ledger("2026-09-01").on("2026-09-02", DENIED).on("2026-09-03", APPEALED)
                    .on("2026-10-31", APPEAL_DENIED).ny("2026-11-02");
            assertDeadline(r, COURT, "2027-03-01", PENDING);
        }
    }

    @Nested
    class Federal {
        @Test
        void twenty_working_days_from_receipt_skipping_federal_holidays_only() {
            // Feb 6, 2026: Washington's Birthday (16th) skipped; Lincoln's Birthday is a working day.
            DeadlineReport r = ledger("2026-02-06").federal("2026-02-06");
            assertThat(r.find(RESPONSE)).isEmpty();
            assertDeadline(r, DETERMINATION, "2026-03-09", PENDING);
        }

        @Test
        void a_missed_federal_deadline_is_overdue_and_points_to_ogis_and_the_courts() {
            DeadlineReport r = ledger("2026-02-06").federal("2026-03-10");
            assertThat(r.standing()).isEqualTo(Standing.OVERDUE);
            assertThat(r.find(APPEAL_FILING)).isEmpty();
            assertThat(r.nextStep().citation()).contains("§552(a)(6)(C)(i)");
            assertThat(r.nextSteps()).extracting(NextStep::party).containsExactly(Party.REQUESTER, Party.AGENCY);
        }

        @ParameterizedTest(name = "extended to {0}: due {1}")
        @CsvSource({
                "2026-03-20, 2026-03-20",
                "2026-04-30, 2026-03-23"})   // capped at 10 more working days after March 9
        void unusual_circumstances_extend_by_at_most_ten_working_days(String asked, String due) {
            DeadlineReport r = ledger("2026-02-06").on("2026-03-02", EXTENDED, asked, "Records at field offices")
                    .federal("2026-03-10");
            assertDeadline(r, DETERMINATION, due, PENDING);
            assertThat(r.standing()).isEqualTo(Standing.ON_TIME);
        }

        @Test
        void a_second_extension_needs_the_requesters_agreement_and_moves_nothing() {
            DeadlineReport r = ledger("2026-02-06")
                    .on("2026-03-02", EXTENDED, "2026-03-20", "Field offices")
                    .on("2026-03-18", EXTENDED, "2026-04-30", "More field offices")
                    .federal("2026-03-24");
            assertDeadline(r, DETERMINATION, "2026-03-20", MISSED);
            assertThat(r.standing()).isEqualTo(Standing.OVERDUE);
        }

        @Test
        void a_denial_gives_90_days_to_appeal_and_the_agency_20_working_days_to_decide() {
            DeadlineReport r = ledger("2026-02-06").on("2026-03-05", DENIED).on("2026-03-20", APPEALED).federal("2026-03-25");
            assertDeadline(r, APPEAL_FILING, "2026-06-03", MET);
            assertDeadline(r, APPEAL_DECISION, "2026-04-17", PENDING);
            assertThat(r.nextStep().party()).isEqualTo(Party.APPEALS_OFFICER);
        }
    }
}
