package nyc.daylight.duplicates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Finds published pages that are the same document released twice. Shingles found in many
 * documents (disclaimer footers, letterheads) are boilerplate and do not count, so two letters that
 * share only a letterhead are not linked. Candidates come from LSH band keys; the decision is made
 * on the exact Jaccard similarity of the remaining content shingles.
 *
 * <p>Boilerplate is counted in documents, not pages: a 40-page e-mail thread quotes its first
 * message on every page, and counting pages would make that one record's own words boilerplate
 * and hide it from the agency that released the same thread. Text is boilerplate when many
 * <em>different</em> records carry it.
 */
public final class PageMatcher {
    /** A published page: its id, its document, the agency that released it and its published text's shingles. */
    public record Page(String id, String document, String agency, Set<Long> shingles) {}

    public record Match(String a, String b, double similarity) {}

    /** Same page redacted differently keeps well above half its content shingles in common. */
    public static final double THRESHOLD = 0.5;
    /** Fewer shared content shingles than this is a coincidence of a short page, not a document. */
    public static final int MIN_SHARED = 8;
    /** A shingle in more documents than this is boilerplate. */
    public static final int BOILERPLATE_DOCUMENTS = 10;

    private final Map<Long, Integer> documentsPerShingle = new HashMap<>();
    private final Map<String, Set<Long>> shinglesPerDocument = new HashMap<>();
    private final List<Page> pages = new ArrayList<>();

    public void add(Page page) {
        Set<Long> seen = shinglesPerDocument.computeIfAbsent(page.document(), d -> new HashSet<>());
        for (long s : page.shingles()) {
            if (seen.add(s)) {
                documentsPerShingle.merge(s, 1, Integer::sum);
            }
        }
        pages.add(page);
    }

    /** Every pair of pages from different agencies judged to be the same page. */
    public List<Match> matches() {
        Map<Long, List<Page>> buckets = new HashMap<>();
        List<Match> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Page page : pages) {
            Set<Long> content = content(page.shingles(), documentsPerShingle);
            if (content.size() < MIN_SHARED) {
                continue;
            }
            for (long key : MinHash.bandKeys(MinHash.signature(content))) {
                for (Page other : buckets.computeIfAbsent(key, k -> new ArrayList<>())) {
                    if (!other.agency().equals(page.agency()) && seen.add(other.id() + "|" + page.id())) {
                        OptionalDouble sim = confirm(content, content(other.shingles(), documentsPerShingle));
                        if (sim.isPresent()) {
                            out.add(new Match(other.id(), page.id(), sim.getAsDouble()));
                        }
                    }
                }
                buckets.get(key).add(page);
            }
        }
        return out;
    }

    /**
     * A page's content shingles: those in at most {@link #BOILERPLATE_DOCUMENTS} documents. A
     * shingle missing from {@code documentsPerShingle} counts as in none (it is content).
     */
    public static Set<Long> content(Set<Long> shingles, Map<Long, Integer> documentsPerShingle) {
        Set<Long> out = new HashSet<>();
        for (long s : shingles) {
            if (documentsPerShingle.getOrDefault(s, 0) <= BOILERPLATE_DOCUMENTS) {
                out.add(s);
            }
        }
        return out;
    }

    /** The similarity of two pages' content shingles when it makes them the same page; empty when not. */
    public static OptionalDouble confirm(Set<Long> a, Set<Long> b) {
        int shared = shared(a, b);
        if (shared < MIN_SHARED) {
            return OptionalDouble.empty();
        }
        double sim = jaccard(a, b);
        return sim >= THRESHOLD ? OptionalDouble.of(sim) : OptionalDouble.empty();
    }

    static int shared(Set<Long> a, Set<Long> b) {
        Set<Long> small = a.size() <= b.size() ? a : b;
        Set<Long> large = small == a ? b : a;
        int n = 0;
        for (long s : small) {
            if (large.contains(s)) {
                n++;
            }
        }
        return n;
    }

    static double jaccard(Set<Long> a, Set<Long> b) {
        int inter = shared(a, b);
        int union = a.size() + b.size() - inter;
        return union == 0 ? 0 : inter / (double) union;
    }
}
