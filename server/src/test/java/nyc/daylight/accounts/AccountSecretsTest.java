package nyc.daylight.accounts;

import static nyc.daylight.sql.jooq.Tables.EMAIL_TOKENS;
import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.RATE_LIMIT_HITS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.Tokens;
import nyc.daylight.db.Backup;
import nyc.daylight.notify.Mailer;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One-time links in a portal without SMTP (local mode): where they can be read, and where never. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountSecretsTest {
    private RunningApp app;
    private TestDatabase db;
    private AccountService accounts;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        app = RunningApp.start(db.dataSource(), Clock.systemUTC());
        accounts = new AccountService(db.dsl(), new Passwords(), new Mailer(() -> { }), new AgencyService(db.dsl()), "http://daylight.test");
        accounts.createAdmin("local.admin@example.org", "admin passphrase");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String secretOf(TestDatabase db, String to) {
        return db.dsl().select(OUTBOX.SECRET).from(OUTBOX).where(OUTBOX.TO_ADDRESS.eq(to)).orderBy(OUTBOX.ID.desc()).limit(1)
                .fetchOne(OUTBOX.SECRET);
    }

    @Test
    void without_smtp_admins_read_unsent_confirmation_links_on_the_outbox_page() throws Exception {
        new WebClient(app).post("/signup", Map.of("email", "offline@example.org", "password", "a long passphrase"));
        assertThat(db.dsl().fetchValue(OUTBOX.BODY_TEXT, OUTBOX.TO_ADDRESS.eq("offline@example.org")))
                .as("the stored body holds a placeholder, not the token").contains(Mailer.ONE_TIME_LINK).doesNotContain("token=");
        WebClient admin = new WebClient(app);
        admin.signIn("local.admin@example.org", "admin passphrase");
        Matcher link = Pattern.compile("/verify\\?token=[A-Za-z0-9_-]{43}").matcher(admin.get("/admin/outbox").body());
        assertThat(link.find()).isTrue();
        assertThat(secretOf(db, "offline@example.org")).endsWith(link.group());
        WebClient person = new WebClient(app);
        assertThat(person.get(link.group()).statusCode()).isEqualTo(200);
        assertThat(person.post("/verify", Map.of("token", link.group().substring("/verify?token=".length()))).statusCode())
                .isEqualTo(302);
    }

    @Test
    void a_backup_holds_no_live_reset_token_and_no_server_key(@TempDir Path dir) throws Exception {
        accounts.signUp("backed.up@example.org", "a long passphrase", null, "203.0.113.50");
        accounts.requestReset("backed.up@example.org", "203.0.113.50");
        String link = secretOf(db, "backed.up@example.org");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(accounts.resetLinkUsable(token)).isTrue();
        new WebClient(app).get("/"); // the CSRF key exists once a page was served

        Path backup = dir.resolve("backup");
        new Backup(db.dataSource()).write(backup, dir.resolve("no-blobs"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(backup)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty().noneMatch(f -> f.getFileName().toString().startsWith("server_secrets"));
        for (Path f : files) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(token);
        }
        String outbox = Files.readString(backup.resolve("db/outbox.copy"));
        assertThat(outbox).contains("backed.up@example.org", Mailer.ONE_TIME_LINK);
        assertThat(Files.readString(backup.resolve("db/email_tokens.copy"))).as("kept, as its hash").contains(Tokens.hash(token));
    }

    @Test
    void a_reset_for_a_known_and_an_unknown_address_does_the_same_work_and_answers_the_same() throws Exception {
        accounts.createAdmin("known.reset@example.org", "a long passphrase");
        WebClient web = new WebClient(app);
        int tokens = db.dsl().fetchCount(EMAIL_TOKENS);
        int mails = db.dsl().fetchCount(OUTBOX);
        int decoys = db.dsl().fetchCount(RATE_LIMIT_HITS, RATE_LIMIT_HITS.KEY.eq(AccountService.RESET_DECOY));

        HttpResponse<String> known = web.post("/reset", Map.of("email", "known.reset@example.org"));
        assertThat(db.dsl().fetchCount(EMAIL_TOKENS) - tokens + db.dsl().fetchCount(OUTBOX) - mails).as("a token and a letter").isEqualTo(2);
        assertThat(db.dsl().fetchCount(RATE_LIMIT_HITS, RATE_LIMIT_HITS.KEY.eq(AccountService.RESET_DECOY))).isEqualTo(decoys);

        HttpResponse<String> unknown = web.post("/reset", Map.of("email", "unknown.reset@example.org"));
        assertThat(db.dsl().fetchCount(EMAIL_TOKENS) - tokens + db.dsl().fetchCount(OUTBOX) - mails).as("nothing more kept").isEqualTo(2);
        assertThat(db.dsl().fetchCount(RATE_LIMIT_HITS, RATE_LIMIT_HITS.KEY.eq(AccountService.RESET_DECOY)))
                .as("the unknown address wrote its decoy instead").isEqualTo(decoys + 1);
        for (String address : List.of("known.reset@example.org", "unknown.reset@example.org")) {
            assertThat(db.dsl().fetchCount(RATE_LIMIT_HITS, RATE_LIMIT_HITS.KEY.eq("reset-account:" + address))).isEqualTo(1);
        }

        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(200);
        assertThat(unknown.body().replace("unknown.reset@example.org", "ADDRESS"))
                .isEqualTo(known.body().replace("known.reset@example.org", "ADDRESS"));
    }
}
