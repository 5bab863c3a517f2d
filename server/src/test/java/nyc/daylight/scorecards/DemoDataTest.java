package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.requests.DemoData;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DemoDataTest {

    @Test
    void an_empty_database_gets_a_labelled_synthetic_dataset_once(TestDatabase db) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);
        AgencyService agencies = new AgencyService(db.dsl());
        DemoData demo = new DemoData(db.dsl(), agencies, new RequestLedger(agencies, clock), clock);
        assertThat(demo.fill(120)).isEqualTo(120);
        assertThat(demo.fill(120)).as("already filled").isZero();
        assertThat(db.dsl().fetchCount(REQUESTS)).isEqualTo(120);
        assertThat(db.dsl().fetchCount(REQUEST_METRICS)).isEqualTo(120);
        assertThat(db.dsl().fetchCount(REQUEST_METRICS, REQUEST_METRICS.OUTCOME.eq("DENIED"))).isPositive();
        assertThat(db.dsl().fetchCount(REQUEST_METRICS, REQUEST_METRICS.APPEAL_FILED.isTrue())).isPositive();
        assertThat(db.dsl().fetchCount(REQUEST_METRICS, REQUEST_METRICS.EXTENSIONS.gt(0))).isPositive();
        try (RunningApp app = RunningApp.start(db.dataSource(), clock)) {
            assertThat(app.get("/").body()).contains("Demo data.");
            assertThat(app.get("/scorecards").body()).contains("Demo data.");
            for (String number : db.dsl().select(REQUESTS.NUMBER).from(REQUESTS).limit(40).fetch(REQUESTS.NUMBER)) {
                assertThat(app.get("/requests/" + number).statusCode()).as(number).isEqualTo(200);
                assertThat(app.get("/api/v1/requests/" + number).statusCode()).as(number).isEqualTo(200);
            }
        }
    }
}
