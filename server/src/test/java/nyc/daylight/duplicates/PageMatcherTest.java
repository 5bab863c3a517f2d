package nyc.daylight.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A small labelled set of published page pairs; prints precision and recall of the matcher. */
class PageMatcherTest {
    static final String FOOTER = "CONFIDENTIALITY NOTICE: This e-mail, including any attachments, is intended only for the"
            + " use of the individual or entity to which it is addressed and may contain information that is privileged,"
            + " confidential and exempt from disclosure under applicable law.";
    static final String LETTERHEAD = "THE CITY OF NEW YORK POLICE DEPARTMENT One Police Plaza New York, NY 10038"
            + " Legal Bureau FOIL Unit";

    static String outlook(String from, String to, String sent, String subject, String body) {
        return "From: " + from + "\nSent: " + sent + "\nTo: " + to + "\nSubject: " + subject + "\n\n" + body + "\n\n" + FOOTER;
    }

    static final String EMAIL = outlook("Smith, John (NYPD) <jsmith@nypd.org>", "Garcia, Ana <ana.garcia@ice.dhs.gov>",
            "Tuesday, March 3, 2026 4:12 PM", "RE: Detainer request 26-0411",
            "Ana, following up on our call this morning regarding the individual held at the 44th precinct. We"
                    + " received the I-247A form at 10:40 and forwarded it to the desk officer. Per department policy we"
                    + " will not hold him past his arraignment. Please route any further requests through the Legal Bureau"
                    + " so they can be logged. Thanks, John");

    /** NYPD withheld the ICE officer's name and address; the Law Department withheld the precinct. */
    static final String NYPD_COPY = EMAIL.replace("Garcia, Ana <ana.garcia@ice.dhs.gov>", "█████ [REDACTED §87(2)(b)]")
            .replace("Ana,", "█████,");
    static final String LAW_COPY = EMAIL.replace("44th precinct", "[REDACTED §87(2)(e)]");
    /** OCR of a scan: a few characters misread, line breaks in different places. */
    static final String OCR_COPY = EMAIL.replace("following", "fol1owing").replace("arraignment", "arraignrnent")
            .replace("Legal Bureau", "Lega1 Bureau").replace("\n", " ");

    record Pair(String a, String b, boolean same) {}

    @Test
    void labelledSetPrecisionAndRecall() {
        PageMatcher matcher = new PageMatcher();
        add(matcher, "nypd-1", "NYPD", NYPD_COPY);
        add(matcher, "law-1", "LAW", LAW_COPY);
        add(matcher, "doc-1", "DOC", OCR_COPY);
        // Boilerplate: many different e-mails with the same footer and letters on the same letterhead.
        for (int i = 0; i < 12; i++) {
            add(matcher, "hra-" + i, "HRA", outlook("clerk" + i + "@hra.nyc.gov", "records@hra.nyc.gov",
                    "Monday, April " + (i + 1) + ", 2026", "Ticket " + (9000 + i), unrelated(i)));
            add(matcher, "lh-" + i, i % 2 == 0 ? "NYPD" : "DOE", LETTERHEAD + "\n" + unrelated(i + 40));
        }
        add(matcher, "acs-1", "ACS", "Quarterly shelter census for district 7. Intake rose by twelve families;"
                + " two caseworkers were reassigned to the Bronx field office pending budget approval in June.");
        List<Pair> labelled = List.of(
                new Pair("nypd-1", "law-1", true), new Pair("nypd-1", "doc-1", true), new Pair("law-1", "doc-1", true),
                new Pair("hra-0", "hra-1", false), new Pair("hra-3", "nypd-1", false), new Pair("lh-0", "lh-1", false),
                new Pair("lh-2", "lh-3", false), new Pair("acs-1", "law-1", false), new Pair("acs-1", "hra-2", false));
        Set<String> found = new HashSet<>();
        for (PageMatcher.Match m : matcher.matches()) {
            found.add(key(m.a(), m.b()));
        }
        int tp = 0, fp = 0, fn = 0;
        for (Pair p : labelled) {
            boolean got = found.contains(key(p.a(), p.b()));
            if (got && p.same()) tp++;
            if (got && !p.same()) fp++;
            if (!got && p.same()) fn++;
        }
        // Every match that is not a labelled duplicate counts against precision, labelled or not.
        fp = found.size() - tp;
        double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf("duplicates labelled set: pairs=%d matches=%s precision=%.2f recall=%.2f%n",
                labelled.size(), found, precision, recall);
        assertThat(precision).isEqualTo(1.0);
        assertThat(recall).isEqualTo(1.0);
    }

    @Test
    void redactionMarkersAreGapsNotWords() {
        assertThat(Shingles.words("To: █████ [REDACTED §87(2)(b)] XXXX re")).containsExactly("to", "re");
    }

    @Test
    void minHashEstimatesJaccard() {
        Set<Long> a = Shingles.of(LAW_COPY);
        Set<Long> b = Shingles.of(NYPD_COPY);
        double exact = PageMatcher.jaccard(a, b);
        double estimate = MinHash.similarity(MinHash.signature(a), MinHash.signature(b));
        assertThat(Math.abs(exact - estimate)).isLessThan(0.2);
        assertThat(MinHash.bandKeys(MinHash.signature(a))).hasSize(MinHash.BANDS);
    }

    /**
     * An e-mail thread printed one reply a page, each page quoting the first message: its words are
     * on 12 pages but in one document, so they are not boilerplate, and the Law Department's copy
     * of page 3 is found. Counting pages, the quote would have been discarded and the few words of
     * each reply left too short to match.
     */
    @Test
    void wordsRepeatedOnEveryPageOfOneRecordAreNotBoilerplate() {
        PageMatcher matcher = new PageMatcher();
        for (int i = 1; i <= 12; i++) {
            matcher.add(new PageMatcher.Page("thread-" + i, "nypd-thread", "NYPD", Shingles.of(reply(i))));
        }
        matcher.add(new PageMatcher.Page("law-3", "law-copy", "LAW", Shingles.of(reply(3))));
        assertThat(matcher.matches()).extracting(m -> key(m.a(), m.b())).contains(key("thread-3", "law-3"));
    }

    @Test
    void wordsInMoreThanTenRecordsAreBoilerplate() {
        Map<Long, Integer> counts = new HashMap<>();
        Set<Long> footer = Shingles.of(FOOTER);
        for (long s : footer) counts.put(s, PageMatcher.BOILERPLATE_DOCUMENTS + 1);
        Set<Long> page = Shingles.of(EMAIL);
        Set<Long> content = PageMatcher.content(page, counts);
        assertThat(content).doesNotContainAnyElementsOf(footer).isNotEmpty();
        assertThat(PageMatcher.confirm(content, PageMatcher.content(Shingles.of(LAW_COPY), counts))).isPresent();
        assertThat(PageMatcher.confirm(PageMatcher.content(Shingles.of(outlook("a@x.org", "b@y.org", "Monday", "Hi", unrelated(1))), counts),
                content)).isEmpty();
    }

    static String reply(int i) {
        return "Re: " + i + "\nOk noted " + i + ".\n\n> " + EMAIL;
    }

    static String unrelated(int i) {
        String[] topics = {"boiler repair", "payroll correction", "parking permit", "laptop return", "training roster",
            "vendor invoice", "lease renewal", "badge access", "overtime audit", "fleet fuel card"};
        String[] places = {"Queens", "Brooklyn", "Staten Island", "Harlem", "Flushing", "Red Hook", "Inwood"};
        return "Hello team, regarding the " + topics[i % topics.length] + " at the " + places[i % places.length]
                + " site number " + (100 + i * 7) + ", please file form " + (i * 13 + 5) + " by Friday and copy unit "
                + (i * 3 + 2) + ". The supervisor on shift " + (i % 3 + 1) + " will sign item " + (i * 17 + 1) + ".";
    }

    static void add(PageMatcher m, String id, String agency, String text) {
        m.add(new PageMatcher.Page(id, id, agency, Shingles.of(text)));
    }

    static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
