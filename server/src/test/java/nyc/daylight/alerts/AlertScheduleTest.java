package nyc.daylight.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import nyc.daylight.alerts.SavedSearch.Frequency;
import nyc.daylight.alerts.SavedSearch.Kind;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NewYork;
import org.junit.jupiter.api.Test;

/** When batches are due, and what a saved search keeps of a form: pure rules, no database. */
class AlertScheduleTest {

    private static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(NewYork.ZONE);
    }

    @Test
    void instant_is_always_due_none_never_daily_once_a_day_from_seven_weekly_from_monday_seven() {
        LocalDate wed = LocalDate.parse("2026-03-04");
        assertThat(AlertSchedule.due(Frequency.INSTANT, wed, at("2026-03-04T03:00"))).isTrue();
        assertThat(AlertSchedule.due(Frequency.NONE, wed.minusYears(1), at("2026-03-04T12:00"))).isFalse();
        assertThat(AlertSchedule.due(Frequency.DAILY, wed, at("2026-03-04T12:00"))).as("already today").isFalse();
        assertThat(AlertSchedule.due(Frequency.DAILY, wed, at("2026-03-05T06:59"))).as("before seven").isFalse();
        assertThat(AlertSchedule.due(Frequency.DAILY, wed, at("2026-03-05T07:00"))).isTrue();
        assertThat(AlertSchedule.due(Frequency.WEEKLY, wed, at("2026-03-08T12:00"))).as("same week (Sunday)").isFalse();
        assertThat(AlertSchedule.due(Frequency.WEEKLY, wed, at("2026-03-09T06:30"))).as("Monday before seven").isFalse();
        assertThat(AlertSchedule.due(Frequency.WEEKLY, wed, at("2026-03-09T07:00"))).isTrue();
        assertThat(AlertSchedule.due(Frequency.WEEKLY, wed, at("2026-03-10T05:00"))).as("missed Monday: Tuesday early").isTrue();
        assertThat(AlertSchedule.due(Frequency.WEEKLY, LocalDate.parse("2026-03-09"), at("2026-03-13T12:00"))).isFalse();
    }

    @Test
    void a_saved_query_keeps_only_the_filters_in_a_fixed_order_and_refuses_what_the_page_refuses() {
        java.util.Map<String, String> form = java.util.Map.of("agency", "doc", "q", " \"release date\" ", "sort", "newest", "page", "3",
                "type", "");
        assertThat(SavedQuery.canonical(Kind.RECORDS, form::get)).isEqualTo("q=%22release+date%22&agency=doc");
        assertThat(SavedQuery.records("q=%22release+date%22&agency=doc").text()).isEqualTo("\"release date\"");
        assertThat(SavedQuery.defaultName("q=%22release+date%22&agency=doc")).isEqualTo("\"release date\" · agency: doc");
        assertThat(SavedQuery.canonical(Kind.REQUESTS, java.util.Map.of("status", "overdue", "type", "pdf")::get)).isEqualTo("status=overdue");
        for (java.util.Map<String, String> bad : java.util.List.of(java.util.Map.<String, String>of(), java.util.Map.of("from", "2026-13-01"),
                java.util.Map.of("from", "2026-03-02", "to", "2026-03-01"), java.util.Map.of("agency", "DOC; drop"),
                java.util.Map.of("q", "x".repeat(501)))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SavedQuery.canonical(Kind.RECORDS, bad::get)).as(bad.toString())
                    .isInstanceOf(BadInput.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SavedQuery.canonical(Kind.REQUESTS, java.util.Map.of("status", "NOPE")::get))
                .isInstanceOf(BadInput.class);
    }
}
