package nyc.daylight.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.junit.jupiter.api.Test;

/** Text for a person at a terminal, JSON for everything else, unless a format is set. */
class LogFormatTest {
    @Test
    void a_terminal_gets_text_anything_else_json_and_a_setting_overrides_both() {
        assertThat(LogFormat.choose(null, null, true)).isEqualTo("text");
        assertThat(LogFormat.choose(null, null, false)).isEqualTo("json");
        assertThat(LogFormat.choose(null, "json", true)).isEqualTo("json");
        assertThat(LogFormat.choose(null, "TEXT", false)).isEqualTo("text");
        assertThat(LogFormat.choose("json", "text", true)).isEqualTo("json");
        assertThat(LogFormat.choose("text", "json", false)).isEqualTo("text");
        assertThat(LogFormat.choose(" ", "", true)).isEqualTo("text");
        // A value nobody knows still logs, as JSON, rather than not at all.
        assertThat(LogFormat.choose(null, "xml", true)).isEqualTo("json");
    }

    @Test
    void logback_xml_includes_the_chosen_format() throws Exception {
        assertThat(encoder("text")).isInstanceOf(PatternLayoutEncoder.class);
        assertThat(encoder("json")).isInstanceOf(JsonEncoder.class);
        // Nothing set: this JVM's answer (a test run has no terminal: JSON, unless DAYLIGHT_LOG_FORMAT says otherwise).
        String expected = LogFormat.choose(System.getProperty(LogFormat.PROPERTY), System.getenv(LogFormat.VARIABLE), Terminals.interactive());
        assertThat(encoder(null)).isInstanceOf(expected.equals("text") ? PatternLayoutEncoder.class : JsonEncoder.class);
    }

    private static Encoder<ILoggingEvent> encoder(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        if (format != null) context.putProperty(LogFormat.PROPERTY, format);
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
        try {
            var appender = (OutputStreamAppender<ILoggingEvent>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("console");
            return appender.getEncoder();
        } finally {
            context.stop();
        }
    }
}
