package nyc.daylight.mandates;

import static nyc.daylight.sql.jooq.Tables.AUDIT_LOG;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.MANDATED_REPORTS;
import static nyc.daylight.sql.jooq.Tables.MANDATED_REPORT_PUBLICATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * The tracker over HTTP on a real database, the app's clock fixed: the seeded reports shown as
 * not yet verified, overdue periods in New York days with a one-click FOIL draft into the
 * composer, and the admin form (add, verify, publish, delete) that only administrators reach.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MandatesPageTest {
    private static final String ADMIN = "admin@mandates.test";
    private Portal portal;
    private TestDatabase db;
    private WebClient admin;
    private WebClient requester;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        // Friday, December 4, 2026 at 10 a.m. in New York.
        portal = new Portal(db, Instant.parse("2026-12-04T15:00:00Z"));
        People.admin(db.dsl(), ADMIN);
        People.requester(db.dsl(), "reader@mandates.test", "Reader");
        admin = portal.as(ADMIN);
        requester = portal.as("reader@mandates.test");
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    @Test
    void the_public_page_lists_each_seeded_report_with_its_citation_marked_not_yet_verified() throws Exception {
        HttpResponse<String> page = new WebClient(portal.app).get("/mandates");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("NYC Administrative Code § 9-131", "NYC Administrative Code § 14-154",
                "NYC Administrative Code § 10-178(d) (Local Law 228 of 2017)", "Mayoral Executive Order 13 of 2026",
                "Civil immigration detainers: annual report (Department of Correction)",
                "a quarterly report containing an anonymized compilation", "legistar.council.nyc.gov");
        assertThat(countOf(page.body(), "data-testid=\"unverified\"")).isEqualTo(5);
        assertThat(page.body()).doesNotContain("Legal basis verified");
        // Linked from every page's footer.
        assertThat(new WebClient(portal.app).get("/").body()).contains("href=\"/mandates\"");
    }

    @Test
    void a_period_past_its_due_date_in_new_york_is_overdue_and_drafts_a_foil_request_into_the_composer() throws Exception {
        String page = requester.get("/mandates/doc-detainers").body();
        // FY 2026 (July 1, 2025 – June 30, 2026) was due September 1, 2026 (63 days after it ended): overdue on December 4.
        String row = rowOf(page, "2025-07-01");
        assertThat(row).contains("data-testid=\"overdue\"", "Sep 1, 2026",
                "href=\"/requests/new?mandate=doc-detainers&amp;period=2025-07-01\"");

        String composer = requester.get("/requests/new?mandate=doc-detainers&period=2025-07-01").body();
        assertThat(composer).contains("value=\"doc\" checked", "value=\"2025-07-01\"", "value=\"2026-06-30\"",
                "Civil immigration detainers: annual report (Department of Correction)",
                "which, as I understand it, NYC Administrative Code § 9-131 requires", "Jul 1, 2025 – Jun 30, 2026");
        assertThat(requester.get("/requests/new?mandate=doc-detainers&period=2025-07-02").statusCode()).isEqualTo(404);
        assertThat(requester.get("/requests/new?mandate=no-such-report&period=2025-07-01").statusCode()).isEqualTo(404);

        // A report required once asks for the report, without narrowing the records to one day.
        String once = requester.get("/requests/new?mandate=eo13-audit&period=2026-02-06").body();
        assertThat(once).contains("value=\"mayor\" checked", "Request for the report &quot;Audit of agencies’ compliance",
                "which, as I understand it, Mayoral Executive Order 13 of 2026 requires, and due by May 7, 2026")
                .doesNotContain("value=\"2026-02-06\"");

        // A visitor is sent through sign-in, and comes back to the same draft.
        String anonymous = new WebClient(portal.app).get("/mandates/doc-detainers").body();
        assertThat(anonymous).contains("/signin?next=%2Frequests%2Fnew%3Fmandate%3Ddoc-detainers%26period%3D2025-07-01");
    }

    @Test
    void the_due_day_is_a_new_york_day() throws Exception {
        Instant was = portal.clock.instant();
        try {
            // 11:30 p.m. on September 1, 2026 in New York is already September 2 in UTC: FY 2026 is due, not overdue.
            portal.clock.setNewYork("2026-09-01T23:30:00");
            assertThat(rowOf(requester.get("/mandates/nypd-detainers").body(), "2025-07-01"))
                    .contains("Due").doesNotContain("data-testid=\"overdue\"", "draft-foil");
            portal.clock.setNewYork("2026-09-02T00:30:00");
            assertThat(rowOf(requester.get("/mandates/nypd-detainers").body(), "2025-07-01")).contains("data-testid=\"overdue\"");
        } finally {
            portal.clock.setNewYork(was.atZone(java.time.ZoneId.of("America/New_York")).toLocalDateTime().toString());
        }
    }

    @Test
    void spanish_readers_get_the_page_and_the_drafted_request_in_spanish() throws Exception {
        WebClient es = portal.as("reader@mandates.test").header("Accept-Language", "es");
        String page = es.get("/mandates/doc-detainers").body();
        assertThat(page).contains("Aún no verificado", "Vencido", "Redactar una solicitud FOIL para este informe",
                "Órdenes de detención migratoria civil: informe anual (Departamento de Corrección)");
        String composer = es.get("/requests/new?mandate=doc-detainers&period=2025-07-01").body();
        assertThat(composer).contains("Conforme a la Ley de Libertad de Información", "que, según entiendo, exige NYC Administrative Code § 9-131");
    }

    @Test
    void an_admin_adds_a_report_verifies_it_and_records_a_publication_with_figures() throws Exception {
        Map<String, String> form = report("probation-detainers", "probation");
        assertThat(admin.post("/admin/mandates", form).statusCode()).isEqualTo(302);
        assertThat(new WebClient(portal.app).get("/mandates/probation-detainers").body()).contains("data-testid=\"unverified\"");
        // The same address twice is refused, and the refusal changes nothing.
        int audited = db.dsl().fetchCount(AUDIT_LOG);
        assertThat(admin.post("/admin/mandates", form).body()).contains("already has the address probation-detainers");
        assertThat(db.dsl().fetchCount(MANDATED_REPORTS, MANDATED_REPORTS.SLUG.eq("probation-detainers"))).isEqualTo(1);
        assertThat(db.dsl().fetchCount(AUDIT_LOG)).isEqualTo(audited);

        // Verifying needs the box ticked, and a quotation with its source.
        assertThat(admin.post("/admin/mandates/probation-detainers/verify", Map.of("confirm", "yes")).body())
                .contains("Quote the law");
        form.put("quotedText", "The department shall post a report on its website.");
        form.put("sourceUrl", "https://codelibrary.amlegal.com/codes/newyorkcity/latest/NYCadmin/0-0-0-1");
        assertThat(admin.post("/admin/mandates/probation-detainers", form).statusCode()).isEqualTo(302);
        assertThat(admin.post("/admin/mandates/probation-detainers/verify", Map.of()).statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/mandates/probation-detainers/verify", Map.of("confirm", "yes")).statusCode()).isEqualTo(302);
        var stored = db.dsl().selectFrom(MANDATED_REPORTS).where(MANDATED_REPORTS.SLUG.eq("probation-detainers")).fetchOne();
        assertThat(stored.getVerified()).isTrue();
        assertThat(stored.getVerifiedAt().toInstant()).isEqualTo(portal.clock.instant());
        assertThat(stored.getVerifiedBy()).isNotNull();

        // A publication: only an http(s) address, for one of the report's periods.
        Map<String, String> pub = new LinkedHashMap<>(Map.of("period", "2025-01-01", "url", "javascript:alert(1)"));
        assertThat(admin.post("/admin/mandates/probation-detainers/publications", pub).statusCode()).isEqualTo(400);
        pub.put("url", "https://www.nyc.gov/site/probation/detainers-2025.page");
        pub.put("period", "2025-01-02");
        assertThat(admin.post("/admin/mandates/probation-detainers/publications", pub).statusCode()).isEqualTo(400);
        pub.put("period", "2025-01-01");
        pub.put("figures", "Detainers received: 109\nDetainers honored: 3");
        assertThat(admin.post("/admin/mandates/probation-detainers/publications", pub).statusCode()).isEqualTo(302);

        String page = new WebClient(portal.app).get("/mandates/probation-detainers").body();
        String row = rowOf(page, "2025-01-01");
        assertThat(row).contains("Published", "href=\"https://www.nyc.gov/site/probation/detainers-2025.page\"",
                "<dt>Detainers received</dt><dd>109</dd>").doesNotContain("data-testid=\"overdue\"", "draft-foil");
        assertThat(page).contains("Legal basis verified").doesNotContain("data-testid=\"unverified\"");
        // Who verified and who entered it are for administrators, not the public page.
        assertThat(page).doesNotContain(ADMIN);
        assertThat(admin.get("/admin/mandates/probation-detainers").body()).contains(ADMIN);
        // Not even in what the public pages are given, so no later template or JSON can show it.
        Mandates service = new Mandates(db.dsl(), new nyc.daylight.agencies.AgencyService(db.dsl()), portal.clock);
        Mandates.Tracked forPublic = service.one("probation-detainers");
        assertThat(forPublic.report().verifiedBy()).isNull();
        assertThat(forPublic.periods()).filteredOn(r -> r.publication() != null).isNotEmpty()
                .allSatisfy(r -> assertThat(r.publication().enteredBy()).isNull());
        assertThat(service.all()).allSatisfy(t -> assertThat(t.report().verifiedBy()).isNull());

        // A changed citation undoes the verification.
        form.put("citation", "NYC Administrative Code § 9-205(e)");
        admin.post("/admin/mandates/probation-detainers", form);
        assertThat(new WebClient(portal.app).get("/mandates/probation-detainers").body()).contains("data-testid=\"unverified\"");

        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.SUBJECT.like("probation-detainers%"))).isEqualTo(5);
    }

    @Test
    void a_record_link_must_be_a_published_daylight_record() throws Exception {
        HttpResponse<String> r = admin.post("/admin/mandates/eo13-audit/publications",
                Map.of("period", "2026-02-06", "record", "/records/999999"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("not a published record");
        assertThat(admin.post("/admin/mandates/eo13-audit/publications",
                Map.of("period", "2026-02-06", "record", "12", "url", "https://example.org/a")).body()).contains("not both");
        long eo13 = db.dsl().fetchValue(MANDATED_REPORTS.ID, MANDATED_REPORTS.SLUG.eq("eo13-audit"));
        assertThat(db.dsl().fetchCount(MANDATED_REPORT_PUBLICATIONS, MANDATED_REPORT_PUBLICATIONS.REPORT_ID.eq(eo13)))
                .as("nothing stored from refused forms").isZero();
    }

    @Test
    void a_publication_links_a_published_daylight_record_and_never_an_unpublished_one() throws Exception {
        People.officer(db.dsl(), "rao@doc.mandates.test", "doc", true);
        WebClient officer = portal.as("rao@doc.mandates.test");
        String number = requester.fileRequest("Detainer report FY 2025", "doc").getFirst();
        officer.postFile("/agency/doc/requests/" + number + "/release", Map.of(), "files", "fy2025.txt",
                "Civil immigration detainers received: 109. Honored: 3.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        officer.postFile("/agency/doc/requests/" + number + "/release", Map.of(), "files", "draft.txt",
                "Unpublished draft with SSN 123-45-6789.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long published = db.dsl().fetchValue(DOCUMENTS.ID, DOCUMENTS.ORIGINAL_NAME.eq("fy2025.txt"));
        long unpublished = db.dsl().fetchValue(DOCUMENTS.ID, DOCUMENTS.ORIGINAL_NAME.eq("draft.txt"));
        assertThat(officer.post("/agency/doc/records/" + published + "/publish", Map.of()).statusCode()).isEqualTo(302);

        assertThat(admin.post("/admin/mandates/doc-detainers/publications",
                Map.of("period", "2024-07-01", "record", "/records/" + unpublished)).statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/mandates/doc-detainers/publications",
                Map.of("period", "2024-07-01", "record", "https://daylight.test/records/" + published + "?page=1")).statusCode())
                .isEqualTo(302);
        String row = rowOf(new WebClient(portal.app).get("/mandates/doc-detainers").body(), "2024-07-01");
        assertThat(row).contains("href=\"/records/" + published + "\"", "Published").doesNotContain("/records/" + unpublished);
    }

    @Test
    void what_an_admin_types_is_escaped_on_the_public_page() throws Exception {
        Map<String, String> form = report("escaped", "nypd");
        form.put("title", "<script>alert('t')</script>");
        form.put("firstPeriod", "2024-01-01");
        assertThat(admin.post("/admin/mandates", form).statusCode()).isEqualTo(302);
        assertThat(admin.post("/admin/mandates/escaped/publications", Map.of("period", "2024-01-01",
                "url", "https://example.org/r?a=1&b=\"><img/src=x/onerror=alert(1)>", "figures", "<b>Held</b>: 3")).statusCode())
                .isEqualTo(302);
        String page = new WebClient(portal.app).get("/mandates/escaped").body();
        assertThat(page).doesNotContain("<script>alert", "\"><img/src", "<b>Held</b>")
                .contains("&lt;script&gt;alert", "&lt;b&gt;Held&lt;/b&gt;", "&quot;&gt;&lt;img/src=x");
    }

    @Test
    void deleting_a_report_needs_its_confirmation() throws Exception {
        admin.post("/admin/mandates", report("to-delete", "doi"));
        assertThat(admin.post("/admin/mandates/to-delete/delete", Map.of()).statusCode()).isEqualTo(400);
        assertThat(new WebClient(portal.app).get("/mandates/to-delete").statusCode()).isEqualTo(200);
        assertThat(admin.post("/admin/mandates/to-delete/delete", Map.of("confirm", "yes")).statusCode()).isEqualTo(302);
        assertThat(new WebClient(portal.app).get("/mandates/to-delete").statusCode()).isEqualTo(404);
    }

    @Test
    void only_administrators_reach_the_form_and_a_form_without_its_csrf_token_is_refused() throws Exception {
        assertThat(requester.get("/admin/mandates").statusCode()).isEqualTo(403);
        assertThat(requester.post("/admin/mandates", report("sneaky", "doc")).statusCode()).isEqualTo(403);
        assertThat(requester.post("/admin/mandates/doc-detainers/verify", Map.of("confirm", "yes")).statusCode()).isEqualTo(403);
        assertThat(requester.post("/admin/mandates/doc-detainers/publications",
                Map.of("period", "2025-07-01", "url", "https://example.org/x")).statusCode()).isEqualTo(403);
        Map<String, String> noToken = report("no-token", "doc");
        assertThat(admin.postRaw("/admin/mandates", noToken).statusCode()).isEqualTo(403);
        assertThat(db.dsl().fetchCount(MANDATED_REPORTS, MANDATED_REPORTS.SLUG.in("sneaky", "no-token"))).isZero();
        assertThat(db.dsl().fetchValue(MANDATED_REPORTS.VERIFIED, MANDATED_REPORTS.SLUG.eq("doc-detainers"))).isFalse();
    }

    private static Map<String, String> report(String slug, String agency) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("slug", slug);
        form.put("agency", agency);
        form.put("title", "Detainers report " + slug);
        form.put("titleEs", "Informe de órdenes " + slug);
        form.put("citation", "NYC Administrative Code § 9-205");
        form.put("frequency", "CALENDAR_YEAR");
        form.put("firstPeriod", "2025-01-01");
        form.put("daysAfterEnd", "30");
        return form;
    }

    /** The table row of one period, by its first day. */
    private static String rowOf(String page, String periodStart) {
        int at = page.indexOf("data-testid=\"period-" + periodStart + "\"");
        assertThat(at).as("row for " + periodStart).isGreaterThan(0);
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
