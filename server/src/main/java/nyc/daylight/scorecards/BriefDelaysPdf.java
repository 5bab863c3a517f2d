package nyc.daylight.scorecards;

import java.util.List;
import java.util.Locale;
import nyc.daylight.core.Message;
import nyc.daylight.web.PdfPages;

/**
 * The brief PDF's delay patterns, the card's own section in print (delays.ftlh): the uniform-promise
 * flag, the extensions ledger, on time and records provided (apart from near-total redactions), and the DOJ
 * time buckets, each with its n and what that n counts.
 */
final class BriefDelaysPdf {
    private BriefDelaysPdf() {}

    static void write(PdfPages p, Locale l, DelayPatterns d, String methodologyUrl) throws java.io.IOException {
        p.heading(t(l, "sc.delays"), 13);
        p.text(t(l, "sc.delays.lead") + " " + methodologyUrl + "#delays", 9, false);
        PromiseSpread pr = d.promises();
        p.heading(t(l, "sc.delays.promises"), 11);
        String band = pr.n() == 0 ? "" : " " + t(l, "sc.delays.band", pr.inBand(), pr.n(), pr.bandLow(), pr.bandHigh(), pr.bandPct());
        String flag;
        if (pr.uniform() != null) flag = (pr.uniform() ? t(l, "sc.delays.uniform") : t(l, "sc.delays.notUniform", pr.n())) + band;
        else if (pr.n() == 0) flag = t(l, "sc.delays.noPromises");
        else flag = t(l, "sc.delays.tooFew", pr.n(), pr.minN()) + band;
        p.text(flag, 10, Boolean.TRUE.equals(pr.uniform()));
        buckets(p, l, pr.buckets(), pr.n());
        DelayPatterns.Extensions x = d.extensions();
        p.heading(t(l, "sc.delays.ledger"), 11);
        p.text(t(l, "sc.delays.ledger.extensions") + ": "
                + t(l, "sc.delays.ledger.extensionsDetail", x.extensions(), x.requestsExtended(), x.requests()), 10, false);
        p.text(t(l, "sc.delays.ledger.days") + ": " + x.businessDaysAdded() + "  ·  " + t(l, "sc.delays.ledger.longest") + ": "
                + x.longestChain(), 10, false);
        DelayPatterns.Timeliness tm = d.timeliness();
        p.heading(t(l, "sc.delays.provided"), 11);
        // Its n (requests due) is not the DOJ brackets' (requests decided): each says what it counts.
        p.text(t(l, "sc.delays.provided.caption", tm.n()), 9, false);
        p.text(t(l, "sc.delays.provided.onTimeProvided") + ": " + t(l, "sc.xOfY", tm.onTimeProvided(), tm.n()) + ": "
                + tm.onTimeProvidedRate().message().in(l), 10, false);
        p.text(t(l, "sc.delays.provided.onTimeNearTotal") + ": " + t(l, "sc.xOfY", tm.onTimeNearTotal(), tm.n()) + ": "
                + tm.onTimeNearTotalRate().message().in(l), 10, false);
        p.text(t(l, "sc.delays.provided.onTimeClosed") + ": " + t(l, "sc.xOfY", tm.onTimeClosed(), tm.n()) + ": "
                + tm.onTimeClosedRate().message().in(l), 10, false);
        p.text(t(l, "sc.delays.provided.late") + ": " + t(l, "sc.delays.provided.lateDetail", tm.lateProvided(), tm.lateNearTotal(), tm.lateClosed(), tm.n()),
                10, false);
        p.heading(t(l, "sc.delays.doj"), 11);
        p.text(t(l, "sc.delays.doj.caption", d.determined()), 9, false);
        buckets(p, l, d.daysToDetermination(), d.determined());
    }

    /** One line a bucket: its days, its count and its share of n (as the card's tables). */
    private static void buckets(PdfPages p, Locale l, List<Scorecard.Bucket> rows, int n) throws java.io.IOException {
        StringBuilder line = new StringBuilder(t(l, "sc.delays.col.days")).append(" — ");
        for (Scorecard.Bucket b : rows) {
            if (line.charAt(line.length() - 2) != '—') line.append("  ·  ");
            line.append(b.label()).append(": ").append(b.count());
            if (n > 0) line.append(" (").append(String.format(l, "%.1f", 100.0 * b.count() / n)).append("%)");
        }
        p.text(line.toString(), 9, false);
    }

    private static String t(Locale l, String key, Object... args) {
        return Message.text(l, key, args);
    }
}
