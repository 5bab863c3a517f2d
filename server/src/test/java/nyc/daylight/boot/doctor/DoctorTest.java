package nyc.daylight.boot.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.inbound.InboundSettings;
import nyc.daylight.notify.SmtpSettings;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of the doctor's checks against the real thing: the test PostgreSQL, GreenMail's SMTP and
 * IMAP, a port held open, the machine's Tesseract. A wrong setting is a warning or an error that
 * names the setting to change; nothing is sent.
 */
@ExtendWith(PostgresExtension.class)
class DoctorTest {
    private static MailServer mail;

    @TempDir
    Path dir;

    @BeforeAll
    static void startMail() {
        mail = MailServer.withImap();
        mail.addMailbox("replies@daylight.test", "replies", "secret");
    }

    @AfterAll
    static void stopMail() {
        mail.close();
    }

    private DaylightConfig config(String url, String user) {
        return new DaylightConfig("127.0.0.1", 0, Optional.ofNullable(url), Optional.ofNullable(user), Optional.empty(), dir.resolve("data"));
    }

    @Test
    void a_migrated_database_is_ok_and_one_nobody_answers_for_is_an_error_naming_the_url(TestDatabase db) {
        Finding ok = StorageChecks.database(config(db.url(), db.user()));
        assertThat(ok.level()).as(ok.detail()).isEqualTo(Finding.Level.OK);
        assertThat(ok.detail()).contains("PostgreSQL", "fully migrated");

        Finding down = StorageChecks.database(config("jdbc:postgresql://127.0.0.1:1/daylight", "postgres"));
        assertThat(down.level()).isEqualTo(Finding.Level.ERROR);
        assertThat(down.detail()).contains("No PostgreSQL answers at jdbc:postgresql://127.0.0.1:1/daylight", "DAYLIGHT_DATABASE_URL");
    }

    @Test
    void an_embedded_database_not_made_yet_is_ok_without_starting_anything() {
        Finding f = StorageChecks.database(config(null, null));
        assertThat(f.level()).isEqualTo(Finding.Level.OK);
        assertThat(f.detail()).contains("made in", "at the first start");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void smtp_is_greeted_without_sending_and_a_wrong_host_is_a_warning_naming_the_setting() {
        Finding ok = MailChecks.smtp(Optional.of(new SmtpSettings("127.0.0.1", mail.smtpPort(), Optional.empty(), Optional.empty(),
                false, "Daylight <daylight@daylight.test>")));
        assertThat(ok.level()).as(ok.detail()).isEqualTo(Finding.Level.OK);
        assertThat(ok.detail()).contains("answered EHLO", "no mail was sent");
        assertThat(mail.all()).isEmpty();

        Finding wrong = MailChecks.smtp(Optional.of(new SmtpSettings("smtp.nowhere.invalid", 587, Optional.empty(), Optional.empty(),
                true, "Daylight <daylight@daylight.test>")));
        assertThat(wrong.level()).isEqualTo(Finding.Level.WARNING);
        assertThat(wrong.detail()).contains("smtp.nowhere.invalid:587");
        assertThat(wrong.setting()).contains("DAYLIGHT_SMTP_HOST");

        Finding off = MailChecks.smtp(Optional.empty());
        assertThat(off.level()).isEqualTo(Finding.Level.OK);
        assertThat(off.detail()).contains("off", "DAYLIGHT_SMTP_HOST");
    }

    @Test
    void the_imap_mailbox_is_logged_into_and_a_wrong_password_or_folder_is_a_warning() {
        Duration every = Duration.ofMinutes(1);
        Finding ok = MailChecks.imap(new InboundSettings.Imap("127.0.0.1", mail.imapPort(), "replies", "secret", false, "INBOX", every));
        assertThat(ok.level()).as(ok.detail()).isEqualTo(Finding.Level.OK);
        assertThat(ok.detail()).contains("logged in as replies@127.0.0.1", "INBOX holds 0 message(s)");

        Finding refused = MailChecks.imap(new InboundSettings.Imap("127.0.0.1", mail.imapPort(), "replies", "wrong", false, "INBOX", every));
        assertThat(refused.level()).isEqualTo(Finding.Level.WARNING);
        assertThat(refused.setting()).contains("DAYLIGHT_IMAP_PASSWORD");

        Finding folder = MailChecks.imap(new InboundSettings.Imap("127.0.0.1", mail.imapPort(), "replies", "secret", false, "Replies", every));
        assertThat(folder.level()).isEqualTo(Finding.Level.WARNING);
        assertThat(folder.setting()).contains("DAYLIGHT_IMAP_FOLDER");
    }

    @Test
    void a_port_another_program_holds_is_a_warning_naming_the_setting() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Finding f = MailChecks.port("reply listener", "127.0.0.1", held.getLocalPort(), "set DAYLIGHT_INBOUND_SMTP_PORT");
            assertThat(f.level()).isEqualTo(Finding.Level.WARNING);
            assertThat(f.detail()).contains("port " + held.getLocalPort(), "in use");
            assertThat(f.setting()).contains("DAYLIGHT_INBOUND_SMTP_PORT");
        }
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        assertThat(MailChecks.port("reply listener", "127.0.0.1", free, "x").level()).isEqualTo(Finding.Level.OK);
    }

    @Test
    void a_reply_domain_that_is_not_in_dns_is_reported_as_a_warning() {
        Finding f = MailChecks.mx("replies.daylight.invalid", null);
        assertThat(f.level()).isEqualTo(Finding.Level.WARNING);
        assertThat(f.detail()).contains("replies.daylight.invalid");
        assertThat(f.setting()).contains("DAYLIGHT_REPLY_DOMAIN");
    }

    @Test
    void a_missing_tesseract_language_is_a_warning_naming_the_package_and_the_setting() throws Exception {
        Path installed = Path.of("/usr/share/tesseract-ocr/5/tessdata/eng.traineddata");
        Tesseract machine = Tesseract.probe(System.getenv());
        assumeTrue(machine.binary().isPresent() && Files.exists(installed), "Tesseract 5 with English is not installed");
        // The machine's Tesseract, shown a tessdata directory that holds English only.
        Path tessdata = Files.createDirectories(dir.resolve("tessdata"));
        Files.copy(installed, tessdata.resolve("eng.traineddata"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TESSDATA_PREFIX", tessdata.toString());
        Tesseract englishOnly = Tesseract.probe(env);
        assertThat(englishOnly.languages()).containsExactly("eng");
        Finding f = Doctor.ocr(englishOnly);
        assertThat(f.level()).isEqualTo(Finding.Level.WARNING);
        assertThat(f.detail()).contains("no Spanish language pack (spa)");
        assertThat(f.setting()).contains("tesseract-ocr-spa", "TESSDATA_PREFIX");

        Map<String, String> noPath = new HashMap<>(System.getenv());
        noPath.put("PATH", dir.toString());
        Finding none = Doctor.ocr(Tesseract.probe(noPath));
        assertThat(none.level()).isEqualTo(Finding.Level.WARNING);
        assertThat(none.setting()).contains("apt-get install tesseract-ocr");
    }

    @Test
    void a_data_directory_that_cannot_be_written_is_an_error_naming_the_setting() throws Exception {
        Finding ok = StorageChecks.dataDirectory(dir);
        assertThat(ok.level()).isIn(Finding.Level.OK, Finding.Level.WARNING);
        assertThat(ok.detail()).contains("is writable", "GB free");

        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        Finding bad = StorageChecks.dataDirectory(file.resolve("data"));
        assertThat(bad.level()).isEqualTo(Finding.Level.ERROR);
        assertThat(bad.setting()).contains("DAYLIGHT_DATA_DIR");
    }
}
