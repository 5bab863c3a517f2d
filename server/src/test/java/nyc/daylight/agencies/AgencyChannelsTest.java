package nyc.daylight.agencies;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.AGENCY_CHANGES;
import static nyc.daylight.sql.jooq.Tables.AGENCY_CHANNELS;
import static nyc.daylight.sql.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where each agency accepts requests (issue #24): seeded unverified from the registry, shown on the
 * agency page with its mark and, for a New York agency, the e-mail rule of POL §89(3)(b); changed
 * only by an admin, validated, with CSRF, the audit log and the agency's history.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyChannelsTest {
    private RunningApp app;
    private TestDatabase db;
    private WebClient admin;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        app = RunningApp.start(db.dataSource(), Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC));
        People.admin(db.dsl(), "admin@daylight.test");
        admin = new WebClient(app);
        admin.signIn("admin@daylight.test", People.PASSWORD);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private long agencyId(String slug) {
        return db.dsl().select(AGENCIES.ID).from(AGENCIES).where(AGENCIES.SLUG.eq(slug)).fetchSingle().value1();
    }

    private Result<Record> channels(String slug) {
        return db.dsl().select().from(AGENCY_CHANNELS).where(AGENCY_CHANNELS.AGENCY_ID.eq(agencyId(slug)))
                .orderBy(AGENCY_CHANNELS.KIND).fetch();
    }

    private static Map<String, String> form(String email, String portal, String post, String... verified) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("channelEmail", email);
        f.put("channelPortal", portal);
        f.put("channelPost", post);
        for (String v : verified) f.put(v, "yes");
        return f;
    }

    @Test
    void the_page_lists_the_seeded_channels_each_not_yet_verified_and_says_what_the_law_requires() throws Exception {
        String page = app.get("/agencies/probation").body();
        assertThat(page).contains("Where the agency accepts requests").contains("href=\"/requests/track\"")
                .contains("href=\"mailto:foil@probation.nyc.gov\"")
                .contains("href=\"https://a860-openrecords.nyc.gov/\"")
                .contains("33 Beaver Street");
        assertThat(page.split("data-testid=\"unverified\"", -1)).hasSize(4);
        assertThat(page).doesNotContain("data-testid=\"verified\"");
        assertThat(page).contains("data-testid=\"email-law\"").contains("Public Officers Law §89(3)(b)")
                .contains("provided such entity has reasonable means available, accept requests for records submitted in the form of electronic mail");
        // A federal agency is not held to FOIL: no §89(3)(b), and no OpenRecords portal.
        String ice = app.get("/agencies/ice").body();
        assertThat(ice).contains("href=\"mailto:ice-foia@ice.dhs.gov\"").doesNotContain("data-testid=\"email-law\"")
                .doesNotContain("a860-openrecords");
        WebClient es = new WebClient(app).header("Accept-Language", "es");
        assertThat(es.get("/agencies/probation").body()).contains("Dónde acepta solicitudes la agencia", "Aún sin verificar",
                "toda agencia que disponga de medios razonables");
    }

    @Test
    void an_admin_changes_and_verifies_a_channel_and_the_change_is_audited_and_in_the_history() throws Exception {
        String edit = admin.get("/admin/agencies/doi").body();
        assertThat(edit).contains("action=\"/admin/agencies/doi/channels\"").contains("name=\"_csrf\"")
                .contains("value=\"foil@doi.nyc.gov\"").contains("value=\"https://a860-openrecords.nyc.gov/\"");
        HttpResponse<String> r = admin.post("/admin/agencies/doi/channels", form("records@doi.nyc.gov",
                "https://a860-openrecords.nyc.gov/", "", "channelEmailVerified", "channelPortalVerified"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/agencies/doi");

        Result<Record> rows = channels("doi");
        assertThat(rows).extracting(x -> x.get(AGENCY_CHANNELS.KIND)).containsExactly("EMAIL", "PORTAL");
        assertThat(rows).allSatisfy(x -> {
            assertThat(x.get(AGENCY_CHANNELS.VERIFIED)).isTrue();
            assertThat(x.get(AGENCY_CHANNELS.VERIFIED_AT)).isNotNull();
        });
        assertThat(rows.getFirst().get(AGENCY_CHANNELS.ADDRESS)).isEqualTo("records@doi.nyc.gov");

        String page = app.get("/agencies/doi").body();
        assertThat(page).contains("href=\"mailto:records@doi.nyc.gov\"").doesNotContain("data-testid=\"channel-post\"");
        assertThat(page.split("data-testid=\"verified\"", -1)).hasSize(3);
        assertThat(page).doesNotContain("data-testid=\"unverified\"").contains("channel_email", "channel_portal_verified");

        List<String> fields = db.dsl().select(AGENCY_CHANGES.FIELD).from(AGENCY_CHANGES).where(AGENCY_CHANGES.AGENCY_ID.eq(agencyId("doi")))
                .fetch(AGENCY_CHANGES.FIELD);
        assertThat(fields).containsExactlyInAnyOrder("channel_email", "channel_email_verified", "channel_portal_verified", "channel_post");
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("edit-agency-channels").and(AUDIT_LOG.SUBJECT.eq("doi")))).isEqualTo(1);

        // The same form again changes nothing and writes nothing.
        assertThat(admin.post("/admin/agencies/doi/channels", form("records@doi.nyc.gov", "https://a860-openrecords.nyc.gov/", "",
                "channelEmailVerified", "channelPortalVerified")).statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("edit-agency-channels").and(AUDIT_LOG.SUBJECT.eq("doi")))).isEqualTo(1);
        // A changed address is no longer the one confirmed unless its box is ticked again.
        admin.post("/admin/agencies/doi/channels", form("foil@doi.nyc.gov", "https://a860-openrecords.nyc.gov/", "", "channelPortalVerified"));
        assertThat(channels("doi").getFirst().get(AGENCY_CHANNELS.VERIFIED)).isFalse();
        assertThat(channels("doi").getFirst().get(AGENCY_CHANNELS.VERIFIED_BY)).isNull();
    }

    @Test
    void a_bad_address_is_refused_with_a_clear_message_and_nothing_changes() throws Exception {
        Result<Record> before = channels("law");
        int audits = db.dsl().fetchCount(AUDIT_LOG);
        Map<String, String> cases = Map.of(
                "http://a860-openrecords.nyc.gov/", "is not a full https:// address",
                "javascript:alert(1)", "is not a full https:// address",
                "https://", "is not a full https:// address",
                "https://user@evil.example/", "is not a full https:// address");
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = admin.post("/admin/agencies/law/channels", form("foil@law.nyc.gov", c.getKey(), "100 Church Street",
                    "channelPostVerified"));
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(r.body()).contains(c.getValue()).contains("aria-invalid=\"true\"").contains("href=\"#channelPortal\"");
        }
        HttpResponse<String> email = admin.post("/admin/agencies/law/channels", form("foil at law", "", ""));
        assertThat(email.statusCode()).isEqualTo(400);
        assertThat(email.body()).contains("is not an e-mail address").contains("href=\"#channelEmail\"");
        HttpResponse<String> longPost = admin.post("/admin/agencies/law/channels", form("", "", "x".repeat(1001)));
        assertThat(longPost.statusCode()).isEqualTo(400);
        assertThat(longPost.body()).contains("under 1,000 characters");
        assertThat(channels("law")).isEqualTo(before);
        assertThat(db.dsl().fetchCount(AUDIT_LOG)).isEqualTo(audits);
    }

    @Test
    void only_an_admin_may_change_channels_and_never_without_the_forms_token() throws Exception {
        Result<Record> before = channels("acs");
        People.requester(db.dsl(), "req@example.org", "Req");
        People.officer(db.dsl(), "rao@acs.test", "acs", true);
        for (String who : List.of("req@example.org", "rao@acs.test")) {
            WebClient web = new WebClient(app);
            web.signIn(who, People.PASSWORD);
            HttpResponse<String> r = web.post("/admin/agencies/acs/channels", form("evil@example.org", "https://evil.example/", ""));
            assertThat(r.statusCode()).as(who).isIn(403, 404);
        }
        HttpResponse<String> anonymous = new WebClient(app).post("/admin/agencies/acs/channels", form("evil@example.org", "", ""));
        assertThat(anonymous.statusCode()).isNotEqualTo(200);
        assertThat(admin.postRaw("/admin/agencies/acs/channels", form("evil@example.org", "", "")).statusCode()).isEqualTo(403);
        assertThat(channels("acs")).isEqualTo(before);
    }

    @Test
    void a_blank_field_removes_that_channel() throws Exception {
        assertThat(admin.post("/admin/agencies/nycem/channels", form("foil@oem.nyc.gov", "", "")).statusCode()).isEqualTo(302);
        assertThat(channels("nycem")).extracting(x -> x.get(AGENCY_CHANNELS.KIND)).containsExactly("EMAIL");
        assertThat(app.get("/agencies/nycem").body()).doesNotContain("data-testid=\"channel-portal\"").contains("data-testid=\"channel-email\"");
    }
}
