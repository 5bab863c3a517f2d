package nyc.daylight.accounts;

import static nyc.daylight.sql.jooq.Tables.OFFICER_AGENCIES;
import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.SESSIONS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.Tokens;
import nyc.daylight.notify.Mailer;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountFlowTest {
    private static final String NOT_A_MATCH = "That e-mail address and password do not match an account.";
    private MailServer mail;
    private RunningApp app;
    private TestDatabase db;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        mail = new MailServer();
        app = RunningApp.start(db.dataSource(), Clock.systemUTC(), mail.settings());
    }

    @AfterAll
    void stop() {
        app.close();
        mail.close();
    }

    private WebClient signedUp(String email, String password) throws Exception {
        WebClient web = new WebClient(app);
        HttpResponse<String> r = web.post("/signup", Map.of("email", email, "password", password, "displayName", "Ana"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Check your e-mail");
        MailServer.Received verify = mail.awaitTo(email, 1);
        assertThat(verify.subject()).isEqualTo("Confirm your e-mail address for Daylight");
        HttpResponse<String> confirmed = confirm(web, MailServer.link(verify));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("Location")).contains("/me");
        return web;
    }

    /** Opens a confirmation link and presses its button, as a person does. */
    private static HttpResponse<String> confirm(WebClient web, String link) throws Exception {
        HttpResponse<String> page = web.get(link);
        if (page.statusCode() != 200) return page;
        assertThat(page.body()).contains("Confirm and sign in");
        return web.post("/verify", Map.of("token", link.substring(link.indexOf("token=") + "token=".length())));
    }

    @Test
    void sign_up_confirms_the_address_by_email_and_signs_in() throws Exception {
        WebClient web = signedUp("new.person@example.org", "a long passphrase");
        assertThat(web.cookie("daylight_session")).isPresent();
        assertThat(db.dsl().fetchValue(USERS.EMAIL_VERIFIED_AT, USERS.EMAIL.eq("new.person@example.org"))).isNotNull();
        HttpResponse<String> home = web.get("/");
        assertThat(home.body()).contains("Sign out").doesNotContain(">Sign in<");
    }

    @Test
    void session_cookies_are_http_only_and_same_site_lax() throws Exception {
        WebClient web = new WebClient(app);
        HttpResponse<String> r = web.get("/");
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("daylight_csrf=").contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void a_confirmation_link_works_once() throws Exception {
        WebClient web = new WebClient(app);
        web.post("/signup", Map.of("email", "once@example.org", "password", "a long passphrase"));
        String link = MailServer.link(mail.awaitTo("once@example.org", 1));
        assertThat(confirm(web, link).statusCode()).isEqualTo(302);
        HttpResponse<String> again = new WebClient(app).get(link);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("expired or was already used");
        WebClient late = new WebClient(app);
        late.get("/");
        assertThat(late.post("/verify", Map.of("token", link.substring(link.indexOf("token=") + 6))).statusCode()).isEqualTo(400);
        assertThat(late.cookie("daylight_session")).isEmpty();
    }

    @Test
    void opening_a_confirmation_link_signs_nobody_in_and_changes_nothing_until_the_button_is_pressed() throws Exception {
        new WebClient(app).post("/signup", Map.of("email", "scanner@example.org", "password", "a long passphrase"));
        String link = MailServer.link(mail.awaitTo("scanner@example.org", 1));
        // A mail scanner, or a page elsewhere that loads the link in a frame or an image: GETs only.
        WebClient scanner = new WebClient(app);
        int sessions = db.dsl().fetchCount(SESSIONS);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> page = scanner.get(link);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Confirm your e-mail address", "method=\"post\" action=\"/verify\"");
            assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("daylight_session="));
        }
        assertThat(scanner.cookie("daylight_session")).isEmpty();
        assertThat(db.dsl().fetchValue(USERS.EMAIL_VERIFIED_AT, USERS.EMAIL.eq("scanner@example.org"))).isNull();
        assertThat(db.dsl().fetchCount(SESSIONS)).as("no session was made").isEqualTo(sessions);
        // Another site's form cannot press the button for the visitor: it has no token bound to their visit.
        WebClient victim = new WebClient(app);
        victim.get("/");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(victim.postRaw("/verify", Map.of("token", token, "_csrf", scanner.cookie("daylight_csrf").orElseThrow()))
                .statusCode()).isEqualTo(403);
        assertThat(victim.cookie("daylight_session")).isEmpty();
        HttpResponse<String> pressed = confirm(new WebClient(app), link);
        assertThat(pressed.statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchValue(USERS.EMAIL_VERIFIED_AT, USERS.EMAIL.eq("scanner@example.org"))).isNotNull();
    }

    @Test
    void a_csrf_token_the_browser_chose_is_refused() throws Exception {
        signedUp("chosen@example.org", "a long passphrase");
        java.net.http.HttpClient raw = java.net.http.HttpClient.newHttpClient();
        for (String chosen : new String[] {"abc", "a".repeat(43)}) {
            HttpResponse<String> r = raw.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + "/signin"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", "daylight_csrf=" + chosen + "; daylight_visit=" + "v".repeat(43))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    "_csrf=" + chosen + "&email=chosen%40example.org&password=a+long+passphrase")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(chosen).isEqualTo(403);
            assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("daylight_session="));
        }
        // Nor does one visit's real token work in another visit.
        WebClient first = new WebClient(app);
        first.get("/signin");
        WebClient second = new WebClient(app);
        second.get("/signin");
        assertThat(second.postRaw("/signin", Map.of("_csrf", first.cookie("daylight_csrf").orElseThrow(),
                "email", "chosen@example.org", "password", "a long passphrase")).statusCode()).isEqualTo(403);
        assertThat(second.post("/signin", Map.of("email", "chosen@example.org", "password", "a long passphrase")).statusCode())
                .as("its own token works").isEqualTo(302);
    }

    @Test
    void the_csrf_token_follows_the_session_across_sign_in_and_sign_out() throws Exception {
        WebClient web = signedUp("follows@example.org", "a long passphrase");
        String signedIn = web.cookie("daylight_csrf").orElseThrow();
        assertThat(web.get("/me").body()).contains("value=\"" + signedIn + "\"");
        web.post("/signout", Map.of());
        String signedOut = web.cookie("daylight_csrf").orElseThrow();
        assertThat(signedOut).isNotEqualTo(signedIn);
        assertThat(web.postRaw("/signin", Map.of("_csrf", signedIn, "email", "follows@example.org", "password", "a long passphrase"))
                .statusCode()).as("the signed-in visit's token is worthless after sign-out").isEqualTo(403);
        web.signIn("follows@example.org", "a long passphrase");
        assertThat(web.cookie("daylight_csrf")).get().isNotEqualTo(signedOut).isNotEqualTo(signedIn);
    }

    @Test
    void delivered_account_mail_leaves_no_live_link_in_the_outbox_or_on_its_admin_page() throws Exception {
        WebClient web = new WebClient(app);
        web.post("/signup", Map.of("email", "delivered@example.org", "password", "a long passphrase"));
        String link = MailServer.link(mail.awaitTo("delivered@example.org", 1));
        String token = link.substring(link.indexOf("token=") + 6);
        web.post("/reset", Map.of("email", "delivered@example.org"));
        String resetLink = MailServer.link(mail.awaitTo("delivered@example.org", 2));
        String resetToken = resetLink.substring(resetLink.lastIndexOf('/') + 1);
        // The worker holds each row locked while it sends; taking the lock waits for its commit.
        var rows = db.dsl().transactionResult(tx -> tx.dsl().selectFrom(OUTBOX)
                .where(OUTBOX.TO_ADDRESS.eq("delivered@example.org")).forUpdate().fetch());
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.getSentAt()).isNotNull();
            assertThat(row.getSecret()).isNull();
            assertThat(row.getBodyText()).doesNotContain(token).doesNotContain(resetToken);
        });
        new AccountService(db.dsl(), new Passwords(), new Mailer(() -> { }), new AgencyService(db.dsl()), "http://daylight.test")
                .createAdmin("postmaster@example.org", "admin passphrase");
        WebClient admin = new WebClient(app);
        admin.signIn("postmaster@example.org", "admin passphrase");
        String outbox = admin.get("/admin/outbox").body();
        assertThat(outbox).contains("delivered@example.org", "[link removed after delivery]")
                .doesNotContain(token).doesNotContain(resetToken);
        assertThat(confirm(new WebClient(app), link).statusCode()).as("the delivered link still works").isEqualTo(302);
    }

    @Test
    void signing_up_with_a_taken_address_looks_the_same_and_tells_only_the_owner() throws Exception {
        signedUp("taken@example.org", "a long passphrase");
        HttpResponse<String> second = new WebClient(app).post("/signup",
                Map.of("email", "Taken@Example.org", "password", "another passphrase"));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Check your e-mail");
        assertThat(mail.awaitTo("taken@example.org", 2).subject()).contains("tried to create a Daylight account");
        assertThat(db.dsl().fetchCount(USERS, USERS.EMAIL.equalIgnoreCase("taken@example.org"))).isEqualTo(1);
    }

    @Test
    void sign_up_validates_each_field_and_keeps_what_was_typed() throws Exception {
        HttpResponse<String> r = new WebClient(app).post("/signup",
                Map.of("email", "not-an-email", "password", "a long passphrase", "displayName", "<b>Bo</b>"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Enter an e-mail address like name@example.org.", "value=\"not-an-email\"",
                "value=\"&lt;b&gt;Bo&lt;/b&gt;\"", "aria-invalid=\"true\"");
        HttpResponse<String> shortPw = new WebClient(app).post("/signup", Map.of("email", "x@example.org", "password", "short"));
        assertThat(shortPw.body()).contains("at least 10 characters");
    }

    @Test
    void a_wrong_password_and_an_unknown_account_get_the_same_answer() throws Exception {
        signedUp("known@example.org", "a long passphrase");
        HttpResponse<String> wrong = new WebClient(app).post("/signin", Map.of("email", "known@example.org", "password", "not the password"));
        HttpResponse<String> unknown = new WebClient(app).post("/signin", Map.of("email", "nobody@example.org", "password", "not the password"));
        assertThat(wrong.statusCode()).isEqualTo(400).isEqualTo(unknown.statusCode());
        assertThat(wrong.body()).contains(NOT_A_MATCH);
        assertThat(unknown.body()).contains(NOT_A_MATCH);
    }

    @Test
    void signing_in_rotates_the_session_and_signing_out_ends_it() throws Exception {
        WebClient web = signedUp("rotate@example.org", "a long passphrase");
        String first = web.cookie("daylight_session").orElseThrow();
        web.signIn("rotate@example.org", "a long passphrase");
        String second = web.cookie("daylight_session").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(db.dsl().fetchExists(SESSIONS, SESSIONS.ID_HASH.eq(Tokens.hash(first)))).as("old session ended").isFalse();
        web.post("/signout", Map.of());
        assertThat(db.dsl().fetchExists(SESSIONS, SESSIONS.ID_HASH.eq(Tokens.hash(second)))).isFalse();
    }

    @Test
    void a_form_without_the_csrf_token_is_refused_and_changes_nothing() throws Exception {
        signedUp("csrf@example.org", "a long passphrase");
        WebClient web = new WebClient(app);
        web.get("/signin");
        HttpResponse<String> r = web.postRaw("/signin", Map.of("email", "csrf@example.org", "password", "a long passphrase"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("did not come from Daylight");
        assertThat(web.cookie("daylight_session")).isEmpty();
        HttpResponse<String> forged = web.postRaw("/signin", Map.of("_csrf", "forged-token-from-another-site-000000000",
                "email", "csrf@example.org", "password", "a long passphrase"));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void repeated_failed_sign_ins_are_rate_limited_per_account() throws Exception {
        signedUp("limited@example.org", "a long passphrase");
        WebClient attacker = new WebClient(app);
        for (int i = 0; i < 8; i++) {
            assertThat(attacker.post("/signin", Map.of("email", "limited@example.org", "password", "guess " + i)).statusCode())
                    .isEqualTo(400);
        }
        HttpResponse<String> blocked = attacker.post("/signin", Map.of("email", "limited@example.org", "password", "a long passphrase"));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("Too many attempts");
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        MailServer.Received paused = mail.awaitTo("limited@example.org", 2);
        assertThat(paused.subject()).isEqualTo("Sign-in to your Daylight account is paused for 15 minutes");
        assertThat(paused.body()).contains("8 unsuccessful attempts", "/reset");
        attacker.post("/signin", Map.of("email", "limited@example.org", "password", "again"));
        assertThat(mail.all()).filteredOn(m -> m.subject().contains("paused")).as("told once").hasSize(1);
    }

    @Test
    void a_password_reset_link_works_once_within_the_hour_and_ends_other_sessions() throws Exception {
        WebClient owner = signedUp("forgetful@example.org", "a long passphrase");
        WebClient web = new WebClient(app);
        HttpResponse<String> asked = web.post("/reset", Map.of("email", "forgetful@example.org"));
        assertThat(asked.body()).contains("If forgetful@example.org belongs to a Daylight account");
        HttpResponse<String> unknown = web.post("/reset", Map.of("email", "ghost@example.org"));
        assertThat(unknown.body()).contains("If ghost@example.org belongs to a Daylight account");

        MailServer.Received reset = mail.awaitTo("forgetful@example.org", 2);
        assertThat(reset.subject()).isEqualTo("Reset your Daylight password");
        assertThat(reset.body()).contains("expires in one hour");
        String link = MailServer.link(reset);
        assertThat(web.get(link).body()).contains("Choose a new password");
        assertThat(web.post(link, Map.of("password", "a brand new passphrase")).statusCode()).isEqualTo(302);

        assertThat(owner.get("/admin").statusCode()).as("the old session was signed out").isEqualTo(302);
        assertThat(new WebClient(app).post("/signin", Map.of("email", "forgetful@example.org", "password", "a long passphrase"))
                .body()).contains(NOT_A_MATCH);
        new WebClient(app).signIn("forgetful@example.org", "a brand new passphrase");
        assertThat(new WebClient(app).get(link).statusCode()).as("single use").isEqualTo(400);
    }

    @Test
    void an_unconfirmed_account_gets_a_new_link_instead_of_a_session() throws Exception {
        WebClient web = new WebClient(app);
        web.post("/signup", Map.of("email", "unconfirmed@example.org", "password", "a long passphrase"));
        mail.awaitTo("unconfirmed@example.org", 1);
        HttpResponse<String> r = web.post("/signin", Map.of("email", "unconfirmed@example.org", "password", "a long passphrase"));
        assertThat(r.body()).contains("confirm your e-mail address first");
        assertThat(web.cookie("daylight_session")).isEmpty();
        assertThat(mail.awaitTo("unconfirmed@example.org", 2).subject()).isEqualTo("Confirm your e-mail address for Daylight");
    }

    @Test
    void admin_pages_need_an_admin() throws Exception {
        assertThat(new WebClient(app).get("/admin/outbox").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/signin?next="));
        WebClient requester = signedUp("plain@example.org", "a long passphrase");
        assertThat(requester.get("/admin/outbox").statusCode()).isEqualTo(403);
        assertThat(requester.post("/admin/officers", Map.of("email", "x@example.org", "agency", "doc")).statusCode()).isEqualTo(403);
    }

    @Test
    void an_admin_invites_an_officer_who_sets_a_password_by_email() throws Exception {
        AccountService accounts = new AccountService(db.dsl(), new Passwords(), new Mailer(() -> { }),
                new AgencyService(db.dsl()), "http://daylight.test");
        accounts.createAdmin("boss@example.org", "admin passphrase");
        WebClient admin = new WebClient(app);
        admin.signIn("boss@example.org", "admin passphrase");
        HttpResponse<String> invited = admin.post("/admin/officers",
                Map.of("email", "rao@doc.example.org", "agency", "doc", "appeals", "yes"));
        assertThat(invited.statusCode()).isEqualTo(302);
        MailServer.Received invitation = mail.awaitTo("rao@doc.example.org", 1);
        assertThat(invitation.subject()).contains("Department of Correction");
        assertThat(invitation.body()).contains("records officer and appeals officer");

        WebClient officer = new WebClient(app);
        String link = MailServer.link(invitation);
        assertThat(officer.get(link).body()).contains("Set up your officer account");
        assertThat(officer.post(link, Map.of("password", "officer passphrase", "displayName", "R. A. Officer")).statusCode()).isEqualTo(302);
        long id = db.dsl().fetchValue(USERS.ID, USERS.EMAIL.eq("rao@doc.example.org"));
        assertThat(db.dsl().fetchValue(USERS.ROLE, USERS.ID.eq(id))).isEqualTo("OFFICER");
        assertThat(db.dsl().fetchOne(OFFICER_AGENCIES, OFFICER_AGENCIES.USER_ID.eq(id)).getAppealsOfficer()).isTrue();
        assertThat(admin.get("/admin/officers").body()).contains("rao@doc.example.org", "(appeals)");
        assertThat(admin.get("/admin/outbox").body()).contains("rao@doc.example.org");
    }

    @Test
    void the_next_parameter_never_leads_off_site() throws Exception {
        assertThat(AccountRoutes.safeNext("/requests/new")).isEqualTo("/requests/new");
        assertThat(AccountRoutes.safeNext("//evil.example")).isEmpty();
        assertThat(AccountRoutes.safeNext("https://evil.example")).isEmpty();
        assertThat(AccountRoutes.safeNext("/\\evil.example")).isEmpty();
        assertThat(AccountRoutes.safeNext("/\t/evil.example")).isEmpty();
        assertThat(AccountRoutes.safeNext("/%2F/evil.example")).isEmpty();
        assertThat(AccountRoutes.safeNext(null)).isEmpty();
        assertThat(Optional.of(AccountRoutes.safeNext(""))).contains("");
        signedUp("next@example.org", "a long passphrase");
        for (String next : new String[] {"/\t/evil.example", "/%5Cevil.example", "/.//evil.example", "https:evil.example"}) {
            HttpResponse<String> r = new WebClient(app).post("/signin",
                    Map.of("email", "next@example.org", "password", "a long passphrase", "next", next));
            assertThat(r.headers().firstValue("Location")).as(next).contains("/me");
        }
        HttpResponse<String> kept = new WebClient(app).post("/signin",
                Map.of("email", "next@example.org", "password", "a long passphrase", "next", "/requests/new"));
        assertThat(kept.headers().firstValue("Location")).contains("/requests/new");
    }
}
