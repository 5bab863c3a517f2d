package nyc.daylight.records.redact;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finding and replacing redacted strings in plain text. The same matches drive both the boxes on a
 * PDF page and the replacement in its published text, so what is blacked out and what is indexed
 * can never disagree.
 */
final class RedactedText {
    /**
     * Characters a text layer inserts, drops or swaps between letters: ordinary and Unicode spaces,
     * line breaks, soft hyphens and zero-width characters. They are ignored *between any two
     * characters*, not only where the redacted string has a space, because PDF extraction guesses
     * word breaks from glyph gaps: a letter-spaced "A123456789" comes out as "A12345 6789" and
     * "Juan Perez" set tight as "JuanPerez". Matching through them over-redacts at worst.
     */
    private static final String IGNORABLE = "[\\s\\p{Z}\\u0085\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]";
    private static final Pattern IGNORABLE_RUN = Pattern.compile(IGNORABLE + "+");
    private static final Pattern IGNORABLE_CHAR = Pattern.compile(IGNORABLE);

    /** A stretch of text to replace, with the reasons of every redaction that covered it. */
    record Match(int start, int end, Set<String> reasons) {}

    private RedactedText() {}

    /** The characters of {@code s} that matching compares (NFC, without ignorable characters). */
    static String significant(String s) {
        return IGNORABLE_RUN.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll("");
    }

    static boolean isIgnorable(char c) {
        return IGNORABLE_CHAR.matcher(String.valueOf(c)).matches();
    }

    /** A pattern matching {@code needle} literally, with any run of ignorable characters between its characters. */
    static Pattern pattern(String needle) {
        StringBuilder regex = new StringBuilder();
        significant(needle).codePoints().forEach(cp -> {
            if (!regex.isEmpty()) {
                // Possessive: the next token is a non-ignorable literal, so there is nothing to backtrack into.
                regex.append(IGNORABLE).append("*+");
            }
            regex.append(Pattern.quote(Character.toString(cp)));
        });
        return Pattern.compile(regex.toString());
    }

    /** Every occurrence of one redaction's string, left to right, not overlapping each other. */
    static List<Match> occurrences(String text, Redaction redaction) {
        List<Match> found = new ArrayList<>();
        Matcher m = pattern(redaction.text()).matcher(text);
        while (m.find()) {
            found.add(new Match(m.start(), m.end(), Set.of(redaction.reason())));
        }
        return found;
    }

    /** All occurrences of all the redactions, merged where they overlap or touch, in text order. */
    static List<Match> find(String text, Collection<Redaction> redactions) {
        List<Match> all = new ArrayList<>();
        for (Redaction r : redactions) {
            all.addAll(occurrences(text, r));
        }
        all.sort(Comparator.comparingInt(Match::start));
        List<Match> merged = new ArrayList<>();
        for (Match m : all) {
            Match last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && m.start() <= last.end()) {
                Set<String> reasons = new LinkedHashSet<>(last.reasons());
                reasons.addAll(m.reasons());
                merged.set(merged.size() - 1, new Match(last.start(), Math.max(last.end(), m.end()), reasons));
            } else {
                merged.add(new Match(m.start(), m.end(), new LinkedHashSet<>(m.reasons())));
            }
        }
        return merged;
    }

    static boolean containsAny(String text, Collection<Redaction> redactions) {
        return redactions.stream().anyMatch(r -> pattern(r.text()).matcher(text).find());
    }

    /**
     * {@code text} with every occurrence replaced by "[REDACTED reason]". The label does not leak
     * the length of what it hides and Helvetica can print it (a "█" block cannot be encoded in
     * WinAnsi). The result is checked: should a redacted string overlap the marker itself
     * ("REDACTED", "87"), plainer markers are tried, and if none is clean we refuse.
     */
    static String redact(String text, Collection<Redaction> redactions) {
        List<Match> matches = find(text, redactions);
        if (matches.isEmpty()) {
            return text;
        }
        List<Function<Match, String>> markers = List.of(
                m -> label(m.reasons()),
                m -> "[REDACTED]",
                m -> "█".repeat(m.end() - m.start()));
        for (Function<Match, String> marker : markers) {
            String out = replace(text, matches, marker);
            if (!containsAny(out, redactions)) {
                return out;
            }
        }
        throw new IllegalArgumentException("a redacted string is part of every redaction marker; refusing to publish");
    }

    static String label(Collection<String> reasons) {
        String joined = String.join(", ", reasons.stream().filter(r -> !r.isBlank()).distinct().toList());
        return joined.isEmpty() ? "[REDACTED]" : "[REDACTED " + joined + "]";
    }

    private static String replace(String text, List<Match> matches, Function<Match, String> marker) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Match m : matches) {
            out.append(text, at, m.start()).append(marker.apply(m));
            at = m.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
