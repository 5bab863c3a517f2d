package nyc.daylight.boot.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.inbound.InboundSettings;

/**
 * {@code daylight doctor}: every part of the set-up checked the way the portal would use it,
 * without starting the portal, sending mail or changing data. Each finding is ok, a warning
 * (the portal runs, but something will not work as the operator expects) or an error (it would
 * not start, or not keep its data).
 */
public final class Doctor {
    private final DaylightConfig config;
    private final AppSettings settings;
    private final Map<String, String> environment;
    private final String dnsServer;

    /**
     * @param environment the variables the portal's own processes (Tesseract) would see
     * @param dnsServer   "host:port" of the DNS server to ask for MX records; null for the system's
     */
    public Doctor(DaylightConfig config, AppSettings settings, Map<String, String> environment, String dnsServer) {
        this.config = config;
        this.settings = settings;
        this.environment = environment;
        this.dnsServer = dnsServer;
    }

    public List<Finding> examine() {
        List<Finding> findings = new ArrayList<>();
        findings.add(StorageChecks.database(config));
        findings.add(StorageChecks.dataDirectory(config.dataDir()));
        findings.add(MailChecks.port("web port", config.host(), config.port(), "set DAYLIGHT_PORT (--port) to a free port"));
        findings.add(MailChecks.smtp(settings.smtp()));
        findings.addAll(inbound(settings.inbound()));
        findings.add(ocr(Tesseract.probe(environment)));
        findings.add(ObjectStorageCheck.check(settings));
        return findings;
    }

    private List<Finding> inbound(InboundSettings in) {
        List<Finding> findings = new ArrayList<>();
        if (!in.enabled()) {
            findings.add(Finding.ok("agency replies", "off: letters carry the requester's own address as Reply-To; set "
                    + "DAYLIGHT_INBOUND_SMTP_PORT or DAYLIGHT_IMAP_HOST to take replies by e-mail"));
            return findings;
        }
        in.smtpPort().ifPresent(port -> findings.add(MailChecks.port("reply listener", in.smtpBind(), port,
                "set DAYLIGHT_INBOUND_SMTP_PORT (--inbound-smtp-port) to a free port, or DAYLIGHT_INBOUND_SMTP_BIND")));
        in.imap().ifPresent(m -> findings.add(MailChecks.imap(m)));
        findings.add(MailChecks.mx(in.replyDomain(), dnsServer));
        return findings;
    }

    static Finding ocr(Tesseract t) {
        String part = "OCR";
        if (t.binary().isEmpty()) {
            return Finding.warning(part, "no tesseract on the PATH: scanned pages are kept as needing OCR, and cannot be searched",
                    "install it: apt-get install tesseract-ocr tesseract-ocr-spa");
        }
        List<String> missing = t.missing();
        if (missing.contains("eng")) {
            return Finding.warning(part, t.version() + " at " + t.binary().get() + " has no English language pack (eng): OCR is off",
                    "apt-get install tesseract-ocr-eng, or set TESSDATA_PREFIX to a tessdata directory holding eng.traineddata");
        }
        if (missing.contains("spa")) {
            return Finding.warning(part, t.version() + " has no Spanish language pack (spa): Spanish scans are read as English, "
                    + "their accents lost", "apt-get install tesseract-ocr-spa, or set TESSDATA_PREFIX to a tessdata directory holding "
                    + "spa.traineddata");
        }
        return Finding.ok(part, t.summary());
    }
}
