package nyc.daylight.duplicates;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.PAGE_LINKS;
import static nyc.daylight.sql.jooq.Tables.PUBLICATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import nyc.daylight.db.JobLocks;
import nyc.daylight.sql.types.DocumentStatus;
import nyc.daylight.sql.types.PublicationAction;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What linking costs per published page once many pages are published: a synthetic corpus
 * (five-page records from four agencies, most e-mails carrying one confidentiality footer, one
 * record in twenty another agency's copy of an earlier one with a few words redacted) is
 * backfilled from the publication log, then more records are published and linked one by one.
 * It logs both costs (no speed assertion: the machine is shared) and checks that every planted
 * copy was linked and nothing else was. {@code -Dduplicates.pages=10000} for the figure in
 * docs/records.md; the default keeps the suite quick.
 */
@ExtendWith(PostgresExtension.class)
class DuplicateLinkingCostTest {
    static final int PAGES_PER_RECORD = 5;
    static final String FOOTER = "CONFIDENTIALITY NOTICE: This e-mail, including any attachments, is intended only for the use of the"
            + " individual or entity to which it is addressed and may contain information that is privileged, confidential and exempt"
            + " from disclosure under applicable law.";
    static final List<String> AGENCIES_USED = List.of("nypd", "law", "doc", "acs");

    final Random random = new Random(25);
    final List<String> vocabulary = new ArrayList<>();
    final List<long[]> records = new ArrayList<>(); // {id, agency index}
    final List<List<String>> texts = new ArrayList<>();
    final Set<String> planted = new HashSet<>();

    @Test
    void linking_cost_per_page_at_size(TestDatabase db) {
        int pages = Integer.getInteger("duplicates.pages", 1000);
        for (int i = 0; i < 3000; i++) vocabulary.add(word());
        DSLContext dsl = db.dsl();
        List<Long> agencyIds = new ArrayList<>();
        for (String slug : AGENCIES_USED) agencyIds.add(dsl.select(AGENCIES.ID).from(AGENCIES).where(AGENCIES.SLUG.eq(slug)).fetchOne(AGENCIES.ID));

        for (int r = 0; r < pages / PAGES_PER_RECORD; r++) publish(dsl, agencyIds, r);
        DuplicateLinker linker = new DuplicateLinker(dsl, new JobLocks(dsl));
        DuplicateLinker.Pass backfill = linker.catchUp();

        // At that size, records published one at a time, as the publisher's hook links them.
        int more = 40;
        long nanos = 0;
        int morePages = 0;
        int candidates = 0;
        for (int r = 0; r < more; r++) {
            publish(dsl, agencyIds, pages / PAGES_PER_RECORD + r);
            DuplicateLinker.Pass p = linker.catchUp();
            nanos += p.nanos();
            morePages += p.pages();
            candidates += p.candidates();
        }
        System.out.printf("duplicate linking: backfill of %d pages (%d records) in %d ms, %.2f ms a page, %d candidates, %d links;"
                        + " then at %d pages, %d records one by one: %.2f ms a page, %.1f candidates a page%n",
                backfill.pages(), backfill.entries(), backfill.nanos() / 1_000_000, backfill.nanos() / 1e6 / Math.max(1, backfill.pages()),
                backfill.candidates(), backfill.links(), backfill.pages(), more, nanos / 1e6 / Math.max(1, morePages),
                candidates / (double) Math.max(1, morePages));

        assertThat(links(dsl)).isEqualTo(planted);
        assertThat(linker.lag()).isZero();

        // The backfill from the log's beginning (daylight records relink) ends where linking as they came did.
        DuplicateLinker.Pass relinked = linker.relink();
        assertThat(relinked.entries()).isEqualTo(records.size());
        assertThat(links(dsl)).isEqualTo(planted);
    }

    private static Set<String> links(DSLContext dsl) {
        Set<String> linked = new HashSet<>();
        dsl.select(PAGE_LINKS.DOCUMENT_ID, PAGE_LINKS.PAGE_NO, PAGE_LINKS.OTHER_DOCUMENT_ID, PAGE_LINKS.OTHER_PAGE_NO).from(PAGE_LINKS)
                .where(PAGE_LINKS.DOCUMENT_ID.lt(PAGE_LINKS.OTHER_DOCUMENT_ID))
                .forEach(l -> linked.add(l.value1() + "/" + l.value2() + "=" + l.value3() + "/" + l.value4()));
        return linked;
    }

    /** Record r: fresh text, or (one in twenty) another agency's copy of an earlier record with a few words redacted. */
    private void publish(DSLContext dsl, List<Long> agencyIds, int r) {
        int agency = r % agencyIds.size();
        List<String> pageTexts = new ArrayList<>();
        Integer copyOf = null;
        if (r % 20 == 19) {
            // Of an original, so that each planted copy has exactly one counterpart.
            do {
                copyOf = r - 1 - random.nextInt(Math.min(r, 200));
            } while (copyOf % 20 == 19);
            if (records.get(copyOf)[1] == agency) agency = (agency + 1) % agencyIds.size();
            for (String text : texts.get(copyOf)) pageTexts.add(redactSome(text));
        } else {
            boolean footer = random.nextInt(10) < 7;
            for (int p = 0; p < PAGES_PER_RECORD; p++) pageTexts.add(page() + (footer ? "\n" + FOOTER : ""));
        }
        long id = dsl.insertInto(DOCUMENTS)
                .set(DOCUMENTS.AGENCY_ID, agencyIds.get(agency)).set(DOCUMENTS.TITLE, "Record " + r).set(DOCUMENTS.ORIGINAL_NAME, "r" + r + ".txt")
                .set(DOCUMENTS.SHA256, "a".repeat(64)).set(DOCUMENTS.CONTENT_TYPE, "text/plain").set(DOCUMENTS.KIND, "text")
                .set(DOCUMENTS.SIZE_BYTES, 10L).set(DOCUMENTS.SOURCE, "IMPORT").set(DOCUMENTS.STATUS, DocumentStatus.PUBLISHED)
                .set(DOCUMENTS.PUBLISHED_TITLE, "Record " + r).set(DOCUMENTS.RECORD_DATE, LocalDate.of(2026, 1, 5))
                .returning(DOCUMENTS.ID).fetchOne(DOCUMENTS.ID);
        var insert = dsl.insertInto(DOCUMENT_PAGES, DOCUMENT_PAGES.DOCUMENT_ID, DOCUMENT_PAGES.PAGE_NO, DOCUMENT_PAGES.TEXT,
                DOCUMENT_PAGES.PUBLISHED_TEXT);
        for (int p = 0; p < pageTexts.size(); p++) insert = insert.values(id, p + 1, pageTexts.get(p), pageTexts.get(p));
        insert.execute();
        dsl.insertInto(PUBLICATIONS).set(PUBLICATIONS.DOCUMENT_ID, id).set(PUBLICATIONS.ACTION, PublicationAction.PUBLISH).execute();
        if (copyOf != null) {
            long original = records.get(copyOf)[0];
            for (int p = 1; p <= PAGES_PER_RECORD; p++) planted.add(Math.min(original, id) + "/" + p + "=" + Math.max(original, id) + "/" + p);
        }
        records.add(new long[] {id, agency});
        texts.add(pageTexts);
    }

    private String page() {
        StringBuilder b = new StringBuilder("From: clerk").append(random.nextInt(500)).append("@agency.nyc.gov\nSubject: ")
                .append(vocabulary.get(random.nextInt(vocabulary.size()))).append("\n\n");
        for (int w = 0; w < 120; w++) b.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(w % 12 == 11 ? ".\n" : " ");
        return b.toString();
    }

    private String redactSome(String text) {
        String[] words = text.split(" ");
        for (int k = 0; k < 3; k++) words[3 + random.nextInt(words.length - 6)] = "[REDACTED §87(2)(b)]";
        return String.join(" ", words);
    }

    private String word() {
        String[] syllables = {"ka", "lo", "mi", "ra", "te", "vo", "su", "ne", "pa", "di", "go", "ze", "bu", "fi"};
        StringBuilder b = new StringBuilder();
        for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) b.append(syllables[random.nextInt(syllables.length)]);
        return b.toString();
    }
}
