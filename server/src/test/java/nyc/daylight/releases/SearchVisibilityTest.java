package nyc.daylight.releases;

import static nyc.daylight.sql.jooq.Tables.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A search served again from the result cache reads one row of the database and holds no
 * connection while Lucene and the template work (issue 22); and the copies that make that possible
 * never show what was just withheld: a request hidden through node A is gone from node B's very
 * next search, with no index update and no waiting.
 */
@ExtendWith(PostgresExtension.class)
class SearchVisibilityTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Connections taken from the pool and statements run on them, as the app's queries see them. */
    private record Counts(AtomicInteger checkouts, AtomicInteger statements) {
        Counts() {
            this(new AtomicInteger(), new AtomicInteger());
        }

        void reset() {
            checkouts.set(0);
            statements.set(0);
        }
    }

    /** The pool, counting checkouts and statements: on a per-query page there is one checkout per statement. */
    private static DataSource counting(DataSource real, Counts counts) {
        return proxy(DataSource.class, real, (m, result) -> {
            if (!m.getName().equals("getConnection")) return result;
            counts.checkouts().incrementAndGet();
            return proxy(Connection.class, (Connection) result, (cm, r) -> {
                if (cm.getName().startsWith("prepare") || cm.getName().equals("createStatement")) counts.statements().incrementAndGet();
                return r;
            });
        });
    }

    private static <T> T proxy(Class<T> type, T real, java.util.function.BiFunction<java.lang.reflect.Method, Object, Object> after) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            try {
                return after.apply(m, m.invoke(real, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private static JsonNode search(WebClient client, String word) throws Exception {
        HttpResponse<String> r = client.get("/api/v1/search?q=" + word);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Releases one file on the request and publishes it; its document id. */
    private static long published(TestDatabase db, WebClient officer, String number, String name, String text) throws Exception {
        assertThat(officer.postFile("/agency/nypd/requests/" + number + "/release", Map.of("message", "Here it is."),
                "files", name, text.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);
        long id = db.dsl().select(org.jooq.impl.DSL.max(DOCUMENTS.ID)).from(DOCUMENTS).fetchOne(0, Long.class);
        assertThat(officer.post("/agency/nypd/records/" + id + "/publish", Map.of()).statusCode()).isEqualTo(302);
        return id;
    }

    @Test
    void a_repeated_search_reads_one_row_and_a_request_hidden_on_one_node_is_gone_from_the_others_next_search(TestDatabase db)
            throws Exception {
        People.requester(db.dsl(), "ines@example.org", "Ines");
        People.officer(db.dsl(), "liaison@nypd.test", "nypd", false);
        People.admin(db.dsl(), "safety@daylight.test");
        try (Portal a = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"))) {
            WebClient requester = a.as("ines@example.org");
            WebClient officer = a.as("liaison@nypd.test");
            String number = requester.fileRequest("Shelter liaison roster", "nypd").getFirst();
            long id = published(db, officer, number, "roster.txt", "Xylocarp shelter liaison roster.");
            String other = requester.fileRequest("Liaison call log", "nypd").getFirst();
            long withdrawn = published(db, officer, other, "calls.txt", "Xylocarp liaison call log.");

            Counts counts = new Counts();
            try (RunningApp b = RunningApp.start(counting(db.dataSource(), counts), a.clock)) {
                WebClient onB = new WebClient(b);
                // B's own index catches up from the publication log on its timer (every 2 s).
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                while (search(onB, "xylocarp").get("total").asInt() < 2) {
                    assertThat(Instant.now()).as("node B indexed the record").isBefore(deadline);
                    Thread.onSpinWait();
                }

                counts.reset();
                assertThat(search(onB, "xylocarp").get("total").asInt()).isEqualTo(2);
                assertThat(counts.statements().get()).as("the API search again: the visibility counter only").isEqualTo(1);
                onB.get("/records?q=xylocarp");
                counts.reset();
                assertThat(onB.get("/records?q=xylocarp").body()).contains("/records/" + id + "?");
                assertThat(counts.statements().get()).as("the search page again: the visibility counter only").isEqualTo(1);

                // Signed in, the session is read first, on the page's connection; that connection is
                // given back when the route is matched, and the search's one query takes its own. A
                // page scope would have run them all on one connection, held to the end of the view.
                WebClient signedIn = new WebClient(b);
                signedIn.signIn("ines@example.org", People.PASSWORD);
                signedIn.get("/records?q=xylocarp");
                counts.reset();
                assertThat(signedIn.get("/records?q=xylocarp").body()).contains("/records/" + id + "?");
                assertThat(counts.checkouts().get()).as("the session's connection, then the visibility counter's").isEqualTo(2);

                WebClient admin = a.as("safety@daylight.test");
                assertThat(admin.post("/requests/" + number + "/hide", Map.of("reason", "Safety of a named person")).statusCode())
                        .isEqualTo(302);
                JsonNode after = search(onB, "xylocarp");
                assertThat(after.get("total").asInt()).as("hidden through A, withheld on B at once").isEqualTo(1);
                assertThat(after.get("hits").findValuesAsString("request")).containsExactly(other);
                assertThat(onB.get("/records?q=xylocarp").body()).doesNotContain("/records/" + id + "?", "Shelter liaison roster");
                assertThat(onB.get("/records/" + id).statusCode()).isEqualTo(404);

                // Withdrawn through A: B's index may still hold it, B's next search never shows it.
                assertThat(officer.post("/agency/nypd/records/" + withdrawn + "/withdraw",
                        Map.of("confirm", "yes", "reason", "Published in error")).statusCode()).isEqualTo(302);
                assertThat(search(onB, "xylocarp").get("hits")).as("withdrawn through A, gone on B at once").isEmpty();
                assertThat(onB.get("/records?q=xylocarp").body()).doesNotContain("/records/" + withdrawn + "?", "Liaison call log");
            }
        }
    }
}
