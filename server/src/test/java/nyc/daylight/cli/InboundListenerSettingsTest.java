package nyc.daylight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nyc.daylight.inbound.InboundSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The built-in SMTP listener's settings as an operator gives them. */
class InboundListenerSettingsTest {

    private static InboundSettings inbound(String... args) {
        CommandLine cli = Main.commandLine();
        CommandLine.ParseResult result = cli.parseArgs(args);
        ConfigOptions options = ((ServeCommand) result.subcommand().commandSpec().commandLine().getCommand()).options;
        return options.toSettings(8080, Path.of("/tmp/daylight")).inbound();
    }

    @Test
    void the_listener_binds_loopback_unless_told_otherwise() {
        assertThat(inbound("serve", "--inbound-smtp-port", "2525").smtpBind()).isEqualTo("127.0.0.1");
        assertThat(InboundSettings.disabled("reply.daylight.test").smtpBind()).isEqualTo("127.0.0.1");
        assertThat(inbound("serve", "--inbound-smtp-port", "2525", "--inbound-smtp-bind", "0.0.0.0").smtpBind()).isEqualTo("0.0.0.0");
    }

    @Test
    void the_senders_and_connections_caps_are_settings_with_safe_defaults() {
        InboundSettings.Limits defaults = inbound("serve").limits();
        assertThat(defaults).isEqualTo(InboundSettings.Limits.DEFAULTS);
        InboundSettings.Limits set = inbound("serve", "--inbound-sender-messages-per-day", "5", "--inbound-sender-bytes-per-day", "1000",
                "--inbound-messages-per-connection", "2").limits();
        assertThat(set.messagesPerSenderPerDay()).isEqualTo(5);
        assertThat(set.bytesPerSenderPerDay()).isEqualTo(1000);
        assertThat(set.messagesPerConnection()).isEqualTo(2);
    }
}
