package nyc.daylight.correspondents;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.DOCUMENT_PAGES;
import static nyc.daylight.sql.jooq.Tables.PAGE_CORRESPONDENTS;
import static nyc.daylight.sql.jooq.Tables.PII_FINDINGS;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nyc.daylight.sql.jooq.tables.records.PiiFindingsRecord;
import nyc.daylight.testing.Axe;
import nyc.daylight.testing.Browser;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Who wrote to ICE" end to end: an e-mail printout PDF (an Outlook block, a Lotus Notes memo, an
 * HSI message) is released, reviewed, and published through the portal, and the public index lists
 * its federal offices with links to its pages. The reviewer redacted one person, Maria Quintero:
 * her name and mailbox are in the extracted text but never on the index, in the API or in a count.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorrespondentsIndexTest {
    static final List<String> SECRETS = List.of("Quintero", "quintero", "Maria", "mquintero");
    static final String OUTLOOK = """
            From: Quintero, Maria (DOC) <mquintero@doc.nyc.gov>
            Sent: Tuesday, March 3, 2026 4:12 PM
            To: ERO NYC Detainers <nyc.detainers@ice.dhs.gov>
            Cc: Legal Division <legal@doc.nyc.gov>
            Subject: RE: release date

            The release is scheduled for Friday.
            Enforcement and Removal Operations
            New York Field Office""";
    static final String NOTES = """
            NYC DEPARTMENT OF CORRECTION
            Maria Quintero/DOC/NYC
            03/04/2026 09:15 AM
            To: dhs.liaison@dhs.gov
            cc: Records Unit/DOC/NYC@NYC
            Subject: Release dates

            The list of release dates is attached.""";
    static final String HSI = """
            From: HSI New York <hsi.newyork@ice.dhs.gov>
            Sent: Thursday, May 7, 2026 5:30 PM
            To: intel@nypd.org
            Cc: info@cbp.dhs.gov
            Subject: request for access

            Homeland Security Investigations""";
    static final JsonMapper JSON = JsonMapper.builder().build();

    TestDatabase db;
    Portal portal;
    WebClient officer;
    WebClient public_;
    long record;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-06-02T15:00:00Z"));
        People.requester(db.dsl(), "owner@example.org", "Owner");
        People.officer(db.dsl(), "rao@doc.test", "doc", true);
        WebClient owner = portal.as("owner@example.org");
        officer = portal.as("rao@doc.test");
        public_ = new WebClient(portal.app);
        String number = owner.fileRequest("E-mails with ICE", "doc").getFirst();
        HttpResponse<String> r = officer.postFile("/agency/doc/requests/" + number + "/release", Map.of("message", "Here."),
                "files", "printout.pdf", Pdfs.withPages(OUTLOOK, NOTES, HSI));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        record = db.dsl().select(org.jooq.impl.DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    /** The review: Maria Quintero's name and mailbox are redacted; agency mailboxes and units are not personal. */
    private void reviewAndPublish() throws Exception {
        for (int page : List.of(1, 2)) {
            for (String word : List.of("Maria", "Quintero")) {
                HttpResponse<String> r = officer.post("/agency/doc/records/" + record + "/redact",
                        Map.of("page", Integer.toString(page), "text", word, "exemption", "87(2)(b)"));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            }
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (PiiFindingsRecord f : db.dsl().selectFrom(PII_FINDINGS)
                .where(PII_FINDINGS.DOCUMENT_ID.eq(record), PII_FINDINGS.DECISION.isNull()).fetch()) {
            boolean hers = f.getText().toLowerCase(Locale.ROOT).contains("quintero") || f.getText().contains("Maria");
            form.put("decision-" + f.getId(), hers ? "REDACT" : "NOT_PERSONAL");
            if (hers) form.put("exemption-" + f.getId(), "87(2)(b)");
        }
        if (!form.isEmpty()) assertThat(officer.post("/agency/doc/records/" + record + "/decide", form).statusCode()).isEqualTo(302);
        HttpResponse<String> published = officer.post("/agency/doc/records/" + record + "/publish", Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        assertThat(db.dsl().select(DOCUMENTS.STATUS).from(DOCUMENTS).where(DOCUMENTS.ID.eq(record)).fetchOne(0, String.class))
                .isEqualTo("PUBLISHED");
    }

    @Test
    @Order(1)
    void before_anything_is_published_the_index_says_so() throws Exception {
        HttpResponse<String> page = public_.get("/records/correspondents");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Who wrote to ICE").contains("No published record has an e-mail header yet");
        JsonNode api = JSON.readTree(public_.get("/api/v1/records/correspondents").body());
        assertThat(api.get("total").asInt()).isZero();
        assertThat(public_.get("/records").body()).contains("href=\"/records/correspondents\"");
    }

    @Test
    @Order(2)
    void the_published_printout_lists_its_federal_offices_with_links_to_its_pages_and_never_the_redacted_name() throws Exception {
        // The fixture has her name where the importer read it; only the review keeps it out.
        String extracted = String.join("\n", db.dsl().select(DOCUMENT_PAGES.TEXT).from(DOCUMENT_PAGES)
                .where(DOCUMENT_PAGES.DOCUMENT_ID.eq(record)).fetch(DOCUMENT_PAGES.TEXT));
        assertThat(extracted).contains("Quintero, Maria").contains("Maria Quintero/DOC/NYC").contains("mquintero@doc.nyc.gov");
        reviewAndPublish();

        List<String> seen = new ArrayList<>();
        HttpResponse<String> index = public_.get("/records/correspondents?side=federal");
        assertThat(index.statusCode()).isEqualTo(200);
        seen.add(index.body());
        assertThat(index.body()).contains("ICE ERO New York Field Office").contains("ICE HSI").contains(">DHS<").contains(">CBP<")
                .contains("ice.dhs.gov").contains("dhs.gov").contains("March 2026").doesNotContain(">NYPD<");
        String ero = "/records/correspondents?side=federal&office=ICE%20ERO%20New%20York%20Field%20Office";
        assertThat(index.body()).contains(ero.replace("&", "&amp;"));

        // Each office links to the pages that name it.
        Map<String, Integer> pageOf = Map.of("ICE ERO New York Field Office", 1, "DHS", 2, "ICE HSI", 3, "CBP", 3);
        for (Map.Entry<String, Integer> e : pageOf.entrySet()) {
            HttpResponse<String> office = public_.get("/records/correspondents?side=federal&office=" + enc(e.getKey()));
            assertThat(office.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(office.body()).as(e.getKey()).contains("href=\"/records/" + record + "?page=" + e.getValue() + "\"");
            seen.add(office.body());
        }
        // The other side: DOC wrote to ERO and DHS; its redacted sender counts as DOC, never as her.
        HttpResponse<String> doc = public_.get("/records/correspondents?side=city&office=DOC");
        assertThat(doc.body()).contains("ICE ERO New York Field Office").contains("legal@doc.nyc.gov")
                .contains("href=\"/records/" + record + "?page=1\"").contains("href=\"/records/" + record + "?page=2\"");
        seen.add(doc.body());
        seen.add(public_.get("/records/correspondents?side=city&office=NYPD").body());
        seen.add(public_.get("/records/correspondents").body());

        JsonNode api = JSON.readTree(public_.get("/api/v1/records/correspondents?side=federal").body());
        List<String> offices = new ArrayList<>();
        api.get("items").forEach(i -> offices.add(i.get("office").asString()));
        assertThat(offices).containsExactlyInAnyOrder("ICE ERO New York Field Office", "DHS", "ICE HSI", "CBP");
        JsonNode hsi = JSON.readTree(public_.get("/api/v1/records/correspondents?side=federal&office=ICE+HSI").body());
        assertThat(hsi.get("items").get(0).get("url").asString()).isEqualTo("/records/" + record + "?page=3");
        assertThat(hsi.get("office").get("months").get(0).get("month").asString()).isEqualTo("2026-05");
        assertThat(hsi.get("mailboxes").get(0).get("address").asString()).isEqualTo("hsi.newyork@ice.dhs.gov");
        String docApi = public_.get("/api/v1/records/correspondents?side=city&office=DOC").body();
        JsonNode docJson = JSON.readTree(docApi);
        // Two messages (the Outlook block and the Notes memo), March 2026; her mailbox is not among DOC's.
        assertThat(docJson.get("office").get("messages").asInt()).isEqualTo(2);
        assertThat(docJson.get("office").get("months").get(0).get("month").asString()).isEqualTo("2026-03");
        List<String> mailboxes = new ArrayList<>();
        docJson.get("mailboxes").forEach(m -> mailboxes.add(m.get("address").asString()));
        assertThat(mailboxes).containsExactly("legal@doc.nyc.gov");
        // Both shapes (offices, one office's pages) as openapi.json describes them.
        var schema = SchemaRegistry.withDialect(Dialects.getOpenApi30())
                .getSchema(SchemaLocation.of("classpath:daylight/web/api/openapi.json#/components/schemas/Correspondents"));
        assertThat(schema.validate("{\"items\": 1}", InputFormat.JSON)).isNotEmpty(); // the schema is really read
        for (String body : List.of(api.toString(), hsi.toString(), docApi)) {
            assertThat(schema.validate(body, InputFormat.JSON)).as(body).isEmpty();
        }
        seen.add(api.toString());
        seen.add(hsi.toString());
        seen.add(docApi);
        seen.add(public_.get("/api/v1/records/correspondents").body());

        for (String body : seen) for (String secret : SECRETS) assertThat(body).as(secret).doesNotContain(secret);
        for (var row : db.dsl().selectFrom(PAGE_CORRESPONDENTS).fetch()) {
            assertThat(row.formatJSON().toLowerCase(Locale.ROOT)).doesNotContain("quintero").doesNotContain("maria");
        }
        // Her sender line still counts as a DOC message, by office only.
        assertThat(db.dsl().fetchCount(PAGE_CORRESPONDENTS, PAGE_CORRESPONDENTS.ROLE.eq("FROM"), PAGE_CORRESPONDENTS.OFFICE.eq("DOC"),
                PAGE_CORRESPONDENTS.ADDRESS.isNull())).isEqualTo(1);

        String es = new WebClient(portal.app).header("Accept-Language", "es").get("/records/correspondents").body();
        assertThat(es).contains("Quién escribió a ICE").contains("Inmigración federal");
    }

    @Test
    @Order(3)
    void offices_sort_by_count_or_name_and_bad_parameters_are_refused_clearly() throws Exception {
        JsonNode byName = JSON.readTree(public_.get("/api/v1/records/correspondents?sort=name").body());
        List<String> names = new ArrayList<>();
        byName.get("items").forEach(i -> names.add(i.get("office").asString()));
        assertThat(names).isSorted().contains("DOC", "NYPD", "ICE HSI");
        JsonNode byCount = JSON.readTree(public_.get("/api/v1/records/correspondents").body());
        assertThat(byCount.get("items").get(0).get("office").asString()).isEqualTo("DOC"); // the most messages
        assertThat(byCount.get("next").isNull()).isTrue();

        assertThat(public_.get("/records/correspondents?sort=bogus").statusCode()).isEqualTo(400);
        assertThat(public_.get("/records/correspondents?page=0").body()).contains("page must be a whole number from 1 to 1000.");
        assertThat(public_.get("/api/v1/records/correspondents?side=martian").statusCode()).isEqualTo(400);
        assertThat(public_.get("/api/v1/records/correspondents?office=DOC").statusCode()).isEqualTo(400);
        assertThat(public_.get("/api/v1/records/correspondents?side=city&office=Atlantis").statusCode()).isEqualTo(404);
        assertThat(public_.get("/records/correspondents?side=city&office=Atlantis").statusCode()).isEqualTo(404);
        HttpResponse<String> may = public_.get("/records/correspondents?side=city&office=DOC&month=2026-05");
        assertThat(may.body()).contains("No page in this month.");
        assertThat(public_.get("/records/correspondents?side=city&office=DOC&month=March").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void a_hidden_request_takes_its_pages_out_of_every_count_at_once() throws Exception {
        long request = db.dsl().select(DOCUMENTS.REQUEST_ID).from(DOCUMENTS).where(DOCUMENTS.ID.eq(record)).fetchOne(DOCUMENTS.REQUEST_ID);
        db.dsl().update(REQUESTS).set(REQUESTS.HIDDEN_AT, java.time.OffsetDateTime.now()).where(REQUESTS.ID.eq(request)).execute();
        try {
            assertThat(JSON.readTree(public_.get("/api/v1/records/correspondents").body()).get("total").asInt()).isZero();
            assertThat(public_.get("/records/correspondents?side=federal&office=ICE%20HSI").statusCode()).isEqualTo(404);
            assertThat(public_.get("/records/correspondents").body()).contains("No published record has an e-mail header yet");
        } finally {
            db.dsl().update(REQUESTS).setNull(REQUESTS.HIDDEN_AT).where(REQUESTS.ID.eq(request)).execute();
        }
        assertThat(JSON.readTree(public_.get("/api/v1/records/correspondents").body()).get("total").asInt()).isPositive();
    }

    @Test
    @Order(5)
    void the_index_works_on_a_phone_and_with_a_screen_reader() throws Exception {
        Axe axe = Axe.load();
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPageBypassingCsp();
            page.setViewportSize(375, 740);
            List<String> failures = new ArrayList<>();
            for (String path : List.of("/records/correspondents", "/records/correspondents?side=city&sort=name",
                    "/records/correspondents?side=federal&office=ICE%20HSI", "/records/correspondents?side=city&office=DOC&month=2026-03",
                    "/records/correspondents?sort=bogus")) {
                page.navigate(portal.app.baseUrl() + path);
                axe.check(page, path, failures);
                // Wide tables scroll inside their box; the page itself never scrolls sideways on a phone.
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
                if (Boolean.TRUE.equals(overflow)) failures.add(path + " — scrolls sideways at 375px");
            }
            assertThat(failures).isEmpty();
            // A screen reader reaches each office by its name, and from it each page by its title and number.
            page.navigate(portal.app.baseUrl() + "/records/correspondents?side=federal");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ICE HSI")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("printout.pdf, Page 3")).click();
            assertThat(page.url()).endsWith("/records/" + record + "?page=3");
        }
    }

    @Test
    @Order(6)
    void a_withdrawn_record_leaves_the_index_and_a_rebuild_backfills_what_is_published_once() throws Exception {
        int rows = db.dsl().fetchCount(PAGE_CORRESPONDENTS);
        assertThat(rows).isPositive();
        assertThat(officer.post("/agency/doc/records/" + record + "/withdraw", Map.of("reason", "Check again", "confirm", "yes"))
                .statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchCount(PAGE_CORRESPONDENTS)).isZero();
        assertThat(public_.get("/records/correspondents").body()).contains("No published record has an e-mail header yet");

        HttpResponse<String> again = officer.post("/agency/doc/records/" + record + "/publish", Map.of());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
        assertThat(db.dsl().fetchCount(PAGE_CORRESPONDENTS)).isEqualTo(rows);

        // The backfill: a follower starting from nothing replays the log to the same rows; a second
        // follower (another node) then finds nothing to apply and changes nothing.
        CorrespondentFollower first = new CorrespondentFollower(db.dsl());
        assertThat(first.rebuild()).isEqualTo(3); // publish, withdraw, publish
        assertThat(db.dsl().fetchCount(PAGE_CORRESPONDENTS)).isEqualTo(rows);
        assertThat(new CorrespondentFollower(db.dsl()).catchUp()).isZero();
        assertThat(db.dsl().fetchCount(PAGE_CORRESPONDENTS)).isEqualTo(rows);
        assertThat(first.lag()).isZero();
    }

    @Test
    @Order(7)
    void while_another_node_runs_the_pass_this_one_skips_it_and_the_next_pass_applies_everything_once() throws Exception {
        int rows = db.dsl().fetchCount(PAGE_CORRESPONDENTS);
        // "Another node" holds the job's lock on its own connection, with a backfill pending
        // (nothing applied yet), while this node tries its pass.
        int skipped = new nyc.daylight.db.JobLocks(db.dsl()).runAlone(CorrespondentFollower.JOB, () -> {
            db.dsl().deleteFrom(PAGE_CORRESPONDENTS).execute();
            db.dsl().update(nyc.daylight.sql.jooq.Tables.CORRESPONDENTS_POSITION)
                    .set(nyc.daylight.sql.jooq.Tables.CORRESPONDENTS_POSITION.APPLIED_SEQ, 0L).execute();
            int n = new CorrespondentFollower(db.dsl()).catchUp();
            assertThat(db.dsl().fetchCount(PAGE_CORRESPONDENTS)).isZero();
            return n;
        }).orElseThrow();
        assertThat(skipped).isZero();
        // The next pass (this node's, or the server's own timer if it came first) applies it all, once.
        CorrespondentFollower follower = new CorrespondentFollower(db.dsl());
        follower.catchUp();
        assertThat(follower.lag()).isZero();
        assertThat(db.dsl().fetchCount(PAGE_CORRESPONDENTS)).isEqualTo(rows);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
