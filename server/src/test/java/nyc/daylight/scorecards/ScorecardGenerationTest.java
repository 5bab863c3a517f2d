package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;
import static nyc.daylight.sql.jooq.Tables.SCORECARD_GENERATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cached card is replaced by every committed change it reads, whatever order transactions
 * commit in (V39). Keyed by the last ledger event's id, a change committed after a later event's
 * stayed unseen: the id it took was already below the maximum when it became visible.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardGenerationTest {
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String CARD = "/api/v1/scorecards/acs?period=custom&from=2026-01-01&to=2026-12-31";
    private Portal portal;
    private WebClient public_;
    private WebClient noor;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        People.requester(db.dsl(), "noor@example.org", "Noor");
        public_ = new WebClient(portal.app);
        noor = portal.as("noor@example.org");
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private int received() throws Exception {
        return json.readTree(public_.get(CARD).body()).get("received").asInt();
    }

    private static long generation(TestDatabase db) {
        return db.dsl().select(SCORECARD_GENERATION.GENERATION).from(SCORECARD_GENERATION).fetchOne(0, Long.class);
    }

    @Test
    void a_change_committed_after_a_later_event_still_replaces_the_cached_card(TestDatabase db) throws Exception {
        String first = noor.fileRequest("Detainer requests faxed to ICE", "acs").getFirst();
        portal.tick();
        int before = received();
        long id = db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(first)).fetchOne(REQUESTS.ID);

        try (Connection slow = db.dataSource().getConnection()) {
            slow.setAutoCommit(false);
            // A correction to the first request's metrics, written and not yet committed ...
            assertThat(DSL.using(slow, SQLDialect.POSTGRES).update(REQUEST_METRICS)
                    .set(REQUEST_METRICS.RECEIVED_ON, LocalDate.of(2025, 12, 31)).where(REQUEST_METRICS.REQUEST_ID.eq(id)).execute())
                    .isEqualTo(1);
            // ... while another request is filed and committed, with later ledger ids, and the card is read.
            noor.fileRequest("Shelter intake shared with ICE", "acs");
            portal.tick();
            assertThat(received()).isEqualTo(before + 1);
            slow.commit();
        }
        assertThat(received()).as("the late commit moved the card out of this year").isEqualTo(before);
    }

    @Test
    void a_watcher_pass_that_changes_no_figure_keeps_the_cached_cards(TestDatabase db) throws Exception {
        noor.fileRequest("Courthouse arrests and ICE", "acs");
        portal.tick();
        received();
        long generation = generation(db);
        portal.tick();
        portal.tick();
        assertThat(generation(db)).as("rewriting unchanged metrics moves nothing").isEqualTo(generation);
    }

    @Test
    void hiding_a_request_moves_the_generation(TestDatabase db) throws Exception {
        String number = noor.fileRequest("A request to be hidden", "acs").getFirst();
        portal.tick();
        long generation = generation(db);
        db.dsl().update(REQUESTS).set(REQUESTS.HIDDEN_AT, java.time.OffsetDateTime.now()).where(REQUESTS.NUMBER.eq(number)).execute();
        assertThat(generation(db)).isEqualTo(generation + 1);
    }

    /**
     * Two transactions that each change a request and its metrics, queued in opposite orders, lock
     * the same two generations at commit (V31's agency row, V39's row). T1 has taken the agency's
     * (its request event came first; SET CONSTRAINTS fires it now, as its commit would); T2, whose
     * metrics event came first, commits meanwhile. Were V39's row not always taken last, T2 would
     * hold it waiting for the agency's while T1's commit waited for it: a deadlock, one aborted.
     */
    @Test
    void two_commits_that_queued_requests_and_metrics_in_opposite_orders_do_not_deadlock(TestDatabase db) throws Exception {
        String one = noor.fileRequest("Detainer logs, first", "acs").getFirst();
        String two = noor.fileRequest("Detainer logs, second", "acs").getFirst();
        portal.tick();
        long id1 = db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(one)).fetchOne(REQUESTS.ID);
        long id2 = db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(two)).fetchOne(REQUESTS.ID);
        long generation = generation(db);
        try (Connection c1 = db.dataSource().getConnection(); Connection c2 = db.dataSource().getConnection()) {
            c1.setAutoCommit(false);
            c2.setAutoCommit(false);
            DSLContext t1 = DSL.using(c1, SQLDialect.POSTGRES);
            DSLContext t2 = DSL.using(c2, SQLDialect.POSTGRES);
            t1.update(REQUESTS).set(REQUESTS.STATUS, "OVERDUE").where(REQUESTS.ID.eq(id1)).execute();
            t1.update(REQUEST_METRICS).set(REQUEST_METRICS.EXTENSIONS, 1).where(REQUEST_METRICS.REQUEST_ID.eq(id1)).execute();
            t1.execute("set constraints requests_bump_update immediate"); // what its commit would do first
            t2.update(REQUEST_METRICS).set(REQUEST_METRICS.EXTENSIONS, 1).where(REQUEST_METRICS.REQUEST_ID.eq(id2)).execute();
            t2.update(REQUESTS).set(REQUESTS.STATUS, "OVERDUE").where(REQUESTS.ID.eq(id2)).execute();
            var second = CompletableFuture.runAsync(() -> {
                try {
                    c2.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            // Until T2 waits on a lock (the agency's row, which T1 holds).
            while (db.dsl().fetchCount(DSL.table("pg_stat_activity"),
                    DSL.condition("wait_event_type = 'Lock' and datname = current_database()")) == 0 && !second.isDone()) {
                Thread.onSpinWait();
            }
            c1.commit();
            second.get(30, TimeUnit.SECONDS);
        }
        assertThat(generation(db)).as("both committed, each moved it once").isEqualTo(generation + 2);
    }
}
