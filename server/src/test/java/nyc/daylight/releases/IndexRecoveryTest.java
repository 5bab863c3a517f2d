package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.FileBlobStore;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index is derived data: when a publication reached the database but the process died before
 * the index commit, the next start replays the log and the index matches the database again.
 */
@ExtendWith(PostgresExtension.class)
class IndexRecoveryTest {

    @Test
    void a_publication_the_index_never_saw_is_searchable_after_restart_exactly_once(TestDatabase db) throws Exception {
        Path dataDir = Files.createTempDirectory("daylight-recovery");
        AppSettings settings = new AppSettings("http://daylight.test", Optional.empty(), RateLimits.defaults().withoutIpLimits(),
                dataDir, false);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "owner@example.org", "Owner");
        People.officer(db.dsl(), "rao@doc.test", "doc", true);
        long second;
        try (RunningApp app = RunningApp.start(db.dataSource(), clock, settings)) {
            WebClient owner = new WebClient(app);
            owner.signIn("owner@example.org", People.PASSWORD);
            String number = owner.fileRequest("Recovery", "doc").getFirst();
            WebClient officer = new WebClient(app);
            officer.signIn("rao@doc.test", People.PASSWORD);
            officer.postFile("/agency/doc/requests/" + number + "/release", Map.of(), "files", "first.txt",
                    "First memo about the ICE liaison.".getBytes(StandardCharsets.UTF_8));
            officer.postFile("/agency/doc/requests/" + number + "/release", Map.of(), "files", "second.txt",
                    "Second memo about courthouse arrests.".getBytes(StandardCharsets.UTF_8));
            long first = db.dsl().select(DOCUMENTS.ID).from(DOCUMENTS).where(DOCUMENTS.ORIGINAL_NAME.eq("first.txt")).fetchOne(DOCUMENTS.ID);
            second = db.dsl().select(DOCUMENTS.ID).from(DOCUMENTS).where(DOCUMENTS.ORIGINAL_NAME.eq("second.txt")).fetchOne(DOCUMENTS.ID);
            assertThat(officer.post("/agency/doc/records/" + first + "/publish", Map.of()).statusCode()).isEqualTo(302);
            assertThat(app.get("/api/v1/search?q=memo").body()).contains("\"total\":1");
        }

        // The crash: the second record is committed as published in PostgreSQL, and no index commit follows.
        AgencyService agencies = new AgencyService(db.dsl());
        Publisher withoutIndex = new Publisher(db.dsl(), agencies, new FileBlobStore(settings.blobDir()), null, clock);
        assertThat(withoutIndex.publishIfClean(second)).isTrue();

        try (RunningApp app = RunningApp.start(db.dataSource(), clock, settings)) {
            assertThat(app.get("/api/v1/search?q=courthouse").body()).contains("\"total\":1");
            String all = app.get("/api/v1/search?agency=doc").body();
            int publishedPages = db.dsl().fetchCount(DOCUMENT_PAGES, DOCUMENT_PAGES.PUBLISHED_TEXT.isNotNull());
            assertThat(all).contains("\"total\":2").contains("\"totalPages\":" + publishedPages);
        }
    }
}
