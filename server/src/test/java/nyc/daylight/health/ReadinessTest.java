package nyc.daylight.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import nyc.daylight.db.Database;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/** `/ready` for the load balancer, apart from `/live`: database reachable, index caught up within a bound. */
@ExtendWith(PostgresExtension.class)
class ReadinessTest {
    @Test
    void a_running_node_is_alive_and_ready_once_its_index_has_caught_up(TestDatabase db) throws Exception {
        // The indexer's first catch-up runs as the server starts, before it takes requests.
        try (RunningApp app = RunningApp.start(db.dataSource(), Clock.systemUTC())) {
            var live = app.get("/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"status\":\"alive\"");
            var ready = app.get("/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"ready\"", "\"database\":\"ok\"", "\"index\":\"ok\"", "\"indexLag\":\"0\"");
            assertThat(ready.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void not_ready_while_the_index_catches_up_or_lags_past_the_bound(TestDatabase db) {
        var catchingUp = new Readiness(db.dsl(), () -> false, () -> 0, 100).check();
        assertThat(catchingUp.healthy()).isFalse();
        assertThat(catchingUp.body()).containsEntry("status", "not ready").containsEntry("index", "catching up");

        var behind = new Readiness(db.dsl(), () -> true, () -> 101, 100).check();
        assertThat(behind.healthy()).isFalse();
        assertThat(behind.body()).containsEntry("index", "behind").containsEntry("indexLag", "101");

        var within = new Readiness(db.dsl(), () -> true, () -> 100, 100).check();
        assertThat(within.healthy()).isTrue();
    }

    @Test
    void not_ready_when_the_database_does_not_answer() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        var report = new Readiness(Database.dsl(nowhere), () -> true, () -> 0, 100).check();
        assertThat(report.healthy()).isFalse();
        assertThat(report.body()).containsEntry("database", "unavailable").containsEntry("index", "unknown");
    }
}
