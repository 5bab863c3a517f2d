package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.DEADLINE_NOTICES;
import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.notify.Mailer;
import nyc.daylight.requests.DemoData;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.sql.jooq.Routines;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes' deadline watchers on one database: a pass holds the job's advisory lock, so a
 * watcher that finds it taken skips its pass; two started together send every notice exactly once.
 */
@ExtendWith(PostgresExtension.class)
class WatchersOnTwoNodesTest {
    private static DeadlineWatcher node(DSLContext dsl, Clock clock) {
        AgencyService agencies = new AgencyService(dsl);
        // Each node has its own object graph, as two processes would.
        return new DeadlineWatcher(dsl, agencies, new RequestLedger(agencies, clock), new Mailer(() -> { }), clock,
                "http://daylight.test", true);
    }

    @Test
    void a_watcher_skips_its_pass_while_another_node_holds_the_lock_then_two_at_once_send_each_notice_once(TestDatabase db)
            throws Exception {
        DSLContext dsl = db.dsl();
        Clock clock = Clock.systemUTC();
        AgencyService agencies = new AgencyService(dsl);
        // Two years of synthetic requests, many late: a pass with notices to send.
        new DemoData(dsl, agencies, new RequestLedger(agencies, clock), clock).fill(80);
        int outboxBefore = dsl.fetchCount(OUTBOX);

        DeadlineWatcher a = node(dsl, clock);
        DeadlineWatcher b = node(dsl, clock);
        // Node A is in its pass: it holds the lock in a transaction on its own connection.
        try (Connection held = db.dataSource().getConnection()) {
            held.setAutoCommit(false);
            assertThat(Routines.tryJobLock(DSL.using(held, SQLDialect.POSTGRES).configuration(), "deadline-watcher")).isTrue();
            assertThat(b.runOnceAlone()).isEmpty();
            assertThat(dsl.fetchCount(DEADLINE_NOTICES)).isZero();
            assertThat(dsl.fetchCount(OUTBOX)).isEqualTo(outboxBefore);
            held.rollback();
        }

        // Both nodes' timers fire at once.
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<OptionalInt>> passes = List.of(a, b).stream().map(w -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return w.runOnceAlone();
        })).toList();
        int sent = 0;
        int ran = 0;
        for (var p : passes) {
            OptionalInt n = p.get();
            if (n.isPresent()) {
                ran++;
                sent += n.getAsInt();
            }
        }
        assertThat(ran).isBetween(1, 2);
        int notices = dsl.fetchCount(DEADLINE_NOTICES);
        assertThat(notices).isPositive();
        assertThat(sent).isGreaterThanOrEqualTo(notices);
        // Every e-mail once: no two queued letters alike.
        var letters = dsl.select(OUTBOX.TO_ADDRESS, OUTBOX.SUBJECT, OUTBOX.BODY_TEXT, DSL.count()).from(OUTBOX)
                .groupBy(OUTBOX.TO_ADDRESS, OUTBOX.SUBJECT, OUTBOX.BODY_TEXT).having(DSL.count().gt(1)).fetch();
        assertThat(letters).isEmpty();
        assertThat(dsl.fetchCount(OUTBOX)).isGreaterThan(outboxBefore);
        // Every missed deadline in the ledger once per request and due date.
        var missed = dsl.select(REQUEST_EVENTS.REQUEST_ID, REQUEST_EVENTS.DUE_DATE, REQUEST_EVENTS.DATA, DSL.count()).from(REQUEST_EVENTS)
                .where(REQUEST_EVENTS.TYPE.eq(EventType.DEADLINE_MISSED.name()))
                .groupBy(REQUEST_EVENTS.REQUEST_ID, REQUEST_EVENTS.DUE_DATE, REQUEST_EVENTS.DATA).having(DSL.count().gt(1)).fetch();
        assertThat(missed).isEmpty();
        // And nothing is left for a later pass on either node.
        int outboxAfter = dsl.fetchCount(OUTBOX);
        assertThat(a.runOnceAlone()).hasValue(0);
        assertThat(b.runOnceAlone()).hasValue(0);
        assertThat(dsl.fetchCount(OUTBOX)).isEqualTo(outboxAfter);
        assertThat(dsl.fetchCount(DEADLINE_NOTICES)).isEqualTo(notices);
    }
}
