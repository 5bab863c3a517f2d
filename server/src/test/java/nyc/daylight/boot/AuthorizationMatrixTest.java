package nyc.daylight.boot;

import static nyc.daylight.sql.jooq.Tables.ATTACHMENTS;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.inbound.InboundSettings;
import nyc.daylight.notify.ReplyAddress;
import nyc.daylight.testing.AgencyMailer;
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
 * Every route the app registers × every kind of caller, against a policy written here. A route
 * added without a policy fails this test, so nobody ships a page without deciding who may use it.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** What a caller may get. */
    enum Outcome { ALLOWED, SIGN_IN, DENIED, HIDDEN }

    enum Caller { ANONYMOUS, OWNER, OTHER_REQUESTER, OFFICER_OF_AGENCY, OFFICER_ELSEWHERE, ADMIN }

    /** Who may use a route, as an outcome per caller. */
    enum Policy {
        PUBLIC(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED),
        SIGNED_IN(Outcome.SIGN_IN, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED),
        OWNER(Outcome.SIGN_IN, Outcome.ALLOWED, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.HIDDEN),
        /** An unpublished file: its requester and admins only; the public route answers 404 to others. */
        OWNER_OR_ADMIN_FILE(Outcome.HIDDEN, Outcome.ALLOWED, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.ALLOWED),
        AGENCY(Outcome.SIGN_IN, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.ALLOWED, Outcome.HIDDEN, Outcome.ALLOWED),
        ADMIN(Outcome.SIGN_IN, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.ALLOWED),
        /** Sending an undelivered request letter again: its requester, and an admin who corrected the agency's address. */
        OWNER_OR_ADMIN(Outcome.SIGN_IN, Outcome.ALLOWED, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.ALLOWED),
        /** An agency's e-mailed reply: its requester, the agency's officers and admins confirm what it says. */
        REPLY(Outcome.SIGN_IN, Outcome.ALLOWED, Outcome.HIDDEN, Outcome.ALLOWED, Outcome.HIDDEN, Outcome.ALLOWED),
        /**
         * Public, but only once the request is denied: the matrix's request is not, so everyone gets
         * 404 (Article78BundleTest covers who gets the public and the full copy after a denial).
         */
        AFTER_DENIAL(Outcome.HIDDEN, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.HIDDEN),
        /** A link's signed token is the only authority (unsubscribing from an alert): without a genuine one, 404 for everyone. */
        BY_LINK(Outcome.HIDDEN, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.HIDDEN, Outcome.HIDDEN),
        /** API writes: a bearer token only; a session cookie is not read there, so every browser caller is asked for a token. */
        TOKEN_ONLY(Outcome.SIGN_IN, Outcome.SIGN_IN, Outcome.SIGN_IN, Outcome.SIGN_IN, Outcome.SIGN_IN, Outcome.SIGN_IN);

        final Outcome[] byCaller;

        Policy(Outcome... byCaller) {
            this.byCaller = byCaller;
        }
    }

    private static final Map<String, Policy> POLICIES = new LinkedHashMap<>();

    static {
        for (String r : List.of("GET /", "GET /about", "GET /records", "GET /health", "GET /live", "GET /ready", "GET /agencies", "GET /agencies/{slug}",
                "GET /deadlines", "GET /api/v1/deadlines/preview", "GET /signup", "POST /signup", "GET /verify", "POST /verify", "GET /signin",
                "POST /signin", "POST /signout", "GET /reset", "POST /reset", "GET /reset/{token}", "POST /reset/{token}",
                "GET /invite/{token}", "POST /invite/{token}", "GET /requests/new", "GET /requests", "GET /requests/{number}", "GET /requests/{number}/agencies",
                "GET /api/v1/requests", "GET /api/v1/requests/{number}", "GET /feeds/overdue.atom", "GET /feeds/requests.atom", "GET /feeds/agencies/{slug}.atom",
                "GET /feeds/requests/{number}.atom", "GET /scorecards",
                "GET /scorecards/export.csv", "GET /scorecards/export.json", "GET /scorecards/{slug}", "GET /scorecards/{slug}/brief",
                "GET /scorecards/{slug}/brief.pdf", "GET /scorecards/{slug}/export.csv", "GET /data/requests.csv",
                "GET /api/v1/scorecards", "GET /api/v1/scorecards/{slug}", "GET /api/v1/scorecards/{slug}/oldest-open", "GET /methodology", "GET /api/v1/openapi.json", "GET /api/docs", "GET /metrics",
                "GET /records/{id}", "GET /records/{id}/file", "GET /records/{id}/compare", "GET /api/v1/search", "GET /feeds/records.atom",
                "GET /mandates", "GET /mandates/{report}", "GET /records/correspondents", "GET /api/v1/records/correspondents")) {
            POLICIES.put(r, Policy.PUBLIC);
        }
        for (String r : List.of("POST /requests", "GET /me", "GET /agency")) POLICIES.put(r, Policy.SIGNED_IN);
        // Each person's own e-mail settings (the daily digest): nobody else's can be named.
        for (String r : List.of("GET /me/email", "POST /me/email")) POLICIES.put(r, Policy.SIGNED_IN);
        // Tracking a request filed elsewhere: any signed-in requester, for themselves (pairing checks ownership).
        for (String r : List.of("GET /requests/track", "POST /requests/track")) POLICIES.put(r, Policy.SIGNED_IN);
        // API tokens
        for (String r : List.of("GET /me/tokens", "POST /me/tokens", "GET /api/v1/me/requests")) POLICIES.put(r, Policy.SIGNED_IN);
        for (String r : List.of("GET /me/tokens/{id}/revoke", "POST /me/tokens/{id}/revoke")) POLICIES.put(r, Policy.OWNER);
        for (String r : List.of("POST /api/v1/requests", "POST /api/v1/requests/{number}/events")) POLICIES.put(r, Policy.TOKEN_ONLY);
        // Saved searches: each person's own; another's is not found.
        for (String r : List.of("GET /me/searches", "POST /me/searches")) POLICIES.put(r, Policy.SIGNED_IN);
        for (String r : List.of("POST /me/searches/{id}", "GET /me/searches/{id}/delete", "POST /me/searches/{id}/delete")) {
            POLICIES.put(r, Policy.OWNER);
        }
        for (String r : List.of("GET /alerts/unsubscribe/{token}", "POST /alerts/unsubscribe/{token}")) POLICIES.put(r, Policy.BY_LINK);
        for (String r : List.of("GET /requests/{number}/withdraw", "POST /requests/{number}/withdraw",
                "POST /requests/{number}/correspondence", "GET /requests/{number}/appeal", "POST /requests/{number}/appeal",
                "POST /requests/{number}/clarification", "POST /requests/{number}/follow-ups", "POST /requests/{number}/embargo",
                "GET /requests/{number}/agencies/letters", "POST /requests/{number}/agencies/letters",
                "GET /requests/{number}/pair", "POST /requests/{number}/pair", "GET /requests/{number}/unpair", "POST /requests/{number}/unpair")) {
            POLICIES.put(r, Policy.OWNER);
        }
        POLICIES.put("GET /requests/{number}/attachments/{id}", Policy.OWNER_OR_ADMIN_FILE);
        POLICIES.put("POST /requests/{number}/resend", Policy.OWNER_OR_ADMIN);
        POLICIES.put("GET /requests/{number}/article78.pdf", Policy.AFTER_DENIAL);
        for (String r : List.of("GET /agency/{slug}/queue", "GET /agency/{slug}/requests/{number}",
                "POST /agency/{slug}/requests/{number}/{action}", "POST /agency/{slug}/queue/bulk", "POST /agency/{slug}/queue/bulk/confirm",
                "GET /agency/{slug}/records", "GET /agency/{slug}/records/{id}", "GET /agency/{slug}/records/{id}/pages/{page}/image",
                "POST /agency/{slug}/records/{id}/{action}")) {
            POLICIES.put(r, Policy.AGENCY);
        }
        for (String r : List.of("GET /admin", "GET /admin/officers", "POST /admin/officers", "GET /admin/outbox", "GET /admin/audit",
                "GET /admin/agencies", "GET /admin/agencies/{slug}", "POST /admin/agencies/{slug}",
                "POST /admin/agencies/{slug}/closures", "POST /admin/agencies/{slug}/channels", "POST /requests/{number}/hide", "GET /admin/inbound",
                "GET /admin/inbound/{id}", "GET /admin/inbound/{id}/raw", "POST /admin/inbound/{id}/assign",
                "POST /admin/inbound/{id}/discard", "GET /admin/agencies/{slug}/mail-domains", "POST /admin/agencies/{slug}/mail-domains",
                "POST /admin/agencies/{slug}/mail-domains/remove", "GET /admin/mandates", "POST /admin/mandates",
                "GET /admin/mandates/{report}", "POST /admin/mandates/{report}", "POST /admin/mandates/{report}/verify",
                "POST /admin/mandates/{report}/publications", "POST /admin/mandates/{report}/publications/remove",
                "POST /admin/mandates/{report}/delete")) {
            POLICIES.put(r, Policy.ADMIN);
        }
        POLICIES.put("POST /requests/{number}/replies/{id}/confirm", Policy.REPLY);
        POLICIES.put("POST /requests/{number}/replies/{id}/not-a-step", Policy.REPLY);
        // Reviewing a reply's personal data is the agency's (and admins'), as for released records.
        for (String r : List.of("GET /requests/{number}/replies/{id}/review", "POST /requests/{number}/replies/{id}/review/decide",
                "POST /requests/{number}/replies/{id}/review/redact", "POST /requests/{number}/replies/{id}/review/publish")) {
            POLICIES.put(r, Policy.AGENCY);
        }
    }

    private Portal portal;
    private final Map<Caller, WebClient> clients = new LinkedHashMap<>();
    private String number;
    private long attachmentId;
    private long publishedRecord;
    private long unpublishedRecord;
    private long reply;
    private long held;
    private long ownersToken;
    private long ownersSearch;
    private final Map<Caller, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        int smtpPort = AgencyMailer.freePort();
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"),
                s -> s.withInbound(InboundSettings.disabled("reply.daylight.test").withSmtp("127.0.0.1", smtpPort)));
        People.requester(db.dsl(), "owner@example.org", "Owner");
        People.requester(db.dsl(), "other@example.org", "Other");
        People.officer(db.dsl(), "rao@doc.test", "doc", true);
        People.officer(db.dsl(), "rao@nypd.test", "nypd", true);
        People.admin(db.dsl(), "admin@example.org");
        clients.put(Caller.ANONYMOUS, new WebClient(portal.app));
        clients.put(Caller.OWNER, portal.as("owner@example.org"));
        clients.put(Caller.OTHER_REQUESTER, portal.as("other@example.org"));
        clients.put(Caller.OFFICER_OF_AGENCY, portal.as("rao@doc.test"));
        clients.put(Caller.OFFICER_ELSEWHERE, portal.as("rao@nypd.test"));
        clients.put(Caller.ADMIN, portal.as("admin@example.org"));
        number = clients.get(Caller.OWNER).fileRequest("Matrix request", "doc").getFirst();
        clients.get(Caller.OWNER).postFile("/requests/" + number + "/correspondence", Map.of("correspondence", "Letter"),
                "attachment", "letter.txt", "hello".getBytes());
        attachmentId = db.dsl().fetchValue(ATTACHMENTS.ID);
        WebClient officer = clients.get(Caller.OFFICER_OF_AGENCY);
        // A PDF, so the review's page image route has a page to show the agency.
        officer.postFile("/agency/doc/requests/" + number + "/release", Map.of(), "files", "minutes.pdf",
                nyc.daylight.testing.Pdfs.withPages("Minutes of the ICE liaison meeting."));
        publishedRecord = db.dsl().select(org.jooq.impl.DSL.max(nyc.daylight.sql.jooq.Tables.DOCUMENTS.ID))
                .from(nyc.daylight.sql.jooq.Tables.DOCUMENTS).fetchOne(0, Long.class);
        officer.post("/agency/doc/records/" + publishedRecord + "/publish", Map.of());
        officer.postFile("/agency/doc/requests/" + number + "/release", Map.of(), "files", "private.txt",
                "SSN 123-45-6789 of the person released.".getBytes());
        unpublishedRecord = publishedRecord + 1;
        // One reply from the agency on the request, and one message nobody could match.
        String token = db.dsl().fetchValue(REQUESTS.REPLY_TOKEN, REQUESTS.NUMBER.eq(number));
        AgencyMailer agency = new AgencyMailer(smtpPort);
        agency.send("foil@doc.nyc.gov", new ReplyAddress(number, token).at("reply.daylight.test"), "Acknowledgment",
                "We have received your request.", "<matrix-reply@doc>", portal.clock.instant());
        // (The listener refuses mail for addresses that are no live request's, so the stray one names this request.)
        agency.send("someone@elsewhere.test", new ReplyAddress(number, token).at("reply.daylight.test"), "Stray", "Hello",
                "<matrix-held@x>", portal.clock.instant());
        reply = db.dsl().fetchValue(INBOUND_MESSAGES.ID, INBOUND_MESSAGES.SUBJECT.eq("Acknowledgment"));
        held = db.dsl().fetchValue(INBOUND_MESSAGES.ID, INBOUND_MESSAGES.SUBJECT.eq("Stray"));
        for (Caller c : Caller.values()) {
            if (c != Caller.ANONYMOUS) tokens.put(c, clients.get(c).createToken("matrix", "write"));
        }
        clients.get(Caller.OWNER).post("/me/searches", Map.of("kind", "RECORDS", "q", "matrix", "frequency", "DAILY"));
        ownersSearch = db.dsl().select(org.jooq.impl.DSL.min(nyc.daylight.sql.jooq.Tables.SAVED_SEARCHES.ID))
                .from(nyc.daylight.sql.jooq.Tables.SAVED_SEARCHES).fetchOne(0, Long.class);
        ownersToken = db.dsl().select(org.jooq.impl.DSL.min(nyc.daylight.sql.jooq.Tables.API_TOKENS.ID))
                .from(nyc.daylight.sql.jooq.Tables.API_TOKENS).fetchOne(0, Long.class);
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    @Test
    void every_route_has_a_policy() {
        List<String> missing = portal.app.routeTable().stream().distinct().filter(r -> !POLICIES.containsKey(r)).toList();
        assertThat(missing).as("routes without an authorization policy in this test").isEmpty();
        assertThat(POLICIES.keySet()).as("policies for routes that no longer exist").isSubsetOf(portal.app.routeTable());
    }

    @Test
    void every_caller_gets_what_the_policy_allows_on_every_route() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String route : portal.app.routeTable().stream().distinct().sorted().toList()) {
            Policy policy = POLICIES.get(route);
            if (policy == null) continue;
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1)
                    .replace("{number}", number).replace("{slug}", "doc").replace("{token}", "not-a-token").replace("{page}", "1")
                    .replace("{report}", "doc-detainers") // a seeded required report (V37)
                    .replace("{id}", Long.toString(route.contains("/records/") ? publishedRecord : route.contains("/replies/") ? reply
                            : route.contains("/admin/inbound/") ? held : route.contains("/me/tokens/") ? ownersToken
                            : route.contains("/me/searches/") ? ownersSearch : attachmentId))
                    .replace("{action}", route.contains("/records/") ? "decide" : "note");
            // Withdrawing would change the request, and signing out would end the callers' sessions,
            // for the checks after; both are checked on their own.
            if (route.equals("POST /requests/{number}/withdraw") || route.equals("POST /signout")) continue;
            for (Caller caller : Caller.values()) {
                Outcome expected = policy.byCaller[caller.ordinal()];
                WebClient web = clients.get(caller);
                HttpResponse<String> r = method.equals("GET") ? web.get(path) : web.post(path, Map.of());
                Outcome actual = classify(r);
                if (actual != expected) failures.add(route + " as " + caller + ": expected " + expected + ", got " + actual
                        + " (" + r.statusCode() + ")");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void only_the_owner_can_withdraw() throws Exception {
        for (Caller c : List.of(Caller.OTHER_REQUESTER, Caller.OFFICER_OF_AGENCY, Caller.OFFICER_ELSEWHERE, Caller.ADMIN)) {
            assertThat(classify(clients.get(c).post("/requests/" + number + "/withdraw", Map.of()))).as(c.name()).isEqualTo(Outcome.HIDDEN);
        }
        assertThat(classify(clients.get(Caller.ANONYMOUS).post("/requests/" + number + "/withdraw", Map.of()))).isEqualTo(Outcome.SIGN_IN);
    }

    @Test
    void unpublished_records_and_their_findings_are_hidden_from_everyone_outside_the_agency() throws Exception {
        for (Caller c : Caller.values()) {
            WebClient web = clients.get(c);
            // The public routes serve published records only, whoever asks.
            assertThat(classify(web.get("/records/" + unpublishedRecord))).as(c.name()).isEqualTo(Outcome.HIDDEN);
            assertThat(classify(web.get("/records/" + unpublishedRecord + "/file"))).as(c.name()).isEqualTo(Outcome.HIDDEN);
            assertThat(web.get("/api/v1/search?q=123-45-6789").body()).as(c.name()).contains("\"total\":0");
            Outcome review = classify(web.get("/agency/doc/records/" + unpublishedRecord));
            Outcome expected = c == Caller.ANONYMOUS ? Outcome.SIGN_IN
                    : c == Caller.OFFICER_OF_AGENCY || c == Caller.ADMIN ? Outcome.ALLOWED : Outcome.HIDDEN;
            assertThat(review).as(c.name()).isEqualTo(expected);
            if (expected == Outcome.HIDDEN) {
                assertThat(web.get("/agency/nypd/records/" + unpublishedRecord).body()).as(c.name()).doesNotContain("123-45-6789");
            }
        }
        assertThat(clients.get(Caller.OFFICER_OF_AGENCY).get("/agency/doc/records/" + unpublishedRecord).body()).contains("123-45-6789");
    }

    @Test
    void with_tokens_officer_actions_follow_the_agency_policy_and_filing_any_signed_in_policy() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            var api = new nyc.daylight.testing.ApiClient(portal.app, tokens.get(caller));
            // An acknowledgment without its date: allowed callers reach the validation (400), nothing changes.
            Outcome acted = classify(api.post("/api/v1/requests/" + number + "/events", "{\"action\": \"acknowledge\"}"));
            if (acted != Policy.AGENCY.byCaller[caller.ordinal()]) failures.add("events as " + caller + ": " + acted);
            Outcome filed = classify(api.post("/api/v1/requests", "{\"agencies\": []}"));
            if (filed != Policy.SIGNED_IN.byCaller[caller.ordinal()]) failures.add("filing as " + caller + ": " + filed);
        }
        assertThat(failures).isEmpty();
    }

    private static Outcome classify(HttpResponse<String> r) {
        int s = r.statusCode();
        if (s == 401 || (s == 302 && r.headers().firstValue("Location").orElse("").startsWith("/signin?next="))) return Outcome.SIGN_IN;
        if (s == 403) return Outcome.DENIED;
        if (s == 404) return Outcome.HIDDEN;
        return Outcome.ALLOWED;
    }
}
