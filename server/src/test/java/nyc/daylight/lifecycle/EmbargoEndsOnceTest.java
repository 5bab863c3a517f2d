package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An embargo hides a request only until it ends; once it has ended, by its date or by the
 * requester, the public has seen the request and no path may hide it again.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbargoEndsOnceTest {
    private static final String REFUSED = "embargo has ended; it cannot be unlisted again";
    private Portal portal;
    private TestDatabase db;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        People.officer(db.dsl(), "ode@mayor.test", "mayor", false);
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private RequestsRecord request(String number) {
        return db.dsl().selectFrom(REQUESTS).where(REQUESTS.NUMBER.eq(number)).fetchSingle();
    }

    @Test
    void an_embargo_whose_date_has_come_cannot_be_set_again_even_before_the_watcher_records_it() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "una@example.org", "Una");
        WebClient una = portal.as("una@example.org");
        String number = una.fileRequest("Embargo that runs out", "mayor").getFirst();
        assertThat(una.post("/requests/" + number + "/embargo", Map.of("embargoUntil", "2026-03-20")).statusCode()).isEqualTo(302);

        // The date has come: the request is public from today, whether or not the watcher has run.
        portal.clock.setNewYork("2026-03-20T09:00");
        assertThat(new WebClient(portal.app).get("/requests/" + number).statusCode()).isEqualTo(200);
        assertThat(una.post("/requests/" + number + "/embargo", Map.of("embargoUntil", "2026-06-01")).statusCode()).isEqualTo(302);
        assertThat(una.get("/requests/" + number).body()).contains(REFUSED);
        assertThat(request(number).getEmbargoUntil()).isEqualTo(LocalDate.parse("2026-03-20"));
        assertThat(new WebClient(portal.app).get("/requests/" + number).statusCode()).isEqualTo(200);

        portal.watcher.runOnce();
        assertThat(request(number).getEmbargoUntil()).isNull();
        assertThat(request(number).getEmbargoEndedAt()).as("when it ended is kept").isNotNull();
        assertThat(una.post("/requests/" + number + "/embargo", Map.of("embargoUntil", "2026-06-01")).statusCode()).isEqualTo(302);
        assertThat(una.get("/requests/" + number).body()).contains(REFUSED);
        assertThat(request(number).getEmbargoUntil()).isNull();
    }

    @Test
    void an_embargo_the_requester_lifted_cannot_be_set_again_even_on_the_day_of_filing() throws Exception {
        portal.clock.setNewYork("2026-04-06T10:00");
        People.requester(db.dsl(), "vic@example.org", "Vic");
        WebClient vic = portal.as("vic@example.org");
        String number = vic.fileRequest("Embargo lifted by hand", "mayor").getFirst();
        assertThat(vic.post("/requests/" + number + "/embargo", Map.of("embargoUntil", "2026-05-01")).statusCode()).isEqualTo(302);
        assertThat(vic.post("/requests/" + number + "/embargo", Map.of("action", "lift")).statusCode()).isEqualTo(302);
        assertThat(request(number).getEmbargoEndedAt()).isNotNull();

        assertThat(vic.post("/requests/" + number + "/embargo", Map.of("embargoUntil", "2026-05-01")).statusCode()).isEqualTo(302);
        assertThat(vic.get("/requests/" + number).body()).contains(REFUSED);
        assertThat(request(number).getEmbargoUntil()).isNull();
        assertThat(new WebClient(portal.app).get("/requests/" + number).statusCode()).isEqualTo(200);
    }

    @Test
    void the_database_refuses_an_embargo_date_on_a_request_whose_embargo_has_ended() throws Exception {
        portal.clock.setNewYork("2026-04-07T10:00");
        People.requester(db.dsl(), "wes@example.org", "Wes");
        WebClient wes = portal.as("wes@example.org");
        String number = wes.fileRequest("Embargo guarded by the schema", "mayor").getFirst();
        assertThat(wes.post("/requests/" + number + "/embargo", Map.of("embargoUntil", "2026-05-01")).statusCode()).isEqualTo(302);
        assertThat(wes.post("/requests/" + number + "/embargo", Map.of("action", "lift")).statusCode()).isEqualTo(302);

        // Whatever code might forget the rule, the schema keeps it.
        assertThatThrownBy(() -> db.dsl().update(REQUESTS).set(REQUESTS.EMBARGO_UNTIL, LocalDate.parse("2026-06-01"))
                .where(REQUESTS.NUMBER.eq(number)).execute())
                .hasMessageContaining("requests_embargo_once");
    }
}
