package nyc.daylight.scorecards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import nyc.daylight.deadlines.BusinessCalendar;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jooq.DSLContext;

/** CSV exports: scorecards, and the request-level data they are computed from (no personal data). */
public final class OpenData {
    static final String[] REQUEST_COLUMNS = {"number", "agency", "regime", "topic", "imported", "received_on", "response_due",
            "responded_on", "response_met", "business_days_to_response", "determined_on", "business_days_to_determination",
            "determination_on_time", "outcome", "overdue_since", "constructive_denial", "extensions",
            "extension_business_days", "exemptions", "appeal_filed", "appeal_decided_on_time", "appeal_reversed",
            "files_released", "promised_business_days", "methodology_version", "demo", "near_total_redaction"};
    /** Where the two columns OpenData adds go: the repository's values fill the others, in order. */
    private static final int VERSION_COLUMN = java.util.Arrays.asList(REQUEST_COLUMNS).indexOf("methodology_version");
    static final String[] SCORECARD_COLUMNS = {"agency", "name", "regime", "from", "to", "received", "response_counted",
            "responded_within_5", "response_pct", "response_n", "response_ci95_low", "response_ci95_high", "median_days_to_response", "p90_days_to_response",
            "median_days_to_determination", "p90_days_to_determination", "determination_counted", "determined_on_time",
            "on_time_pct", "on_time_n", "on_time_ci95_low", "on_time_ci95_high", "overdue_now", "business_days_overdue", "constructive_denials", "extensions",
            "extension_business_days", "granted", "partially_granted", "denied", "no_records", "withdrawn", "open",
            "appeals_filed", "appeals_decided", "appeals_decided_on_time", "appeals_reversed", "files_released", "grade",
            "score", "methodology_version", "demo", "promises_n", "promises_band_low", "promises_band_high",
            "promises_in_band", "promises_uniform", "requests_extended", "longest_extension_chain", "on_time_provided",
            "on_time_closed", "late_provided", "late_closed", "determined", "determined_1_20", "determined_21_40",
            "determined_41_60", "determined_61_100", "determined_101_200", "determined_201_400", "determined_400_plus",
            "on_time_near_total_redaction", "late_near_total_redaction"};

    private final DSLContext dsl;
    private final Clock clock;
    private final BooleanSupplier demoData;
    private final OpenDataRepository repo = new OpenDataRepository();

    /** @param demoData whether the database holds the synthetic demo dataset: every row says so */
    public OpenData(DSLContext dsl, Clock clock, BooleanSupplier demoData) {
        this.dsl = dsl;
        this.clock = clock;
        this.demoData = demoData;
    }

    /**
     * One row per public request received in the period. A hidden or embargoed request has no row
     * at all, not a row without its number: its agency, dates and outcome would still say that
     * someone filed there that day. The scorecards leave out exactly the same requests.
     */
    public void requests(Writer out, Period period, String agencySlug) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        // On every row, not in a header comment: a row copied into a spreadsheet keeps its provenance.
        boolean demo = demoData.getAsBoolean();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(REQUEST_COLUMNS).get())) {
            repo.requestRows(dsl, period.from(), period.to(), agencySlug, today, values -> {
                List<Object> row = new ArrayList<>();
                for (Object v : values) row.add(v instanceof Object[] list ? joined(list) : v);
                // Where 2026.5 had them; near_total_redaction, the repository's last value, follows: old readers keep their positions.
                row.addAll(VERSION_COLUMN, List.of(RequestMetrics.VERSION, demo));
                csv.printRecord(row);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void scorecards(Writer out, List<Scorecard> cards) {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(SCORECARD_COLUMNS).get())) {
            for (Scorecard c : cards) {
                var o = c.outcomes();
                List<Object> row = new ArrayList<>(java.util.Arrays.asList(c.slug(), c.name(), c.regime(), c.period().from(), c.period().to(), c.received(),
                        c.responseCounted(), c.respondedWithin5(), round(c.responsePct()), c.responseRate().n(),
                        ci(c.responseRate(), 0), ci(c.responseRate(), 1), round(c.medianDaysToResponse()),
                        round(c.p90DaysToResponse()), round(c.medianDaysToDetermination()), round(c.p90DaysToDetermination()),
                        c.determinationCounted(), c.determinedOnTime(), round(c.onTimePct()), c.onTimeRate().n(),
                        ci(c.onTimeRate(), 0), ci(c.onTimeRate(), 1), c.overdueNow(),
                        c.businessDaysOverdue(), c.constructiveDenials(), c.extensions(), c.extensionBusinessDays(),
                        o.get("GRANTED"), o.get("PARTIALLY_GRANTED"), o.get("DENIED"), o.get("NO_RECORDS"), o.get("WITHDRAWN"),
                        o.get("OPEN"), c.appealsFiled(), c.appealsDecided(), c.appealsDecidedOnTime(), c.appealsReversed(),
                        c.filesReleased(), c.gradeLetter() == null ? "" : c.gradeLetter(), round(c.grade().score()), c.methodology(), c.demo()));
                row.addAll(delays(c.delayPatterns()));
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An array column (exemptions, promised days) as one cell, its values joined by ";". */
    private static String joined(Object[] list) {
        List<String> out = new ArrayList<>();
        for (Object o : list) out.add(String.valueOf(o));
        return String.join(";", out);
    }

    /** The delay-pattern columns, in {@link #SCORECARD_COLUMNS} order (appended after {@code demo}: old readers keep their columns). */
    private static List<Object> delays(DelayPatterns d) {
        PromiseSpread p = d.promises();
        List<Object> out = new ArrayList<>(List.of(p.n(), p.bandLow() == null ? "" : p.bandLow(), p.bandHigh() == null ? "" : p.bandHigh(),
                p.inBand(), p.uniform() == null ? "" : p.uniform(), d.extensions().requestsExtended(), d.extensions().longestChain(),
                d.timeliness().onTimeProvided(), d.timeliness().onTimeClosed(), d.timeliness().lateProvided(),
                d.timeliness().lateClosed(), d.determined()));
        for (Scorecard.Bucket b : d.daysToDetermination()) out.add(b.count());
        // Since 2026.6, at the end again: a near-total redaction is no longer in on_time_provided / late_provided.
        out.add(d.timeliness().onTimeNearTotal());
        out.add(d.timeliness().lateNearTotal());
        return out;
    }

    private static String ci(Rate r, int i) {
        return r.ci95() == null ? "" : String.format(Locale.ROOT, "%.4f", r.ci95().get(i));
    }

    private static String round(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.1f", d);
    }
}
