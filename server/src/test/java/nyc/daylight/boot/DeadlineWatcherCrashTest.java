package nyc.daylight.boot;

import static nyc.daylight.sql.jooq.Tables.DEADLINE_NOTICES;
import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.cli.Main;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.lifecycle.DeadlineWatcher;
import nyc.daylight.notify.Mailer;
import nyc.daylight.requests.DemoData;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * "No reminder twice": `daylight serve`, in its own process, is killed with SIGKILL twice while
 * its deadline watcher works through three hundred requests, many overdue, at a different point
 * each time, and restarted. The point is set by the test, not by timing: before each start it
 * locks (FOR UPDATE) every request past a chosen one, so the watcher, whose writes for a request
 * all refer to that request's row, stops inside the transaction of the first locked one it must
 * write for; the kill comes once PostgreSQL shows it waiting there. Once a pass has finished, every notice is recorded once, each has its e-mails exactly
 * once and its ledger event exactly once, nothing else in the ledger changed, and a further pass
 * finds nothing left to send. (The claim, the e-mails and the ledger event share one transaction;
 * this proves it against a real kill, not a rolled-back test transaction.)
 */
@ExtendWith(PostgresExtension.class)
class DeadlineWatcherCrashTest {
    @TempDir
    Path dataDir;

    /** A running `daylight serve`: its process, and the two log lines the test waits for. */
    private record Node(Process process, CompletableFuture<Void> ready, CompletableFuture<Void> passDone) {
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private Node serve(TestDatabase db, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--host", "127.0.0.1", "--port", Integer.toString(port), "--data-dir", dataDir.toString(),
                "--database-url", db.url(), "--database-user", db.user(), "--deadline-check-delay", "0"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("DAYLIGHT_"));
        if (db.password() != null) pb.environment().put("DAYLIGHT_DATABASE_PASSWORD", db.password());
        Process p = pb.start();
        Node node = new Node(p, new CompletableFuture<>(), new CompletableFuture<>());
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.contains("Daylight is running")) node.ready().complete(null);
                    if (line.contains("Deadline watcher pass done")) node.passDone().complete(null);
                }
            } catch (IOException e) {
                // the process was killed
            }
            node.ready().completeExceptionally(new IllegalStateException("serve exited before it was running"));
        });
        return node;
    }

    private static int notices(DSLContext dsl) {
        return dsl.fetchCount(DEADLINE_NOTICES);
    }

    @Test
    void killed_during_the_watchers_pass_no_notice_is_sent_twice_and_none_is_left_out(TestDatabase db) throws Exception {
        DSLContext dsl = db.dsl();
        Clock clock = Clock.systemUTC();
        AgencyService agencies = new AgencyService(dsl);
        RequestLedger ledger = new RequestLedger(agencies, clock);
        // Two years of synthetic requests, some prompt and many late: a pass with notices to send.
        new DemoData(dsl, agencies, ledger, clock).fill(300);
        List<Record2<Long, String>> ledgerBefore = dsl.select(REQUEST_EVENTS.ID, REQUEST_EVENTS.TYPE).from(REQUEST_EVENTS)
                .orderBy(REQUEST_EVENTS.ID).fetch();

        int port = freePort();
        SplittableRandom random = new SplittableRandom(20261125L);
        List<Long> ids = dsl.select(REQUESTS.ID).from(REQUESTS).orderBy(REQUESTS.ID).fetch(REQUESTS.ID);
        List<Integer> atKill = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            // A different point each time, later in the second round: some more requests are done, then one is cut short.
            long lastFree = ids.get(round * 40 + 10 + random.nextInt(30));
            try (Connection locks = db.dataSource().getConnection(); Connection watch = db.dataSource().getConnection()) {
                locks.setAutoCommit(false);
                DSL.using(locks, SQLDialect.POSTGRES).select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.ID.gt(lastFree))
                        .forUpdate().fetch();
                Node node = serve(db, port);
                node.ready().get(120, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                boolean stopped;
                while (!(stopped = waitsFor(watch, locks)) && !node.passDone().isDone() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                node.kill();
                assertThat(stopped).as("the watcher stopped at a locked request (round %d)", round).isTrue();
                atKill.add(notices(dsl));
                locks.rollback();
            }
        }
        Node last = serve(db, port);
        try {
            last.passDone().get(120, TimeUnit.SECONDS);
        } finally {
            last.process().destroy();
            assertThat(last.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        int total = notices(dsl);
        assertThat(atKill.getFirst()).as("the first kill came before the watcher had finished (%s of %s)", atKill, total)
                .isLessThan(total);
        // None left out: a further pass, on the same clock, finds nothing to send.
        DeadlineWatcher again = new DeadlineWatcher(dsl, agencies, ledger, new Mailer(() -> { }), clock, "http://daylight.test");
        assertThat(again.runOnce()).isZero();

        // None twice: no e-mail is in the outbox twice.
        var duplicates = dsl.select(OUTBOX.TO_ADDRESS, OUTBOX.SUBJECT).from(OUTBOX)
                .groupBy(OUTBOX.TO_ADDRESS, OUTBOX.SUBJECT, OUTBOX.BODY_TEXT).having(DSL.count().gt(1)).fetch();
        assertThat(duplicates).isEmpty();
        // Each missed deadline: one ledger event and one e-mail to the requester, for each notice recorded.
        int missed = dsl.fetchCount(DEADLINE_NOTICES, DEADLINE_NOTICES.NOTICE.eq("MISSED"));
        assertThat(missed).isPositive();
        assertThat(dsl.fetchCount(REQUEST_EVENTS, REQUEST_EVENTS.TYPE.eq(EventType.DEADLINE_MISSED.name()))).isEqualTo(missed);
        assertThat(dsl.fetchCount(dsl.selectDistinct(REQUEST_EVENTS.REQUEST_ID, REQUEST_EVENTS.DUE_DATE).from(REQUEST_EVENTS)
                .where(REQUEST_EVENTS.TYPE.eq(EventType.DEADLINE_MISSED.name())))).isEqualTo(missed);
        assertThat(dsl.fetchCount(OUTBOX, OUTBOX.SUBJECT.contains(": Missed: "))).isEqualTo(missed);
        // Each reminder: one e-mail to the agency's FOIL address (the demo agencies have no officers).
        Map<Long, Agency> byId = agencies.byId();
        long reminders = dsl.select(REQUESTS.AGENCY_ID).from(DEADLINE_NOTICES).join(REQUESTS).on(REQUESTS.ID.eq(DEADLINE_NOTICES.REQUEST_ID))
                .where(DEADLINE_NOTICES.NOTICE.in("DUE_IN_2", "DUE_TODAY")).fetch(REQUESTS.AGENCY_ID).stream()
                .filter(a -> byId.get(a).foil().email() != null).count();
        assertThat(dsl.fetchCount(OUTBOX, OUTBOX.SUBJECT.contains(": Due soon: ").or(OUTBOX.SUBJECT.contains(": Due today: "))))
                .isEqualTo((int) reminders);
        // The ledger is intact: every event from before is still there, and the watcher added only missed deadlines.
        assertThat(dsl.select(REQUEST_EVENTS.ID, REQUEST_EVENTS.TYPE).from(REQUEST_EVENTS)
                .where(REQUEST_EVENTS.ID.le(ledgerBefore.getLast().value1())).orderBy(REQUEST_EVENTS.ID).fetch())
                .isEqualTo(ledgerBefore);
        assertThat(dsl.fetchCount(REQUEST_EVENTS)).isEqualTo(ledgerBefore.size() + missed);
    }

    /**
     * Whether some session waits for a lock that {@code holder} holds. Asked on a connection of its
     * own in autocommit, as PostgreSQL keeps one picture of pg_stat_activity per transaction.
     */
    private static boolean waitsFor(Connection asker, Connection holder) throws SQLException {
        try (PreparedStatement s = asker.prepareStatement(
                "select exists (select 1 from pg_stat_activity where ? = any (pg_blocking_pids(pid)))")) {
            s.setInt(1, holder.unwrap(PGConnection.class).getBackendPID());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
