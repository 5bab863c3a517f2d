package nyc.daylight.duplicates;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.PAGE_LINKS;
import static nyc.daylight.sql.jooq.Tables.PAGE_SIGNATURES;
import static nyc.daylight.sql.jooq.Tables.PUBLICATIONS;
import static nyc.daylight.sql.jooq.Tables.SHINGLE_DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nyc.daylight.db.JobLocks;
import nyc.daylight.sql.types.DocumentStatus;
import nyc.daylight.sql.types.PublicationAction;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes' linkers on one database, started together, apply each log entry once: every count
 * is the number of records carrying the shingle (not twice that), and each copy is linked once.
 */
@ExtendWith(PostgresExtension.class)
class DuplicateLinkerNodesTest {

    @Test
    void two_linkers_started_together_apply_each_publication_once(TestDatabase db) {
        DSLContext dsl = db.dsl();
        long nypd = dsl.select(AGENCIES.ID).from(AGENCIES).where(AGENCIES.SLUG.eq("nypd")).fetchOne(AGENCIES.ID);
        long law = dsl.select(AGENCIES.ID).from(AGENCIES).where(AGENCIES.SLUG.eq("law")).fetchOne(AGENCIES.ID);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Each text twice, by two agencies: 15 pairs of copies.
            String text = PageMatcherTest.unrelated(i / 2) + " " + PageMatcherTest.unrelated(i / 2 + 50) + " " + PageMatcherTest.EMAIL;
            ids.add(publish(dsl, i % 2 == 0 ? nypd : law, i, i % 2 == 0 ? text : text.replace("44th precinct", "[REDACTED §87(2)(e)]")));
        }
        DuplicateLinker a = new DuplicateLinker(dsl, new JobLocks(dsl));
        DuplicateLinker b = new DuplicateLinker(dsl, new JobLocks(dsl));
        CompletableFuture<DuplicateLinker.Pass> first = CompletableFuture.supplyAsync(a::catchUp);
        CompletableFuture<DuplicateLinker.Pass> second = CompletableFuture.supplyAsync(b::catchUp);
        int applied = first.join().entries() + second.join().entries();
        // Whichever got the lock did the work; the other skipped, or found nothing left after it.
        a.catchUp();
        b.catchUp();
        assertThat(applied).isLessThanOrEqualTo(30);
        assertThat(a.lag()).isZero();
        assertThat(dsl.fetchCount(PAGE_SIGNATURES)).isEqualTo(30);
        // The shared e-mail is in all 30 records: boilerplate by now, and counted exactly 30 times.
        assertThat(dsl.select(org.jooq.impl.DSL.max(SHINGLE_DOCUMENTS.DOCUMENTS)).from(SHINGLE_DOCUMENTS).fetchOne(0, Integer.class))
                .isEqualTo(30);
        for (int i = 0; i < 30; i += 2) {
            assertThat(dsl.fetchCount(PAGE_LINKS, PAGE_LINKS.DOCUMENT_ID.eq(ids.get(i)).and(PAGE_LINKS.OTHER_DOCUMENT_ID.eq(ids.get(i + 1)))))
                    .as("pair " + i).isEqualTo(1);
        }
    }

    private static long publish(DSLContext dsl, long agency, int i, String text) {
        long id = dsl.insertInto(DOCUMENTS)
                .set(DOCUMENTS.AGENCY_ID, agency).set(DOCUMENTS.TITLE, "Record " + i).set(DOCUMENTS.ORIGINAL_NAME, "r" + i + ".txt")
                .set(DOCUMENTS.SHA256, "a".repeat(64)).set(DOCUMENTS.CONTENT_TYPE, "text/plain").set(DOCUMENTS.KIND, "text")
                .set(DOCUMENTS.SIZE_BYTES, 10L).set(DOCUMENTS.SOURCE, "IMPORT").set(DOCUMENTS.STATUS, DocumentStatus.PUBLISHED)
                .set(DOCUMENTS.PUBLISHED_TITLE, "Record " + i).set(DOCUMENTS.RECORD_DATE, LocalDate.of(2026, 1, 5))
                .returning(DOCUMENTS.ID).fetchOne(DOCUMENTS.ID);
        dsl.insertInto(DOCUMENT_PAGES).set(DOCUMENT_PAGES.DOCUMENT_ID, id).set(DOCUMENT_PAGES.PAGE_NO, 1).set(DOCUMENT_PAGES.TEXT, text)
                .set(DOCUMENT_PAGES.PUBLISHED_TEXT, text).execute();
        dsl.insertInto(PUBLICATIONS).set(PUBLICATIONS.DOCUMENT_ID, id).set(PUBLICATIONS.ACTION, PublicationAction.PUBLISH).execute();
        return id;
    }
}
