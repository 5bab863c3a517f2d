package nyc.daylight.boot;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.web.ErrorPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference a visitor reads on an error page finds the log lines of that request: the error
 * with its stack, and the access line, each one JSON object carrying the same request id.
 */
@ExtendWith(PostgresExtension.class)
class StructuredLogTest {
    /** Keeps every event, with the MDC of the thread that logged it (read later on the test's). */
    private static final class Captured extends AppenderBase<ILoggingEvent> {
        final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent e) {
            e.prepareForDeferredProcessing();
            events.add(e);
        }
    }

    @Test
    void a_500_logs_json_lines_carrying_the_reference_the_error_page_shows(TestDatabase db) throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        // Only these two loggers, and only into the test: the deliberate 500's stack stays out of the build output.
        List<Logger> watched = List.of(logging.getLogger(ErrorPages.class), logging.getLogger("nyc.daylight.access"));
        Captured captured = new Captured();
        captured.setContext(logging);
        captured.start();
        for (Logger l : watched) {
            l.addAppender(captured);
            l.setAdditive(false);
            l.setLevel(Level.INFO); // tests log at warn; this test reads the access line too
        }
        // A schema the code does not expect: an error no handler anticipated, so a 500.
        db.dsl().alterTable(REQUESTS).renameTo("requests_elsewhere").execute();
        String id;
        try (RunningApp app = RunningApp.start(db.dataSource(), Clock.systemUTC())) {
            HttpResponse<String> r = app.get("/requests");
            assertThat(r.statusCode()).isEqualTo(500);
            id = r.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(r.body()).contains("reference " + id).doesNotContain("requests_elsewhere", "SQL");
        } finally {
            for (Logger l : watched) {
                l.detachAppender(captured);
                l.setAdditive(true);
                l.setLevel(null);
            }
            db.dsl().alterTable("requests_elsewhere").renameTo(REQUESTS.getUnqualifiedName()).execute();
        }

        ILoggingEvent error = captured.events.stream()
                .filter(e -> e.getLevel() == Level.ERROR && e.getLoggerName().equals(ErrorPages.class.getName()))
                .findFirst().orElseThrow();
        ILoggingEvent line = captured.events.stream()
                .filter(e -> e.getLoggerName().equals("nyc.daylight.access") && e.getFormattedMessage().startsWith("GET /requests 500"))
                .findFirst().orElseThrow();
        JsonNode errorJson = encodeAsConfigured(error);
        assertThat(errorJson.get("level").asString()).isEqualTo("ERROR");
        assertThat(errorJson.get("loggerName").asString()).isEqualTo(ErrorPages.class.getName());
        assertThat(errorJson.get("timestamp").asLong()).isPositive();
        assertThat(errorJson.get("mdc").get("requestId").asString()).isEqualTo(id);
        assertThat(errorJson.get("formattedMessage").asString()).contains("GET /requests", id);
        assertThat(errorJson.get("throwable").toString()).contains("requests");
        JsonNode accessJson = encodeAsConfigured(line);
        assertThat(accessJson.get("level").asString()).isEqualTo("INFO");
        assertThat(accessJson.get("mdc").get("requestId").asString()).isEqualTo(id);
        assertThat(accessJson.get("kvpList").toString()).contains("\"route\":\"/requests\"", "\"status\":\"500\"");
    }

    /** Encodes the event with the encoder logback.xml configures for production, as one line of JSON. */
    private static JsonNode encodeAsConfigured(ILoggingEvent event) throws Exception {
        LoggerContext production = new LoggerContext();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(production);
        joran.doConfigure(StructuredLogTest.class.getResource("/logback.xml"));
        try {
            var appender = (OutputStreamAppender<ILoggingEvent>) production.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("console");
            String text = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
            assertThat(text).endsWith("\n");
            assertThat(text.strip()).doesNotContain("\n");
            return JsonMapper.builder().build().readTree(text);
        } finally {
            production.stop();
        }
    }
}
