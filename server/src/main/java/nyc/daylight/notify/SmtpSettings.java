package nyc.daylight.notify;

import java.util.Optional;

/** Where to deliver mail: {@code DAYLIGHT_SMTP_*}. Without a host, mail stays in the outbox. */
public record SmtpSettings(String host, int port, Optional<String> user, Optional<String> password, boolean startTls,
                           String from) {}
