package nyc.daylight.scorecards;

import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One agency's (or the city's) numbers for one period. Percentages are 0–100 and null when
 * nothing counted; medians and 90th percentiles are in business days. {@code demo} is true when
 * the figures come from the synthetic demo dataset, so a file that leaves the site says so.
 */
public record Scorecard(
        String slug,
        String name,
        String regime,
        Period period,
        int received,
        int responseCounted,
        int respondedWithin5,
        @JsonIgnore Double responsePct,
        Rate responseRate,
        Double medianDaysToResponse,
        Double p90DaysToResponse,
        Double medianDaysToDetermination,
        Double p90DaysToDetermination,
        int determinationCounted,
        int determinedOnTime,
        @JsonIgnore Double onTimePct,
        Rate onTimeRate,
        int overdueNow,
        int businessDaysOverdue,
        int constructiveDenials,
        int extensions,
        int extensionBusinessDays,
        Map<String, Integer> outcomes,
        Map<String, Integer> exemptions,
        int appealsFiled,
        int appealsDecided,
        int appealsDecidedOnTime,
        int appealsReversed,
        Rate appealsOnTimeRate,
        int filesReleased,
        @JsonIgnore Grade grade,
        List<Month> months,
        List<Bucket> daysToDetermination,
        DelayPatterns delayPatterns,
        String methodology,
        boolean demo) {

    /** Requests received in a month, and how many of them were decided on time. */
    public record Month(String month, int received, int onTime, int counted) {
        public Double onTimePct() {
            return counted == 0 ? null : 100.0 * onTime / counted;
        }

        /** The month's on-time rate with its n and interval: a month of 2 requests says little. */
        @JsonIgnore
        public Rate onTimeRate() {
            return Rate.of(onTime, counted);
        }
    }

    public record Bucket(String label, int count) {}

    /** The letter, or null when there is too little to grade (see {@link #gradeReason()}). */
    @JsonProperty("grade")
    public String gradeLetter() {
        return grade.score() == null ? null : grade.letter();
    }

    @JsonProperty("gradeReason")
    public String gradeReason() {
        return grade.formula();
    }

    @JsonIgnore
    public double extensionsPerRequest() {
        return received == 0 ? 0 : (double) extensions / received;
    }
}
