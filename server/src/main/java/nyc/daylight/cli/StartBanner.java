package nyc.daylight.cli;

import java.util.ArrayList;
import java.util.List;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.boot.Redacted;
import nyc.daylight.boot.doctor.Tesseract;
import nyc.daylight.inbound.InboundSettings;

/**
 * What {@code serve} says once it listens: where the portal is, which database and data
 * directory it uses, and which optional parts are on. Logged as one event, so it stays together
 * in a text log and is one object in a JSON one. No password appears in it.
 */
final class StartBanner {
    private StartBanner() {}

    static String text(int port, DaylightConfig config, AppSettings settings, Tesseract ocr) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"database", config.embeddedDatabase() ? "embedded PostgreSQL in " + config.dataDir().resolve("pg")
                : Redacted.jdbcUrl(config.databaseUrl().orElseThrow()) + config.databaseUser().map(u -> " as " + u).orElse("")});
        rows.add(new String[] {"data directory", config.dataDir().toString()});
        if (!settings.baseUrl().startsWith("http://localhost:")) rows.add(new String[] {"public address", settings.baseUrl()});
        rows.add(new String[] {"outgoing mail", settings.smtp().map(s -> "SMTP " + s.host() + ":" + s.port() + (s.startTls() ? " (STARTTLS)" : ""))
                .orElse("off: letters wait in the outbox (DAYLIGHT_SMTP_HOST)")});
        rows.add(new String[] {"agency replies", replies(settings.inbound())});
        rows.add(new String[] {"OCR", ocr.summary()});
        rows.add(new String[] {"object storage", settings.objectStorage().map(b -> "stored files are in " + b.describe())
                .orElse("off: stored files are in " + settings.blobDir())});
        StringBuilder s = new StringBuilder("Daylight is running: open http://localhost:" + port + "/");
        for (String[] r : rows) s.append(System.lineSeparator()).append(String.format("  %-15s %s", r[0], r[1]));
        return s.toString();
    }

    private static String replies(InboundSettings in) {
        if (!in.enabled()) return "off (DAYLIGHT_INBOUND_SMTP_PORT or DAYLIGHT_IMAP_HOST)";
        List<String> ways = new ArrayList<>();
        in.smtpPort().ifPresent(p -> ways.add("SMTP listener on " + in.smtpBind() + ":" + p));
        in.imap().ifPresent(m -> ways.add("IMAP " + m.user() + "@" + m.host() + ":" + m.port() + " " + m.folder()));
        return String.join(", ", ways) + ", reply domain " + in.replyDomain();
    }
}
