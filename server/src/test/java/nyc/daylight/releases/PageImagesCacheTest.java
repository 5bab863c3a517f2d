package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.boot.BlobStores;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.records.BlobStore;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A long PDF under review asks for one page image per page, and the reviewer comes back to pages:
 * each page is rendered (its PDF opened and parsed) once, then served from the bounded cache, and
 * the cache never lets anyone past the access check.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageImagesCacheTest {
    TestDatabase db;
    Portal portal;
    AppSettings settings;
    BlobStore blobs;
    User officer;
    User elsewhere;
    long documentId;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        AppSettings[] seen = new AppSettings[1];
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"), s -> seen[0] = s);
        settings = seen[0];
        blobs = BlobStores.open(settings);
        People.requester(db.dsl(), "owner@example.org", "Owner");
        long doc = db.dsl().fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq("doc"));
        long nypd = db.dsl().fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq("nypd"));
        officer = new User(People.officer(db.dsl(), "rao@doc.test", "doc", true), "rao@doc.test", null, "OFFICER", true, Set.of(doc), Set.of());
        elsewhere = new User(People.officer(db.dsl(), "rao@nypd.test", "nypd", true), "rao@nypd.test", null, "OFFICER", true, Set.of(nypd),
                Set.of());
        WebClient owner = portal.as("owner@example.org");
        WebClient web = portal.as("rao@doc.test");
        String number = owner.fileRequest("Release records", "doc").getFirst();
        String[] pages = new String[12];
        for (int i = 0; i < pages.length; i++) pages[i] = "Page " + (i + 1) + " of the detainer log.";
        HttpResponse<String> r = web.postFile("/agency/doc/requests/" + number + "/release", Map.of("message", "Here they are."),
                "files", "log.pdf", Pdfs.withPages(pages));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        documentId = db.dsl().select(org.jooq.impl.DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
    }

    @AfterAll
    void stop() {
        BlobStores.close(blobs);
        portal.close();
    }

    @Test
    void each_page_is_rendered_once_however_often_the_reviewer_comes_back_to_it() {
        PageImages images = new PageImages(db.dsl(), new AgencyService(db.dsl()), blobs);
        for (int round = 0; round < 3; round++) {
            for (int page = 1; page <= 12; page++) assertThat(images.png(officer, "doc", documentId, page)).startsWith(0x89, 'P', 'N', 'G');
        }
        assertThat(images.renders()).isEqualTo(12);
    }

    @Test
    void a_cache_too_small_for_the_document_renders_again_rather_than_growing() {
        PageImages images = new PageImages(db.dsl(), new AgencyService(db.dsl()), blobs, 1);
        images.png(officer, "doc", documentId, 1);
        images.png(officer, "doc", documentId, 1);
        assertThat(images.renders()).isEqualTo(2);
    }

    @Test
    void a_cached_page_is_still_refused_to_an_officer_of_another_agency() {
        PageImages images = new PageImages(db.dsl(), new AgencyService(db.dsl()), blobs);
        images.png(officer, "doc", documentId, 1);
        assertThatThrownBy(() -> images.png(elsewhere, "doc", documentId, 1)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> images.png(elsewhere, "nypd", documentId, 1)).isInstanceOf(NotFound.class);
        assertThat(images.renders()).isEqualTo(1);
    }
}
