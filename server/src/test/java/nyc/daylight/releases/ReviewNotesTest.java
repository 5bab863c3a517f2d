package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nyc.daylight.sql.types.DocumentStatus;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the extractor could not read while it read the rest reaches the officer, and only the officer. */
@ExtendWith(PostgresExtension.class)
class ReviewNotesTest {

    @Test
    void the_extractors_notes_are_on_the_review_page_and_the_record_date_is_named_as_such(TestDatabase db) throws Exception {
        People.officer(db.dsl(), "rao@nypd.test", "nypd", false);
        long agency = db.dsl().select(AGENCIES.ID).from(AGENCIES).where(AGENCIES.SLUG.eq("nypd")).fetchOne(AGENCIES.ID);
        long id = db.dsl().insertInto(DOCUMENTS)
                .set(DOCUMENTS.AGENCY_ID, agency).set(DOCUMENTS.TITLE, "Detainer log").set(DOCUMENTS.ORIGINAL_NAME, "log.eml")
                .set(DOCUMENTS.SHA256, "a".repeat(64)).set(DOCUMENTS.CONTENT_TYPE, "message/rfc822").set(DOCUMENTS.KIND, "email")
                .set(DOCUMENTS.SIZE_BYTES, 10L).set(DOCUMENTS.SOURCE, "IMPORT").set(DOCUMENTS.STATUS, DocumentStatus.NEEDS_REVIEW)
                .set(DOCUMENTS.FIELDS, JSONB.valueOf("{\"subject\": \"Detainer log\", \"notes\": \"Attachment 2 (scan.tif) could not be read: <truncated>\"}"))
                .set(DOCUMENTS.RECORD_DATE, LocalDate.of(2025, 1, 14))
                .returning(DOCUMENTS.ID).fetchOne(DOCUMENTS.ID);
        try (RunningApp app = RunningApp.start(db.dataSource(), new MutableClock(Instant.parse("2026-03-02T15:00:00Z")))) {
            WebClient officer = new WebClient(app);
            officer.signIn("rao@nypd.test", People.PASSWORD);
            String page = officer.get("/agency/nypd/records/" + id).body();
            assertThat(page).contains("Parts Daylight could not read", "Attachment 2 (scan.tif) could not be read: &lt;truncated&gt;");
            assertThat(page).contains("dated ");
        }
    }
}
