package nyc.daylight.releases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.lifecycle.Exemption;
import nyc.daylight.records.redact.Redaction;
import nyc.daylight.records.redact.RedactionResult;

/**
 * The redaction log of a published record, as NextRequest publishes one: per page, how many
 * boxes were drawn and the exemption each cites, so an appeal can name the page and the ground it
 * contests. Made only of page numbers, counts and exemption codes: the redacted text itself
 * cannot reach it. Pure: no database, no files.
 */
final class RedactionLog {
    static final String REASON_PREFIX = "§";

    private RedactionLog() {}

    /** The lines of the log: per page (in order) and exemption, the boxes drawn, or the page withheld in full. */
    static List<ReviewRepository.LogLine> lines(RedactionResult result, List<Redaction> redactions) {
        Map<Integer, Set<String>> cited = new TreeMap<>();
        for (Redaction r : redactions) cited.computeIfAbsent(r.page(), p -> new LinkedHashSet<>()).add(code(r.reason()));
        List<ReviewRepository.LogLine> out = new ArrayList<>();
        for (Map.Entry<Integer, Set<String>> page : cited.entrySet()) {
            int pageNo = page.getKey();
            boolean withheld = result.pagesWithheldInFull().contains(pageNo);
            Map<String, Integer> counts = new LinkedHashMap<>();
            result.boxesByPage().getOrDefault(pageNo, Map.of()).forEach((reason, n) -> counts.merge(code(reason), n, Integer::sum));
            for (String exemption : page.getValue().stream().sorted().toList()) {
                out.add(new ReviewRepository.LogLine(pageNo, exemption, withheld ? 0 : counts.getOrDefault(exemption, 0), withheld));
            }
        }
        return out;
    }

    /** The log as the last page of the published PDF (in English, the record's own language). */
    static List<String> pageText(List<ReviewRepository.LogLine> lines, Regime regime) {
        List<String> out = new ArrayList<>();
        out.add("Redaction log");
        out.add("");
        out.add("Published by Daylight. Each line names a page of this record, the number of boxes drawn over it and the");
        out.add("exemption the agency cited. The redacted text itself is not shown anywhere in this record.");
        out.add("");
        if (lines.isEmpty()) {
            out.add("Nothing was redacted from this record.");
            return out;
        }
        for (ReviewRepository.LogLine l : lines) {
            String what = l.withheld() ? "withheld in full" : l.boxes() == 1 ? "1 box" : l.boxes() + " boxes";
            out.add("Page " + l.pageNo() + ": " + what + ", " + label(regime, l.exemption()));
        }
        int boxes = lines.stream().mapToInt(ReviewRepository.LogLine::boxes).sum();
        out.add("");
        out.add("Total: " + boxes + (boxes == 1 ? " box" : " boxes") + " on " + lines.stream().map(ReviewRepository.LogLine::pageNo).distinct().count()
                + " page(s).");
        return out;
    }

    static String label(Regime regime, String code) {
        return Exemption.find(regime, code).map(Exemption::label).orElse("§" + code);
    }

    private static String code(String reason) {
        return reason.startsWith(REASON_PREFIX) ? reason.substring(REASON_PREFIX.length()) : reason;
    }
}
