package nyc.daylight.boot;

import static nyc.daylight.sql.jooq.Tables.DEADLINE_NOTICES;
import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.lifecycle.DeadlineWatcher;
import nyc.daylight.notify.Mailer;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.S3Settings;
import nyc.daylight.requests.DemoData;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.HaproxyInFront;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.S3ProxyExtension;
import nyc.daylight.testing.ServeProcess;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * Issue 26's two nodes for real: two {@code daylight serve} processes on their own ports and data
 * directories, one PostgreSQL, one S3Proxy bucket, one GreenMail for both. Node A is killed
 * (SIGKILL) inside its deadline pass — the point is set by row locks, as in
 * {@link DeadlineWatcherCrashTest}, not by timing — then A and B run passes at once: every
 * notice is queued and delivered exactly once. A browser signed in on A carries on on B, a file
 * uploaded through A downloads byte for byte through B, a record published on A is found by
 * search on B, and (where haproxy is installed) the same goes through HAProxy with the
 * configuration of docs/haproxy.cfg. Neither data directory holds a blob.
 */
@ExtendWith({PostgresExtension.class, S3ProxyExtension.class})
class TwoServeProcessesTest {
    @TempDir
    Path dir;

    private final List<ServeProcess> nodes = new ArrayList<>();

    private ServeProcess serve(String name, TestDatabase db, S3Settings bucket, MailServer mail) throws Exception {
        Map<String, String> env = new HashMap<>();
        if (db.password() != null) env.put("DAYLIGHT_DATABASE_PASSWORD", db.password());
        env.put("DAYLIGHT_SMTP_STARTTLS", "false"); // GreenMail speaks plain SMTP
        env.put("DAYLIGHT_BLOBS_S3_ENDPOINT", bucket.endpoint().orElseThrow().toString());
        env.put("DAYLIGHT_BLOBS_S3_BUCKET", bucket.bucket());
        env.put("DAYLIGHT_BLOBS_S3_ACCESS_KEY", bucket.accessKey().orElseThrow());
        env.put("DAYLIGHT_BLOBS_S3_SECRET_KEY", bucket.secretKey().orElseThrow());
        ServeProcess node = ServeProcess.start(name, Files.createDirectories(dir.resolve(name)), env,
                "--database-url", db.url(), "--database-user", db.user(), "--base-url", "http://daylight.test",
                "--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(mail.smtpPort()),
                "--deadline-check-delay", "0");
        nodes.add(node);
        return node;
    }

    @Test
    void two_serve_processes_share_sessions_files_records_and_send_each_notice_once_even_when_one_is_killed_mid_pass(
            TestDatabase db, S3Settings bucket) throws Throwable {
        DSLContext dsl = db.dsl();
        Clock clock = Clock.systemUTC();
        AgencyService agencies = new AgencyService(dsl);
        RequestLedger ledger = new RequestLedger(agencies, clock);
        People.requester(dsl, "owner@example.org", "Owner");
        People.officer(dsl, "rao@doc.test", "doc", true);
        // Two years of synthetic requests, many late: a deadline pass with notices to send.
        new DemoData(dsl, agencies, ledger, clock).fill(120);
        List<Long> ids = dsl.select(REQUESTS.ID).from(REQUESTS).orderBy(REQUESTS.ID).fetch(REQUESTS.ID);
        try (MailServer mail = new MailServer()) {
            try {
                // Node A, killed inside its first pass: every request after the 30th is locked, so the
                // watcher stops at the first of them it must write for; the kill comes once it waits.
                int atKill;
                try (Connection locks = db.dataSource().getConnection(); Connection watch = db.dataSource().getConnection()) {
                    locks.setAutoCommit(false);
                    DSL.using(locks, SQLDialect.POSTGRES).select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.ID.gt(ids.get(30)))
                            .forUpdate().fetch();
                    ServeProcess first = serve("a", db, bucket, mail).awaitRunning();
                    await("node A's watcher waits at a locked request", () -> {
                        try {
                            return waitsFor(watch, locks);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    first.kill();
                    atKill = dsl.fetchCount(DEADLINE_NOTICES);
                    locks.rollback();
                }

                // Both nodes up, both watchers' first passes at once: one runs, the other skips.
                ServeProcess a = serve("a", db, bucket, mail);
                ServeProcess b = serve("b", db, bucket, mail);
                a.awaitRunning();
                b.awaitRunning();
                // One pass ran, the other was skipped (or ran after it, finding nothing left).
                a.passOver().get(60, TimeUnit.SECONDS);
                b.passOver().get(60, TimeUnit.SECONDS);

                WebClient browser = sessionsFilesAndSearch(dsl, a.baseUrl(), b.baseUrl());
                try (HaproxyInFront proxy = HaproxyInFront.startIfInstalled(dir.resolve("haproxy"), a.port(), b.port())) {
                    if (proxy != null) {
                        await("HAProxy sees both nodes ready", proxy::bothUp);
                        // Round robin: two requests reach both nodes; the browser signed in on A carries on through it.
                        // (No sign-in through it: the configuration tells the nodes the visitor is on https, so
                        // cookies set through it are Secure, and this plain-HTTP client rightly keeps them back.)
                        WebClient through = browser.at(proxy.baseUrl());
                        for (int i = 0; i < 2; i++) {
                            assertThat(through.get("/ready").statusCode()).isEqualTo(200);
                            assertThat(through.get("/me").body()).contains("Filed on node A");
                        }
                    }
                }

                int notices = dsl.fetchCount(DEADLINE_NOTICES);
                assertThat(atKill).as("killed before the pass had finished").isLessThan(notices);
                // None left out: a further pass finds nothing to send.
                assertThat(new DeadlineWatcher(dsl, agencies, ledger, new Mailer(() -> { }), clock, "http://daylight.test").runOnce())
                        .isZero();
                // None twice: no e-mail queued twice, each missed deadline once in the ledger.
                assertThat(dsl.select(OUTBOX.TO_ADDRESS, OUTBOX.SUBJECT).from(OUTBOX)
                        .groupBy(OUTBOX.TO_ADDRESS, OUTBOX.SUBJECT, OUTBOX.BODY_TEXT).having(DSL.count().gt(1)).fetch()).isEmpty();
                int missed = dsl.fetchCount(DEADLINE_NOTICES, DEADLINE_NOTICES.NOTICE.eq("MISSED"));
                assertThat(missed).isPositive();
                assertThat(dsl.fetchCount(REQUEST_EVENTS, REQUEST_EVENTS.TYPE.eq(EventType.DEADLINE_MISSED.name()))).isEqualTo(missed);
                assertThat(dsl.fetchCount(OUTBOX, OUTBOX.SUBJECT.contains(": Missed: "))).isEqualTo(missed);
                // And delivered once: the two nodes' outbox workers drain the queue, GreenMail holds each letter once.
                await("the outbox drained", () -> dsl.fetchCount(OUTBOX, OUTBOX.SENT_AT.isNull()) == 0);
                int sent = dsl.fetchCount(OUTBOX);
                List<MailServer.Received> received = mail.awaitTotal(sent);
                assertThat(received).hasSize(sent);
                assertThat(received.stream().filter(m -> m.subject().contains(": Missed: ")).count()).isEqualTo(missed);
            } catch (Throwable t) {
                for (ServeProcess n : nodes) t.addSuppressed(new AssertionError(n.output()));
                throw t;
            } finally {
                for (ServeProcess n : nodes) n.close();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(f -> BlobStore.isSha256(f.getFileName().toString()))).isEmpty();
        }
    }

    private static WebClient sessionsFilesAndSearch(DSLContext dsl, String nodeA, String nodeB) throws Exception {
        byte[] letter = new byte[200_000];
        new Random(26).nextBytes(letter);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, letter, 0, 9);
        WebClient onA = new WebClient(nodeA);
        onA.signIn("owner@example.org", People.PASSWORD);
        String number = onA.fileRequest("Filed on node A", "doc").getFirst();
        assertThat(onA.postFile("/requests/" + number + "/correspondence", Map.of("correspondence", "The agency's letter."),
                "attachment", "letter.pdf", letter).statusCode()).isEqualTo(302);
        WebClient onB = onA.at(nodeB);
        assertThat(onB.get("/me").body()).contains("Filed on node A");
        Matcher link = Pattern.compile("/requests/" + number + "/attachments/(\\d+)").matcher(onB.get("/requests/" + number).body());
        assertThat(link.find()).isTrue();
        HttpResponse<byte[]> download = onB.getBytes(link.group());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(letter);

        WebClient officer = new WebClient(nodeA);
        officer.signIn("rao@doc.test", People.PASSWORD);
        officer.postFile("/agency/doc/requests/" + number + "/release", Map.of(), "files", "minutes.txt",
                "Minutes of the quarterly liaison meeting, zygomorphic agenda.".getBytes(StandardCharsets.UTF_8));
        long record = dsl.select(DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
        assertThat(officer.post("/agency/doc/records/" + record + "/publish", Map.of()).statusCode()).isEqualTo(302);
        WebClient visitorOnB = new WebClient(nodeB);
        await("search on node B finds the record published on A", () -> {
            try {
                return visitorOnB.get("/records?q=zygomorphic").body().contains("/records/" + record);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Each node reports its own index's lag behind the publication log: B's, caught up.
        assertThat(visitorOnB.get("/health").body()).contains("\"indexLag\":\"0\"");
        assertThat(visitorOnB.get("/metrics").body()).contains("daylight_index_lag 0.0");
        return onA;
    }

    /** Polls {@code condition} for up to 60 s (no fixed sleep: a short park between looks). */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Not within 60 s: " + what);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Whether some session waits for a lock {@code holder} holds (see {@link DeadlineWatcherCrashTest}). */
    private static boolean waitsFor(Connection asker, Connection holder) throws SQLException {
        try (PreparedStatement s = asker.prepareStatement(
                "select exists (select 1 from pg_stat_activity where ? = any (pg_blocking_pids(pid)))")) {
            s.setInt(1, holder.unwrap(PGConnection.class).getBackendPID());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }
}
