package nyc.daylight.scorecards;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The patterns behind an agency's delays (docs/scorecard-methodology.md, "Delay patterns"): how
 * far out it promises, what its extensions add up to, whether "on time" also meant records, and
 * the DOJ's time brackets to determination. Every figure carries its n.
 *
 * @param promises the spread of written promises, flagged when uniform
 * @param extensions the running extensions ledger
 * @param timeliness on time and records provided, kept apart from near-total redactions and from merely closed
 * @param determined requests with a determination (the n of {@code daysToDetermination})
 * @param daysToDetermination business days from receipt to determination, in {@link TimeBuckets}
 */
public record DelayPatterns(PromiseSpread promises, Extensions extensions, Timeliness timeliness, int determined,
                            List<Scorecard.Bucket> daysToDetermination) {

    /** Determinations that provide records: a grant or a partial grant, as the ledger names them. */
    static final Set<String> PROVIDING = Set.of("GRANTED", "PARTIALLY_GRANTED");

    /**
     * @param requests requests counted (received in the period)
     * @param requestsExtended requests with at least one extension
     * @param businessDaysAdded business days all extensions added together
     * @param longestChain the most extensions on one request
     */
    public record Extensions(int requests, int requestsExtended, int extensions, int businessDaysAdded, int longestChain) {}

    /**
     * Over the requests the on-time rate counts (n): on time and records provided, on time but
     * redacted nearly in full, on time but closed without records (denied, no records, withdrawn,
     * or a grant with nothing released), and the late ones split the same way.
     */
    public record Timeliness(int n, int onTimeProvided, int onTimeNearTotal, int onTimeClosed, int lateProvided,
                             int lateNearTotal, int lateClosed) {
        @JsonProperty("onTimeProvidedRate")
        public Rate onTimeProvidedRate() {
            return Rate.of(onTimeProvided, n);
        }

        @JsonProperty("onTimeNearTotalRate")
        public Rate onTimeNearTotalRate() {
            return Rate.of(onTimeNearTotal, n);
        }

        @JsonProperty("onTimeClosedRate")
        public Rate onTimeClosedRate() {
            return Rate.of(onTimeClosed, n);
        }
    }

    /**
     * A release counts as a near-total redaction, not as records provided, when its published
     * records together had at least this share of their words redacted. Agencies report such a
     * request as closed or granted in part like any other; to the requester it is close to a denial.
     */
    static final int NEAR_TOTAL_PERCENT = 90;

    /** What a decided request gave the requester. */
    enum Disposition { PROVIDED, NEAR_TOTAL_REDACTION, CLOSED }

    /**
     * Whether the request's published records, all together, were redacted nearly in full
     * ({@link #NEAR_TOTAL_PERCENT} of their words or more). False with no counted words: a record
     * not yet published, or a scan with no text, says nothing about how much was redacted.
     * Pure; the repository's SQL says the same ({@code DelayRepository.nearTotalRedaction}).
     */
    static boolean nearTotalRedaction(long wordsTotal, long wordsRedacted) {
        return wordsTotal > 0 && wordsRedacted * 100 >= wordsTotal * NEAR_TOTAL_PERCENT;
    }

    /**
     * Whether a decided request provided records: a grant or partial grant that released files
     * through Daylight, or, for a request imported from an agency's log (which carries no files),
     * the log's grant itself. A denial, "no records", a withdrawal, or a grant with nothing released
     * is closed, not provided. Pure; the repository's SQL says the same ({@code DelayRepository}).
     */
    static boolean provided(String outcome, int filesReleased, boolean imported) {
        return PROVIDING.contains(outcome) && (filesReleased > 0 || imported);
    }

    /** {@link #provided}, with a release redacted nearly in full told apart from records provided. */
    static Disposition disposition(String outcome, int filesReleased, boolean imported, boolean nearTotalRedaction) {
        if (!provided(outcome, filesReleased, imported)) return Disposition.CLOSED;
        return nearTotalRedaction ? Disposition.NEAR_TOTAL_REDACTION : Disposition.PROVIDED;
    }

    static DelayPatterns none() {
        return of(Map.of(), new Extensions(0, 0, 0, 0, 0), new Timeliness(0, 0, 0, 0, 0, 0, 0), Map.of());
    }

    static DelayPatterns of(Map<Integer, Integer> promises, Extensions extensions, Timeliness timeliness,
                            Map<Integer, Integer> determinationDays) {
        int determined = determinationDays.values().stream().mapToInt(Integer::intValue).sum();
        return new DelayPatterns(PromiseSpread.of(promises), extensions, timeliness, determined, TimeBuckets.of(determinationDays));
    }
}
