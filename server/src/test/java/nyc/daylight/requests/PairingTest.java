package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.AUDIT_LOG;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Pairing two requests that already exist (issue #24): only their requester may pair or unpair
 * them, from either side, with a reason for every refusal and a confirmation before unpairing; and
 * the paired view's cross-check shows what each side published, never a record still in review.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PairingTest {
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"");
    private static final Pattern CROSS_CHECK = Pattern.compile("data-testid=\"cross-check\".*?</section>", Pattern.DOTALL);
    private TestDatabase db;
    private Portal portal;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        People.officer(db.dsl(), "rao@doc.test", "doc", false);
        People.officer(db.dsl(), "foia@ice.test", "ice", false);
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    /** Tracks a federal request filed on FOIA.gov; returns its Daylight number. */
    private String federal(WebClient web, String agency, String agencyNumber, String title) throws Exception {
        Matcher key = KEY.matcher(web.get("/requests/track").body());
        assertThat(key.find()).isTrue();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("agency", agency);
        f.put("channel", "FOIA_GOV");
        f.put("trackingNumber", agencyNumber);
        f.put("submittedOn", "2026-03-02");
        f.put("submittedTime", "09:00");
        f.put("title", title);
        f.put("sentText", "All communications about " + title + ".");
        f.put("idempotencyKey", key.group(1));
        HttpResponse<String> r = web.post("/requests/track", f);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String number = r.headers().firstValue("Location").orElseThrow().substring("/requests/".length());
        web.get("/requests/" + number); // reads the "is tracked" notice, so the next page shows only its own
        return number;
    }

    private Long pairedId(String number) {
        return db.dsl().fetchValue(REQUESTS.PAIRED_REQUEST_ID, REQUESTS.NUMBER.eq(number));
    }

    private int audits(String action, String number) {
        return db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq(action).and(AUDIT_LOG.SUBJECT.eq(number)));
    }

    @Test
    void the_requester_pairs_two_existing_requests_from_either_page_and_unpairs_them_after_confirming() throws Exception {
        People.requester(db.dsl(), "pat@example.org", "Pat");
        People.requester(db.dsl(), "sam@example.org", "Sam");
        WebClient pat = portal.as("pat@example.org");
        WebClient sam = portal.as("sam@example.org");
        String city = pat.fileRequest("DOC release-date e-mails with ICE", "doc").getFirst();
        String otherCity = pat.fileRequest("NYPD database alerts for HSI", "nypd").getFirst();
        String ice = federal(pat, "ice", "2026-ICFO-20001", "ICE e-mails with DOC about release dates");
        String cbp = federal(pat, "cbp", "CBP-2026-7", "CBP e-mails with DOC about release dates");
        String samsIce = federal(sam, "ice", "2026-ICFO-20002", "ICE e-mails with NYPD");

        // The federal page offers the requester's unpaired city requests, never a federal one or someone else's.
        String form = pat.get("/requests/" + ice + "/pair").body();
        assertThat(form).contains("Pair with the other side", city, otherCity).doesNotContain(cbp, samsIce);
        assertThat(pat.get("/requests/" + city).body()).contains("href=\"/requests/" + city + "/pair\"", "Pair with your federal FOIA request");

        // To anyone else the request is not found, whether they look or post.
        assertThat(sam.get("/requests/" + ice + "/pair").statusCode()).isEqualTo(404);
        assertThat(sam.post("/requests/" + ice + "/pair", Map.of("pairWith", samsIce)).statusCode()).isEqualTo(404);
        assertThat(sam.get("/requests/" + ice + "/unpair").statusCode()).isEqualTo(404);
        // A form without the CSRF token changes nothing.
        assertThat(pat.postRaw("/requests/" + ice + "/pair", Map.of("pairWith", city)).statusCode()).isEqualTo(403);

        // Each refusal says why, keeps the page, and stores nothing.
        assertThat(pat.post("/requests/" + ice + "/pair", Map.of("pairWith", ""))).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("Choose the request to pair this one with.");
        });
        assertThat(pat.post("/requests/" + ice + "/pair", Map.of("pairWith", cbp)).body())
                .contains("A pair is a city FOIL request and a federal FOIA request");
        assertThat(pat.post("/requests/" + ice + "/pair", Map.of("pairWith", samsIce)).body())
                .contains("You have no request " + samsIce + " to pair this one with.");
        assertThat(pairedId(ice)).isNull();
        assertThat(pairedId(city)).isNull();

        // Paired from the federal page: both pages show both clocks, to the public too.
        HttpResponse<String> paired = pat.post("/requests/" + ice + "/pair", Map.of("pairWith", city));
        assertThat(paired.statusCode()).as(paired.body()).isEqualTo(302);
        assertThat(paired.headers().firstValue("Location")).contains("/requests/" + ice + "#paired-title");
        assertThat(pat.get("/requests/" + ice).body()).contains("is now paired with " + city);
        for (String n : List.of(city, ice)) {
            assertThat(new WebClient(portal.app).get("/requests/" + n).body()).as(n)
                    .contains("data-testid=\"paired\"", "data-testid=\"clock-" + city + "\"", "data-testid=\"clock-" + ice + "\"",
                            "data-testid=\"cross-check\"", "Neither side has released records here yet.")
                    .doesNotContain("/requests/" + n + "/unpair");
            assertThat(audits("pair-requests", n)).isEqualTo(1);
        }
        assertThat(pat.get("/requests/" + city).body()).contains("href=\"/requests/" + city + "/unpair\"");
        // The API names the pair too, both ways.
        assertThat(new WebClient(portal.app).get("/api/v1/requests/" + city).body()).contains("\"pairedWith\":\"" + ice + "\"");
        assertThat(new WebClient(portal.app).get("/api/v1/requests/" + ice).body()).contains("\"pairedWith\":\"" + city + "\"");

        // Neither can be paired again while the pair stands, from either side.
        assertThat(pat.post("/requests/" + city + "/pair", Map.of("pairWith", cbp)).body())
                .contains("Request " + city + " is already paired with " + ice + ": unpair them first.");
        assertThat(pat.post("/requests/" + cbp + "/pair", Map.of("pairWith", city)).body())
                .contains("Request " + city + " is already paired with another request.");
        assertThat(pairedId(cbp)).isNull();

        // Unpairing asks first; the question alone changes nothing.
        String confirm = pat.get("/requests/" + city + "/unpair").body();
        assertThat(confirm).contains("Unpair these requests?", city, ice, "Yes, unpair them", "name=\"_csrf\"");
        assertThat(pairedId(city)).isNotNull();
        assertThat(sam.post("/requests/" + city + "/unpair", Map.of()).statusCode()).isEqualTo(404);
        assertThat(pairedId(city)).isNotNull();
        HttpResponse<String> unpaired = pat.post("/requests/" + city + "/unpair", Map.of());
        assertThat(unpaired.statusCode()).isEqualTo(302);
        assertThat(pat.get("/requests/" + city).body()).contains("is no longer paired with " + ice).doesNotContain("data-testid=\"paired\"");
        assertThat(pairedId(city)).isNull();
        assertThat(pairedId(ice)).isNull();
        for (String n : List.of(city, ice)) assertThat(audits("unpair-requests", n)).isEqualTo(1);
        assertThat(new WebClient(portal.app).get("/api/v1/requests/" + city).body()).contains("\"pairedWith\":null");
        // Nothing left to undo: the confirmation sends the requester to the pairing page.
        assertThat(pat.get("/requests/" + city + "/unpair").statusCode()).isEqualTo(302);
        pat.post("/requests/" + city + "/unpair", Map.of());
        assertThat(pat.get("/requests/" + city).body()).contains("is not paired with another request.");

        // And in Spanish.
        WebClient es = portal.as("pat@example.org").header("Accept-Language", "es");
        assertThat(es.get("/requests/" + city + "/pair").body()).contains("Emparejar con el otro lado", "Sus solicitudes federales aún sin emparejar");
    }

    @Test
    void the_cross_check_shows_what_each_side_published_and_never_a_record_in_review() throws Exception {
        People.requester(db.dsl(), "rosa@example.org", "Rosa");
        WebClient rosa = portal.as("rosa@example.org");
        WebClient doc = portal.as("rao@doc.test");
        WebClient iceOfficer = portal.as("foia@ice.test");
        String city = rosa.fileRequest("DOC booking photos shared with HSI", "doc").getFirst();
        String ice = federal(rosa, "ice", "2026-ICFO-30001", "HSI records of DOC booking photos");
        assertThat(rosa.post("/requests/" + city + "/pair", Map.of("pairWith", ice)).statusCode()).isEqualTo(302);

        // DOC releases two files and publishes one; ICE releases a file that stays in review.
        long published = release(doc, "doc", city, "doc-hsi-emails.txt", "E-mails between the DOC investigator and HSI about release dates.");
        assertThat(doc.post("/agency/doc/records/" + published + "/publish", Map.of()).statusCode()).isEqualTo(302);
        long cityInReview = release(doc, "doc", city, "doc-secret-draft.txt", "Zanzibarquill draft still in review at DOC.");
        long iceInReview = release(iceOfficer, "ice", ice, "ice-target-list.txt", "Quorvaxite target list still in review at ICE.");

        for (WebClient viewer : List.of(new WebClient(portal.app), rosa)) {
            for (String n : List.of(city, ice)) {
                String section = crossCheck(viewer.get("/requests/" + n).body());
                assertThat(section).as(n).contains("DOC released 1 page; ICE has not answered yet.", "/records/" + published + "\"",
                        "1 published record, 1 page", "doc-hsi-emails");
                assertThat(section).as(n).doesNotContain("doc-secret-draft", "Zanzibarquill", "/records/" + cityInReview + "\"",
                        "ice-target-list", "Quorvaxite", "/records/" + iceInReview + "\"", "2 published records", "2 pages");
            }
        }

        // ICE denies, citing a FOIA exemption: the cross-check says so plainly, with the exemption.
        HttpResponse<String> denied = iceOfficer.postMulti("/agency/ice/requests/" + ice + "/determine",
                Map.of("outcome", "DENIED", "exemptions#0", "552(b)(7)", "explanation", "Law enforcement records."));
        assertThat(denied.statusCode()).as(denied.body()).isEqualTo(302);
        String section = crossCheck(new WebClient(portal.app).get("/requests/" + ice).body());
        assertThat(section).contains("DOC released 1 page; ICE withheld its records (denied).", "552(b)(7)", "Withheld (denied)")
                .doesNotContain("Quorvaxite", "ice-target-list");
        assertThat(crossCheck(new WebClient(portal.app).header("Accept-Language", "es").get("/requests/" + city).body()))
                .contains("DOC entregó 1 página; ICE retuvo sus documentos (denegada).");
    }

    @Test
    void a_pair_made_meanwhile_wins_and_the_pairing_that_lost_writes_nothing() throws Exception {
        People.requester(db.dsl(), "lee@example.org", "Lee");
        WebClient lee = portal.as("lee@example.org");
        String first = lee.fileRequest("DOC transfers to ICE custody", "doc").getFirst();
        String second = lee.fileRequest("NYPD transfers to ICE custody", "nypd").getFirst();
        String ice = federal(lee, "ice", "2026-ICFO-50001", "ICE custody transfers from NYC");
        // Another tab paired the ICE request after this one's checks passed: the second row refuses, the first is rolled back.
        TrackingRepository tracking = new TrackingRepository();
        db.dsl().transaction(tx -> assertThat(tracking.pairIfFree(tx.dsl(), id(second), id(ice))).isTrue());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.dsl().transaction(tx -> {
            if (!tracking.pairIfFree(tx.dsl(), id(first), id(ice))) throw new IllegalStateException("taken meanwhile");
        })).hasMessageContaining("taken meanwhile");
        assertThat(pairedId(first)).isNull();
        assertThat(pairedId(ice)).isEqualTo(id(second));
        assertThat(lee.post("/requests/" + first + "/pair", Map.of("pairWith", ice)).body())
                .contains("Request " + ice + " is already paired with another request.");
        assertThat(audits("pair-requests", first)).isZero();
    }

    @Test
    void a_hidden_side_of_a_pair_is_left_out_for_the_public_everywhere_but_not_for_its_requester() throws Exception {
        People.requester(db.dsl(), "kim@example.org", "Kim");
        People.admin(db.dsl(), "safety@daylight.test");
        WebClient kim = portal.as("kim@example.org");
        String city = kim.fileRequest("DOC detainer requests honoured", "doc").getFirst();
        String ice = federal(kim, "ice", "2026-ICFO-60001", "ICE detainer requests sent to DOC");
        assertThat(kim.post("/requests/" + city + "/pair", Map.of("pairWith", ice)).statusCode()).isEqualTo(302);
        assertThat(portal.as("safety@daylight.test").post("/requests/" + ice + "/hide", Map.of("reason", "Requester's safety"))
                .statusCode()).isEqualTo(302);

        WebClient anyone = new WebClient(portal.app);
        assertThat(anyone.get("/requests/" + city).body()).doesNotContain("data-testid=\"paired\"", ice, "ICE detainer requests sent to DOC",
                "2026-ICFO-60001");
        assertThat(anyone.get("/api/v1/requests/" + city).body()).contains("\"pairedWith\":null").doesNotContain(ice);
        assertThat(kim.get("/requests/" + city).body()).contains("data-testid=\"paired\"", "data-testid=\"clock-" + ice + "\"");
    }

    private long id(String number) {
        return db.dsl().fetchValue(REQUESTS.ID, REQUESTS.NUMBER.eq(number));
    }

    /** An officer's release of one file on a request; returns the new document's id (in review until published). */
    private long release(WebClient officer, String agency, String number, String name, String text) throws Exception {
        HttpResponse<String> r = officer.postFile("/agency/" + agency + "/requests/" + number + "/release",
                Map.of("message", "Records attached."), "files", name, text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return db.dsl().select(org.jooq.impl.DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
    }

    private static String crossCheck(String page) {
        Matcher m = CROSS_CHECK.matcher(page);
        assertThat(m.find()).as("a cross-check on the page").isTrue();
        return m.group();
    }
}
