package nyc.daylight.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What visitors type into the records search, deterministic from the seed: a few thousand words of
 * the corpus (neither the commonest nor the rarest), the subject's own terms, pairs, phrases taken
 * from real sentences, prefixes and identifiers, a fifth of them with a filter, another sort or the
 * second results page. Ranked by popularity (the subject's terms first, as a FOIL portal's top
 * searches would be) and drawn with Zipf's law: a popular head and a long tail of queries asked once.
 */
final class QueryMix {
    /** Web search logs fit exponents near 1 (e.g. Baeza-Yates et al.); the head is then heavy but not everything. */
    static final double EXPONENT = 1.0;
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{4,}");
    private static final Set<String> SKIP = Set.of("that", "this", "with", "have", "will", "from", "they", "been", "which", "their",
            "there", "were", "would", "shall", "upon", "them", "these", "such", "more", "than", "into", "only", "also", "other");
    private static final List<String> HEAD = List.of("detainer", "ICE", "\"release date\"", "I-247A", "warrant", "deport*",
            "\"judicial warrant\"", "ERO", "Rikers", "HSI", "detainer warrant", "\"Local Law 58\"", "#teamsendthemback",
            "immigration", "custody", "\"booking information\"", "I-200", "fingerprints", "deportation", "liaison");
    private static final List<String> PREFIXES = List.of("deport*", "detain*", "immigra*", "releas*", "warran*", "custod*");
    private static final List<String> TYPES = List.of("pdf", "email", "spreadsheet");

    private final List<String> paths;
    private final double[] cumulative;
    private final long seed;

    QueryMix(List<String> sentences, long seed, int distinct, double exponent) {
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed ^ 0x51EA_2C4L);
        List<String> words = vocabulary(sentences, 4000);
        LinkedHashSet<String> head = new LinkedHashSet<>();
        for (String q : HEAD) head.add(path(q, ""));
        LinkedHashSet<String> tail = new LinkedHashSet<>();
        while (head.size() + tail.size() < distinct) {
            String q = switch (r.nextInt(20)) {
                case 0, 1, 2, 3, 4, 5, 6, 7, 8 -> words.get(r.nextInt(words.size()));
                case 9, 10, 11, 12 -> words.get(r.nextInt(words.size())) + " " + words.get(r.nextInt(words.size()));
                case 13, 14 -> phrase(r, sentences);
                case 15 -> PREFIXES.get(r.nextInt(PREFIXES.size()));
                default -> HEAD.get(r.nextInt(HEAD.size())) + " " + words.get(r.nextInt(words.size()));
            };
            tail.add(path(q, r.nextInt(5) == 0 ? filter(r) : ""));
        }
        List<String> rest = new ArrayList<>(tail);
        Collections.shuffle(rest, new java.util.Random(seed));
        paths = new ArrayList<>(head);
        paths.addAll(rest);
        cumulative = new double[paths.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
    }

    /** Words ranked by frequency in the corpus, skipping the commonest 150 and keeping the next {@code n}. */
    private static List<String> vocabulary(List<String> sentences, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (String s : sentences) {
            Matcher m = WORD.matcher(s);
            while (m.find()) counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<String> ranked = new ArrayList<>(counts.keySet());
        ranked.removeIf(SKIP::contains);
        ranked.sort((a, b) -> counts.get(b).equals(counts.get(a)) ? a.compareTo(b) : counts.get(b) - counts.get(a));
        return List.copyOf(ranked.subList(Math.min(150, ranked.size()), Math.min(150 + n, ranked.size())));
    }

    /** Two neighbouring words of a real sentence, quoted. */
    private static String phrase(SplittableRandom r, List<String> sentences) {
        for (int tries = 0; ; tries++) {
            String[] w = sentences.get(r.nextInt(sentences.size())).replaceAll("[^A-Za-z ]", " ").trim().split("\\s+");
            if (w.length >= 3 || tries > 20) {
                int i = r.nextInt(Math.max(1, w.length - 1));
                return "\"" + w[i] + " " + w[Math.min(w.length - 1, i + 1)] + "\"";
            }
        }
    }

    private static String filter(SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0 -> "&agency=" + Documents.AGENCIES.get(r.nextInt(Documents.AGENCIES.size()));
            case 1 -> "&type=" + TYPES.get(r.nextInt(TYPES.size()));
            case 2 -> {
                int year = 2019 + r.nextInt(7);
                yield "&from=" + year + "-01-01&to=" + year + "-12-31";
            }
            case 3 -> "&sort=newest";
            default -> "&page=2";
        };
    }

    private static String path(String q, String filter) {
        return "/records?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + filter;
    }

    /** {@code n} requests drawn from the ranked queries with Zipf's law, the same for every consumer. */
    List<String> stream(int n) {
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        List<String> out = new ArrayList<>(n);
        double total = cumulative[cumulative.length - 1];
        for (int i = 0; i < n; i++) {
            int k = java.util.Arrays.binarySearch(cumulative, r.nextDouble() * total);
            out.add(paths.get(k >= 0 ? k : Math.min(cumulative.length - 1, -k - 1)));
        }
        return out;
    }

    List<String> ranked() {
        return paths;
    }

    /** Share of requests asking a query asked earlier in the stream: the most any cache could answer. */
    static double repeatShare(List<String> stream) {
        Set<String> seen = new HashSet<>();
        long repeats = 0;
        for (String p : stream) if (!seen.add(p)) repeats++;
        return stream.isEmpty() ? 0 : (double) repeats / stream.size();
    }

    /** Share of requests for the {@code top} most popular queries. */
    double headShare(List<String> stream, int top) {
        Set<String> head = new HashSet<>(paths.subList(0, Math.min(top, paths.size())));
        long n = stream.stream().filter(head::contains).count();
        return stream.isEmpty() ? 0 : (double) n / stream.size();
    }
}
