package nyc.daylight.records.pii;

import java.util.ArrayList;
import java.util.List;
import nyc.daylight.records.pii.PersonNames.Token;

/** Later mentions of a found person by first name or surname alone. */
final class FirstMentions {
    private FirstMentions() {}

    /**
     * A first name or surname alone once the full name was found ("Edgar" after "Edgar Morales
     * Quintero"): each later mention of one of its words, capitalized, is the same person.
     * Adjacent mentions ("RODRÍGUEZ NÚÑEZ") are one finding.
     */
    static List<PiiFinding> find(String page, List<PiiFinding> found) {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (PiiFinding f : found) {
            if (f.type() != PiiType.PERSON_NAME) continue;
            for (Token t : PersonNames.tokens(page, f.start(), f.end())) {
                if (t.end() <= f.end() && t.kind() == PersonNames.Kind.NAME && t.end() - t.start() >= 3) {
                    words.add(page.substring(t.start(), t.end()).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        List<PiiFinding> out = new ArrayList<>();
        if (words.isEmpty()) return out;
        // Findings never overlap, so sorted by start their ends are sorted too: one binary search per word.
        int[] starts = found.stream().mapToInt(PiiFinding::start).sorted().toArray();
        int[] ends = found.stream().mapToInt(PiiFinding::end).sorted().toArray();
        int[] open = null;
        for (Token t : PersonNames.tokens(page, 0, page.length())) {
            boolean hit = t.kind() == PersonNames.Kind.NAME && words.contains(page.substring(t.start(), t.end()).toLowerCase(java.util.Locale.ROOT))
                    && free(starts, ends, t.start(), t.end());
            if (hit && open != null && page.substring(open[1], t.start()).matches("\\h")) {
                open[1] = t.end();
                continue;
            }
            if (open != null) out.add(PiiFinding.of(PiiType.PERSON_NAME, page, open[0], open[1], 0.6));
            open = hit ? new int[] {t.start(), t.end()} : null;
        }
        if (open != null) out.add(PiiFinding.of(PiiType.PERSON_NAME, page, open[0], open[1], 0.6));
        return out;
    }

    /** Whether [start, end) overlaps none of the non-overlapping spans given by their sorted starts and ends. */
    private static boolean free(int[] starts, int[] ends, int start, int end) {
        int i = java.util.Arrays.binarySearch(starts, end);
        int before = (i >= 0 ? i : -i - 1) - 1; // the last span starting before end
        return before < 0 || ends[before] <= start;
    }
}
