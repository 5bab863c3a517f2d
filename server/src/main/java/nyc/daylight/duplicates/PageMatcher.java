package nyc.daylight.duplicates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds published pages that are the same document released twice. Shingles found on many pages
 * (disclaimer footers, letterheads) are boilerplate and do not count, so two letters that share
 * only a letterhead are not linked. Candidates come from LSH band keys; the decision is made on
 * the exact Jaccard similarity of the remaining content shingles.
 */
public final class PageMatcher {
    /** A published page: its id, the agency that released it and its published text's shingles. */
    public record Page(String id, String agency, Set<Long> shingles) {}

    public record Match(String a, String b, double similarity) {}

    /** Same page redacted differently keeps well above half its content shingles in common. */
    public static final double THRESHOLD = 0.5;
    /** Fewer shared content shingles than this is a coincidence of a short page, not a document. */
    public static final int MIN_SHARED = 8;
    /** A shingle on more pages than this (and from more than one document) is boilerplate. */
    public static final int BOILERPLATE_PAGES = 10;

    private final Map<Long, Integer> pagesPerShingle = new HashMap<>();
    private final Map<Long, List<Page>> buckets = new HashMap<>();
    private final List<Page> pages = new ArrayList<>();

    public void add(Page page) {
        for (long s : page.shingles()) {
            pagesPerShingle.merge(s, 1, Integer::sum);
        }
        pages.add(page);
    }

    /** Every pair of pages from different agencies judged to be the same page. */
    public List<Match> matches() {
        buckets.clear();
        List<Match> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Page page : pages) {
            Set<Long> content = content(page);
            if (content.size() < MIN_SHARED) {
                continue;
            }
            for (long key : MinHash.bandKeys(MinHash.signature(content))) {
                for (Page other : buckets.computeIfAbsent(key, k -> new ArrayList<>())) {
                    if (!other.agency().equals(page.agency()) && seen.add(other.id() + "|" + page.id())) {
                        double sim = jaccard(content, content(other));
                        if (sim >= THRESHOLD && shared(content, content(other)) >= MIN_SHARED) {
                            out.add(new Match(other.id(), page.id(), sim));
                        }
                    }
                }
                buckets.get(key).add(page);
            }
        }
        return out;
    }

    Set<Long> content(Page page) {
        Set<Long> out = new HashSet<>();
        for (long s : page.shingles()) {
            if (pagesPerShingle.getOrDefault(s, 0) <= BOILERPLATE_PAGES) {
                out.add(s);
            }
        }
        return out;
    }

    static int shared(Set<Long> a, Set<Long> b) {
        int n = 0;
        for (long s : a) {
            if (b.contains(s)) {
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
