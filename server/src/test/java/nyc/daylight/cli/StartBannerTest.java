package nyc.daylight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.boot.doctor.Tesseract;
import nyc.daylight.inbound.InboundSettings;
import nyc.daylight.notify.SmtpSettings;
import org.junit.jupiter.api.Test;

/** What serve says once it listens: where, which database and data, which optional parts are on; never a password. */
class StartBannerTest {
    @Test
    void the_banner_names_the_address_database_data_and_each_optional_part() {
        DaylightConfig config = new DaylightConfig("0.0.0.0", 7070, Optional.of("jdbc:postgresql://db.internal/daylight?password=hunter2"),
                Optional.of("daylight"), Optional.of("hunter2"), Path.of("/srv/daylight"));
        AppSettings settings = new AppSettings("https://daylight.nyc", Optional.of(new SmtpSettings("smtp.nyc", 587, Optional.of("u"),
                Optional.of("smtp-secret"), true, "Daylight <d@daylight.nyc>")), RateLimits.defaults(), config.dataDir(), true)
                .withInbound(InboundSettings.disabled("replies.daylight.nyc").withSmtp("127.0.0.1", 2525)
                        .withImap(new InboundSettings.Imap("imap.nyc", 993, "replies", "imap-secret", true, "INBOX", Duration.ofMinutes(1))));
        String banner = StartBanner.text(7070, config, settings,
                new Tesseract(Optional.of(Path.of("/usr/bin/tesseract")), "tesseract 5.3.0", List.of("eng", "osd", "spa")));
        assertThat(banner).contains("open http://localhost:7070/", "database        jdbc:postgresql://db.internal/daylight?password=*** as daylight",
                "data directory  /srv/daylight", "public address  https://daylight.nyc", "outgoing mail   SMTP smtp.nyc:587 (STARTTLS)",
                "SMTP listener on 127.0.0.1:2525", "IMAP replies@imap.nyc:993 INBOX", "reply domain replies.daylight.nyc",
                "OCR             tesseract 5.3.0 (eng, spa)", "object storage  off");
        assertThat(banner).doesNotContain("hunter2", "smtp-secret", "imap-secret");
    }

    @Test
    void parts_that_are_off_say_so_and_which_setting_turns_them_on() {
        DaylightConfig config = new DaylightConfig("0.0.0.0", 7070, Optional.empty(), Optional.empty(), Optional.empty(), Path.of("/tmp/d"));
        String banner = StartBanner.text(7070, config, AppSettings.local(7070, config.dataDir()),
                new Tesseract(Optional.empty(), "", List.of()));
        assertThat(banner).contains("embedded PostgreSQL in /tmp/d/pg", "off: letters wait in the outbox (DAYLIGHT_SMTP_HOST)",
                "agency replies  off (DAYLIGHT_INBOUND_SMTP_PORT or DAYLIGHT_IMAP_HOST)", "OCR             off (no tesseract on the PATH)")
                .doesNotContain("public address");
    }
}
