package nyc.daylight.cli;

import nyc.daylight.boot.AppSettings;
import nyc.daylight.core.BadInput;
import nyc.daylight.db.Database;
import nyc.daylight.boot.DaylightApp;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.web.TrustedProxies;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import nyc.daylight.inbound.InboundSettings;
import nyc.daylight.notify.SmtpSettings;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code daylight serve | migrate}: the command line of the one runnable jar. */
@Command(name = "daylight", mixinStandardHelpOptions = true, version = "Daylight " + DaylightApp.VERSION,
        description = "A public FOIL request portal.",
        subcommands = {Main.Serve.class, Main.Migrate.class, Main.Admin.class, Main.Import.class, Main.Records.class, Main.Reindex.class, Main.BackupCommand.class, Main.RestoreCommand.class})
public final class Main implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A command that only groups subcommands: run alone, it prints their usage. */
    abstract static class CommandGroup implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    /** Each option falls back to its DAYLIGHT_* environment variable, then to the default. */
    static final class ConfigOptions {
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

        AppSettings toSettings(int port, Path dataDir) {
            Optional<SmtpSettings> smtp = Optional.ofNullable(smtpHost).filter(h -> !h.isBlank())
                    .map(h -> new SmtpSettings(h, smtpPort, Optional.ofNullable(smtpUser).filter(u -> !u.isBlank()),
                            Optional.ofNullable(smtpPassword), smtpStartTls, mailFrom));
            String base = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl;
            AppSettings settings = new AppSettings(base, smtp, nyc.daylight.accounts.RateLimits.defaults(), dataDir, true);
            var inbound = replyDomain == null || replyDomain.isBlank() ? settings.inbound()
                    : InboundSettings.disabled(replyDomain.strip());
            if (inboundSmtpPort != null) inbound = inbound.withSmtp(inboundSmtpBind, inboundSmtpPort);
            if (inboundTrustedRelay != null && !inboundTrustedRelay.isBlank()) inbound = inbound.withTrustedRelay(inboundTrustedRelay.strip());
            inbound = inbound.withLimits(new InboundSettings.Limits(inboundSenderMessagesPerDay,
                    inboundSenderBytesPerDay, inboundMessagesPerConnection, InboundSettings.Limits.DEFAULTS.closedGrace()));
            if (imapHost != null && !imapHost.isBlank()) {
                inbound = inbound.withImap(new InboundSettings.Imap(imapHost, imapPort, imapUser,
                        imapPassword, imapSsl, imapFolder, java.time.Duration.ofSeconds(Math.max(5, imapEverySeconds))));
            }
            return settings.withInbound(inbound).withTrustedProxies(TrustedProxies.parse(trustedProxies));
        }

        DaylightConfig toConfig() {
            return new DaylightConfig(host, port, Optional.ofNullable(databaseUrl),
                    Optional.ofNullable(databaseUser), Optional.ofNullable(databasePassword), dataDir);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Migrate the database and serve the portal until interrupted.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Option(names = "--demo", description = "Fill an empty database with a clearly labelled synthetic dataset.")
        boolean demo;

        @Option(names = "--deadline-check-delay", defaultValue = "${env:DAYLIGHT_DEADLINE_CHECK_DELAY:-30}",
                description = "Seconds from start to the deadline watcher's first pass, then every 15 minutes "
                        + "(DAYLIGHT_DEADLINE_CHECK_DELAY, default ${DEFAULT-VALUE}).")
        int deadlineCheckDelay;

        @Override
        public Integer call() throws Exception {
            DaylightConfig config = options.toConfig();
            Database database = Database.open(config.database());
            try {
                int applied = Database.migrate(database.dataSource());
                log.info("Database ready ({} migration(s) applied)", applied);
                if (demo) {
                    var dsl = Database.dsl(database.dataSource());
                    var agencies = new nyc.daylight.agencies.AgencyService(dsl);
                    try {
                        int made = new nyc.daylight.requests.DemoData(dsl, agencies,
                                new nyc.daylight.requests.RequestLedger(agencies, Clock.systemUTC()), Clock.systemUTC()).fill(300);
                        if (made > 0) log.info("Demo data: {} synthetic requests created", made);
                    } catch (IllegalStateException e) {
                        System.err.println("Refusing --demo: " + e.getMessage());
                        database.close();
                        return 2;
                    }
                }
                Javalin app = new DaylightApp(database.dataSource(), Clock.systemUTC(),
                        options.toSettings(config.port(), config.dataDir())
                                .withFirstDeadlineCheck(java.time.Duration.ofSeconds(Math.max(0, deadlineCheckDelay)))).create();
                CountDownLatch stopped = new CountDownLatch(1);
                // Ctrl-C: stop taking requests, then stop PostgreSQL, so no process is orphaned.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    app.stop();
                    database.close();
                    stopped.countDown();
                }, "daylight-shutdown"));
                app.start(config.host(), config.port());
                log.info("Daylight is running: open http://localhost:{}/", app.port());
                stopped.await();
                return 0;
            } catch (Exception e) {
                database.close();
                throw e;
            }
        }
    }

    @Command(name = "admin", mixinStandardHelpOptions = true, description = "Administrator accounts.",
            subcommands = {AdminCreate.class})
    static final class Admin extends CommandGroup {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create the first administrator, or make an existing account one.")
    static final class AdminCreate implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Option(names = "--email", required = true, description = "The administrator's e-mail address.")
        String email;

        @Option(names = "--password", interactive = true, arity = "0..1",
                description = "Asked for when not given; or set DAYLIGHT_ADMIN_PASSWORD.")
        char[] password;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String pw = password != null && password.length > 0 ? new String(password) : System.getenv("DAYLIGHT_ADMIN_PASSWORD");
            if (pw == null || pw.isEmpty()) {
                spec.commandLine().getErr().println("Give a password with --password (asked for interactively) or DAYLIGHT_ADMIN_PASSWORD.");
                return 2;
            }
            try (Database database = Database.open(options.toConfig().database())) {
                Database.migrate(database.dataSource());
                var dsl = Database.dsl(database.dataSource());
                var agencies = new nyc.daylight.agencies.AgencyService(dsl);
                var accounts = new nyc.daylight.accounts.AccountService(dsl, new nyc.daylight.accounts.Passwords(),
                        new nyc.daylight.notify.Mailer(() -> { }), agencies, options.toSettings(options.port, options.dataDir).baseUrl());
                accounts.createAdmin(email, pw);
                spec.commandLine().getOut().println("Administrator " + email.strip() + " is ready: sign in at /signin.");
                return 0;
            } catch (BadInput e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import data from elsewhere.",
            subcommands = {ImportRequests.class})
    static final class Import extends CommandGroup {
    }

    @Command(name = "requests", mixinStandardHelpOptions = true,
            description = "Import an agency's past FOIL log (CSV) as requests with their events; all rows or none.")
    static final class ImportRequests implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @CommandLine.Parameters(index = "0", description = "The CSV file (columns in docs/open-data.md).")
        Path file;

        @Option(names = "--agency", required = true, description = "The agency's slug, e.g. doc.")
        String agency;

        @Option(names = "--source", required = true, description = "Where the log came from, e.g. \"DOC FOIL log, 2019–2024\".")
        String source;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Database database = Database.open(options.toConfig().database());
                 var reader = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                Database.migrate(database.dataSource());
                var dsl = Database.dsl(database.dataSource());
                var agencies = new nyc.daylight.agencies.AgencyService(dsl);
                var result = new nyc.daylight.requests.RequestImporter(dsl, agencies,
                        new nyc.daylight.requests.RequestLedger(agencies, Clock.systemUTC())).importCsv(reader, agency, source);
                if (!result.ok()) {
                    spec.commandLine().getErr().println("Nothing was imported. Problems:");
                    result.problems().forEach(p -> spec.commandLine().getErr().println("  line " + p.line() + ": " + p.message()));
                    return 1;
                }
                spec.commandLine().getOut().println("Imported " + result.imported() + " request(s) for " + agency + ".");
                return 0;
            } catch (java.nio.file.NoSuchFileException e) {
                spec.commandLine().getErr().println("No such file: " + file);
                return 2;
            }
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply pending database migrations and exit.")
    static final class Migrate implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            try (Database database = Database.open(options.toConfig().database())) {
                int applied = Database.migrate(database.dataSource());
                System.out.println("Applied " + applied + " migration(s) to " + database.jdbcUrl());
                return 0;
            }
        }
    }

    @Command(name = "records", mixinStandardHelpOptions = true, description = "Released records.",
            subcommands = {ImportRecords.class})
    static final class Records extends CommandGroup {
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import records released outside the portal through the same extraction and review pipeline. "
                    + "The running server indexes what gets published within seconds.")
    static final class ImportRecords implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @CommandLine.Parameters(index = "0", description = "Directory of files (PDF, e-mail, spreadsheets, Word, text, ZIP).")
        Path dir;

        @Option(names = "--agency", required = true, description = "The releasing agency's slug, e.g. nypd.")
        String agency;

        @Option(names = "--request", description = "The Daylight request they answer, e.g. DL-2026-000123.")
        String request;

        @Option(names = "--source", required = true, description = "Where they came from, e.g. \"Released in Doe v. City, 2025\".")
        String source;

        @Option(names = "--publish", description = "Publish at once each document with no personal-data findings; the rest wait for review.")
        boolean publish;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Database database = Database.open(options.toConfig().database());
                 var extractor = new nyc.daylight.records.extract.Extractor(nyc.daylight.records.extract.ExtractionLimits.defaults(),
                         nyc.daylight.records.extract.Ocr.tesseractIfInstalled())) {
                Database.migrate(database.dataSource());
                var dsl = Database.dsl(database.dataSource());
                var agencies = new nyc.daylight.agencies.AgencyService(dsl);
                AppSettings settings = options.toSettings(options.port, options.dataDir);
                var blobs = new nyc.daylight.records.BlobStore(settings.blobDir());
                var pipeline = new nyc.daylight.releases.RecordPipeline(dsl, blobs, extractor);
                var publisher = new nyc.daylight.releases.Publisher(dsl, agencies, blobs, null, Clock.systemUTC());
                var out = new java.io.PrintWriter(spec.commandLine().getOut(), true);
                var summary = new nyc.daylight.releases.RecordImporter(dsl, agencies, blobs, pipeline, publisher, Clock.systemUTC())
                        .importDirectory(dir, agency, request, source, publish, out);
                summary.print(out);
                return summary.exitCode();
            } catch (BadInput e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            } catch (Exception e) {
                // Files fail one by one inside the import; what reaches here stopped it from running (the database is down).
                spec.commandLine().getErr().println("The import could not run: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "reindex", mixinStandardHelpOptions = true,
            description = "Rebuild the records search index from the database (stop the server first).")
    static final class Reindex extends DataCommand {
        @Override
        int run(Database database, AppSettings settings, java.io.PrintWriter out) throws Exception {
            nyc.daylight.records.index.RecordIndex index;
            try {
                index = new nyc.daylight.records.index.RecordIndex(settings.indexDir());
            } catch (org.apache.lucene.store.LockObtainFailedException e) {
                throw new IllegalArgumentException("The index is in use: stop the running server, then reindex.");
            }
            try (var indexer = new nyc.daylight.releases.RecordIndexer(Database.dsl(database.dataSource()), index)) {
                int n = indexer.rebuild();
                out.println("Reindexed " + n + " document(s); " + index.pageCount() + " page(s) are searchable.");
            }
            return 0;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write the database (one consistent snapshot) and the stored files to a new directory, with a manifest of checksums.")
    static final class BackupCommand extends DataCommand {
        @CommandLine.Parameters(index = "0", description = "A new, empty directory.")
        Path dir;

        @Override
        int run(Database database, AppSettings settings, java.io.PrintWriter out) throws Exception {
            var m = new nyc.daylight.db.Backup(database.dataSource()).write(dir, settings.blobDir());
            long rows = m.rows().values().stream().mapToLong(Long::longValue).sum();
            out.println("Backed up " + rows + " rows in " + m.rows().size() + " tables and " + m.blobs() + " files (schema "
                    + m.schemaVersion() + ") to " + dir);
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Restore a backup into an empty database and data directory, then rebuild the search index.")
    static final class RestoreCommand extends DataCommand {
        @CommandLine.Parameters(index = "0", description = "A directory written by daylight backup.")
        Path dir;

        @Override
        int run(Database database, AppSettings settings, java.io.PrintWriter out) throws Exception {
            var m = new nyc.daylight.db.Backup(database.dataSource()).restore(dir, settings.blobDir());
            try (var indexer = new nyc.daylight.releases.RecordIndexer(Database.dsl(database.dataSource()),
                    new nyc.daylight.records.index.RecordIndex(settings.indexDir()))) {
                int docs = indexer.rebuild();
                out.println("Restored the backup of " + m.createdAt() + " (" + m.blobs() + " files); " + docs
                        + " published record(s) reindexed.");
            }
            return 0;
        }
    }

    /**
     * A command that works on the database and the data directory: opens and migrates the
     * database, builds the settings, and turns a refusal (IllegalArgumentException) into its
     * message and exit code 2.
     */
    abstract static class DataCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract int run(Database database, AppSettings settings, java.io.PrintWriter out) throws Exception;

        @Override
        public Integer call() throws Exception {
            try (Database database = Database.open(options.toConfig().database())) {
                Database.migrate(database.dataSource());
                return run(database, options.toSettings(options.port, options.dataDir), spec.commandLine().getOut());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
        }
    }
}
