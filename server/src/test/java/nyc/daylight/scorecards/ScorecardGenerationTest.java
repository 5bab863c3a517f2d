package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;
import static nyc.daylight.sql.jooq.Tables.SCORECARD_GENERATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
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
}
