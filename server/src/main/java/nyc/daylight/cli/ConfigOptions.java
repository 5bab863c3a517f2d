package nyc.daylight.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.inbound.InboundSettings;
import nyc.daylight.notify.SmtpSettings;
import nyc.daylight.records.S3Settings;
import nyc.daylight.web.TrustedProxies;
import picocli.CommandLine.Option;

/** Each option falls back to its DAYLIGHT_* environment variable, then to the default. */
final class ConfigOptions {
    @Option(names = "--host", defaultValue = "${env:DAYLIGHT_HOST:-0.0.0.0}",
            description = "Interface to listen on (DAYLIGHT_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "${env:DAYLIGHT_PORT:-7070}",
            description = "HTTP port (DAYLIGHT_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--database-url", defaultValue = "${env:DAYLIGHT_DATABASE_URL}",
            description = "PostgreSQL JDBC URL (DAYLIGHT_DATABASE_URL); none starts an embedded PostgreSQL.")
    String databaseUrl;

    @Option(names = "--database-user", defaultValue = "${env:DAYLIGHT_DATABASE_USER}",
            description = "Database user (DAYLIGHT_DATABASE_USER).")
    String databaseUser;

    @Option(names = "--database-password", defaultValue = "${env:DAYLIGHT_DATABASE_PASSWORD}",
            description = "Database password (DAYLIGHT_DATABASE_PASSWORD).")
    String databasePassword;

    @Option(names = "--data-dir", defaultValue = "${env:DAYLIGHT_DATA_DIR:-./data}",
            description = "Data directory (DAYLIGHT_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--base-url", defaultValue = "${env:DAYLIGHT_BASE_URL}",
            description = "Public address used in e-mailed links (DAYLIGHT_BASE_URL, default http://localhost:<port>).")
    String baseUrl;

    @Option(names = "--smtp-host", defaultValue = "${env:DAYLIGHT_SMTP_HOST}",
            description = "SMTP server for outgoing mail (DAYLIGHT_SMTP_HOST); none keeps mail in the outbox.")
    String smtpHost;

    @Option(names = "--smtp-port", defaultValue = "${env:DAYLIGHT_SMTP_PORT:-587}",
            description = "SMTP port (DAYLIGHT_SMTP_PORT, default ${DEFAULT-VALUE}).")
    int smtpPort;

    @Option(names = "--smtp-user", defaultValue = "${env:DAYLIGHT_SMTP_USER}", description = "SMTP user (DAYLIGHT_SMTP_USER).")
    String smtpUser;

    @Option(names = "--smtp-password", defaultValue = "${env:DAYLIGHT_SMTP_PASSWORD}",
            description = "SMTP password (DAYLIGHT_SMTP_PASSWORD).")
    String smtpPassword;

    @Option(names = "--smtp-starttls", defaultValue = "${env:DAYLIGHT_SMTP_STARTTLS:-true}",
            description = "Use STARTTLS (DAYLIGHT_SMTP_STARTTLS, default ${DEFAULT-VALUE}).")
    boolean smtpStartTls;

    @Option(names = "--mail-from", defaultValue = "${env:DAYLIGHT_MAIL_FROM:-Daylight <daylight@localhost>}",
            description = "From address of outgoing mail (DAYLIGHT_MAIL_FROM, default ${DEFAULT-VALUE}).")
    String mailFrom;

    @Option(names = "--reply-domain", defaultValue = "${env:DAYLIGHT_REPLY_DOMAIN}",
            description = "Domain of each request's reply address (DAYLIGHT_REPLY_DOMAIN, default the base URL's host).")
    String replyDomain;

    @Option(names = "--inbound-smtp-port", defaultValue = "${env:DAYLIGHT_INBOUND_SMTP_PORT}",
            description = "Receive agencies' replies with the built-in SMTP listener on this port (DAYLIGHT_INBOUND_SMTP_PORT; off when unset).")
    Integer inboundSmtpPort;

    @Option(names = "--inbound-smtp-bind", defaultValue = "${env:DAYLIGHT_INBOUND_SMTP_BIND:-127.0.0.1}",
            description = "Address the SMTP listener binds (DAYLIGHT_INBOUND_SMTP_BIND, default ${DEFAULT-VALUE}: only the "
                    + "verifying relay on this host reaches it; 0.0.0.0 to take mail from the network).")
    String inboundSmtpBind;

    @Option(names = "--inbound-sender-messages-per-day", defaultValue = "${env:DAYLIGHT_INBOUND_SENDER_MESSAGES_PER_DAY:-200}",
            description = "Messages one envelope sender may store in 24 hours (DAYLIGHT_INBOUND_SENDER_MESSAGES_PER_DAY, default ${DEFAULT-VALUE}).")
    int inboundSenderMessagesPerDay;

    @Option(names = "--inbound-sender-bytes-per-day", defaultValue = "${env:DAYLIGHT_INBOUND_SENDER_BYTES_PER_DAY:-209715200}",
            description = "Bytes one envelope sender may store in 24 hours (DAYLIGHT_INBOUND_SENDER_BYTES_PER_DAY, default ${DEFAULT-VALUE}).")
    long inboundSenderBytesPerDay;

    @Option(names = "--inbound-messages-per-connection", defaultValue = "${env:DAYLIGHT_INBOUND_MESSAGES_PER_CONNECTION:-20}",
            description = "Messages one SMTP connection may deliver (DAYLIGHT_INBOUND_MESSAGES_PER_CONNECTION, default ${DEFAULT-VALUE}).")
    int inboundMessagesPerConnection;

    @Option(names = "--inbound-trusted-relay", defaultValue = "${env:DAYLIGHT_INBOUND_TRUSTED_RELAY}",
            description = "Authserv-id of the relay in front of Daylight that checks SPF/DKIM/DMARC; its verdict is then required "
                    + "(DAYLIGHT_INBOUND_TRUSTED_RELAY).")
    String inboundTrustedRelay;

    @Option(names = "--imap-host", defaultValue = "${env:DAYLIGHT_IMAP_HOST}",
            description = "Poll this IMAP server for agencies' replies (DAYLIGHT_IMAP_HOST; off when unset).")
    String imapHost;

    @Option(names = "--imap-port", defaultValue = "${env:DAYLIGHT_IMAP_PORT:-993}", description = "IMAP port (DAYLIGHT_IMAP_PORT, default ${DEFAULT-VALUE}).")
    int imapPort;

    @Option(names = "--imap-user", defaultValue = "${env:DAYLIGHT_IMAP_USER}", description = "IMAP user (DAYLIGHT_IMAP_USER).")
    String imapUser;

    @Option(names = "--imap-password", defaultValue = "${env:DAYLIGHT_IMAP_PASSWORD}", description = "IMAP password (DAYLIGHT_IMAP_PASSWORD).")
    String imapPassword;

    @Option(names = "--imap-ssl", defaultValue = "${env:DAYLIGHT_IMAP_SSL:-true}", description = "IMAP over TLS (DAYLIGHT_IMAP_SSL, default ${DEFAULT-VALUE}).")
    boolean imapSsl;

    @Option(names = "--imap-folder", defaultValue = "${env:DAYLIGHT_IMAP_FOLDER:-INBOX}", description = "IMAP folder (DAYLIGHT_IMAP_FOLDER, default ${DEFAULT-VALUE}).")
    String imapFolder;

    @Option(names = "--imap-every", defaultValue = "${env:DAYLIGHT_IMAP_EVERY_SECONDS:-60}",
            description = "Seconds between IMAP polls (DAYLIGHT_IMAP_EVERY_SECONDS, default ${DEFAULT-VALUE}).")
    int imapEverySeconds;

    @Option(names = "--trusted-proxies", defaultValue = "${env:DAYLIGHT_TRUSTED_PROXIES}",
            description = "Comma-separated CIDR ranges of the reverse proxies whose X-Forwarded-For names the client "
                    + "(DAYLIGHT_TRUSTED_PROXIES; none: the connecting address is the client).")
    String trustedProxies;

    @Option(names = "--blobs-s3-endpoint", defaultValue = "${env:DAYLIGHT_BLOBS_S3_ENDPOINT}",
            description = "S3-compatible object storage for stored files, e.g. https://minio.internal:9000 (DAYLIGHT_BLOBS_S3_ENDPOINT; "
                    + "empty with a bucket set: AWS S3 itself).")
    String blobsS3Endpoint;

    @Option(names = "--blobs-s3-bucket", defaultValue = "${env:DAYLIGHT_BLOBS_S3_BUCKET}",
            description = "Keep stored files in this bucket instead of the data directory (DAYLIGHT_BLOBS_S3_BUCKET; unset: data/blobs).")
    String blobsS3Bucket;

    @Option(names = "--blobs-s3-region", defaultValue = "${env:DAYLIGHT_BLOBS_S3_REGION:-us-east-1}",
            description = "The bucket's region (DAYLIGHT_BLOBS_S3_REGION, default ${DEFAULT-VALUE}).")
    String blobsS3Region;

    @Option(names = "--blobs-s3-access-key", defaultValue = "${env:DAYLIGHT_BLOBS_S3_ACCESS_KEY}",
            description = "Access key (DAYLIGHT_BLOBS_S3_ACCESS_KEY; unset: the SDK's default credentials).")
    String blobsS3AccessKey;

    @Option(names = "--blobs-s3-secret-key", defaultValue = "${env:DAYLIGHT_BLOBS_S3_SECRET_KEY}",
            description = "Secret key (DAYLIGHT_BLOBS_S3_SECRET_KEY).")
    String blobsS3SecretKey;

    @Option(names = "--blobs-s3-path-style", defaultValue = "${env:DAYLIGHT_BLOBS_S3_PATH_STYLE:-true}", arity = "1",
            description = "Address the bucket as host/bucket, as MinIO and Ceph expect (DAYLIGHT_BLOBS_S3_PATH_STYLE, default ${DEFAULT-VALUE}).")
    boolean blobsS3PathStyle;

    @Option(names = "--search-cache-mb", defaultValue = "${env:DAYLIGHT_SEARCH_CACHE_MB:-256}",
            description = "Memory in MB for finished search result pages, dropped whenever a record is published or withdrawn "
                    + "(DAYLIGHT_SEARCH_CACHE_MB, default ${DEFAULT-VALUE}; 0 turns the cache off).")
    int searchCacheMb;

    @Option(names = "--debug", description = "Show the stack trace behind an error at start, not only what to do about it.")
    boolean debug;

    AppSettings toSettings(int port, Path dataDir) {
        Optional<SmtpSettings> smtp = Optional.ofNullable(smtpHost).filter(h -> !h.isBlank())
                .map(h -> new SmtpSettings(h, smtpPort, Optional.ofNullable(smtpUser).filter(u -> !u.isBlank()),
                        Optional.ofNullable(smtpPassword), smtpStartTls, mailFrom));
        String base = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl;
        AppSettings settings = new AppSettings(base, smtp, RateLimits.defaults(), dataDir, true);
        var inbound = replyDomain == null || replyDomain.isBlank() ? settings.inbound()
                : InboundSettings.disabled(replyDomain.strip());
        if (inboundSmtpPort != null) inbound = inbound.withSmtp(inboundSmtpBind, inboundSmtpPort);
        if (inboundTrustedRelay != null && !inboundTrustedRelay.isBlank()) inbound = inbound.withTrustedRelay(inboundTrustedRelay.strip());
        inbound = inbound.withLimits(new InboundSettings.Limits(inboundSenderMessagesPerDay,
                inboundSenderBytesPerDay, inboundMessagesPerConnection, InboundSettings.Limits.DEFAULTS.closedGrace()));
        if (imapHost != null && !imapHost.isBlank()) {
            inbound = inbound.withImap(new InboundSettings.Imap(imapHost, imapPort, imapUser,
                    imapPassword, imapSsl, imapFolder, Duration.ofSeconds(Math.max(5, imapEverySeconds))));
        }
        settings = settings.withInbound(inbound).withTrustedProxies(TrustedProxies.parse(trustedProxies))
                .withSearchCacheMb(Math.max(0, searchCacheMb));
        if (blobsS3Bucket != null && !blobsS3Bucket.isBlank()) {
            settings = settings.withObjectStorage(S3Settings.of(blobsS3Endpoint, blobsS3Bucket, blobsS3Region, blobsS3AccessKey,
                    blobsS3SecretKey, blobsS3PathStyle));
        }
        return settings;
    }

    DaylightConfig toConfig() {
        return new DaylightConfig(host, port, Optional.ofNullable(databaseUrl),
                Optional.ofNullable(databaseUser), Optional.ofNullable(databasePassword), dataDir);
    }
}
