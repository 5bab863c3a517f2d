package nyc.daylight.boot;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson3;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nyc.daylight.accounts.AccountRoutes;
import nyc.daylight.accounts.AccountService;
import nyc.daylight.accounts.AdminRoutes;
import nyc.daylight.accounts.Passwords;
import nyc.daylight.agencies.AgencyAdminRoutes;
import nyc.daylight.agencies.AgencyMailDomainRoutes;
import nyc.daylight.agencies.AgencyMailDomains;
import nyc.daylight.agencies.AgencyRoutes;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.agencies.DeadlineRoutes;
import nyc.daylight.api.ApiLimits;
import nyc.daylight.api.ApiRateLimiter;
import nyc.daylight.api.BearerAuth;
import nyc.daylight.db.Database;
import nyc.daylight.db.PageConnections;
import nyc.daylight.db.ServerSecrets;
import nyc.daylight.health.HealthCheck;
import nyc.daylight.health.HealthRoutes;
import nyc.daylight.health.Metrics;
import nyc.daylight.inbound.HoldingQueue;
import nyc.daylight.inbound.ImapPoller;
import nyc.daylight.inbound.InboundMail;
import nyc.daylight.inbound.InboundRoutes;
import nyc.daylight.inbound.MessageFiling;
import nyc.daylight.inbound.ReplyPage;
import nyc.daylight.inbound.ReplyReview;
import nyc.daylight.inbound.SmtpListener;
import nyc.daylight.inbound.StepConfirmation;
import nyc.daylight.lifecycle.DeadlineWatcher;
import nyc.daylight.lifecycle.OfficerActions;
import nyc.daylight.lifecycle.OfficerRoutes;
import nyc.daylight.lifecycle.RequesterActions;
import nyc.daylight.lifecycle.RequesterLifecycleRoutes;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.OutboxWorker;
import nyc.daylight.records.BlobStore;
import nyc.daylight.releases.Publisher;
import nyc.daylight.releases.RecordIndexer;
import nyc.daylight.releases.RecordLibrary;
import nyc.daylight.releases.RecordPipeline;
import nyc.daylight.releases.RecordRoutes;
import nyc.daylight.releases.ReviewRoutes;
import nyc.daylight.releases.ReviewService;
import nyc.daylight.requests.OverdueList;
import nyc.daylight.requests.RequestApiRoutes;
import nyc.daylight.requests.RequestFeeds;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.requests.RequestPageExtras;
import nyc.daylight.requests.RequestRoutes;
import nyc.daylight.requests.RequestService;
import nyc.daylight.scorecards.OpenData;
import nyc.daylight.scorecards.ScorecardRoutes;
import nyc.daylight.scorecards.ScorecardService;
import nyc.daylight.site.SiteRoutes;
import nyc.daylight.web.CsrfTokens;
import nyc.daylight.web.ErrorPages;
import nyc.daylight.web.InputCharacters;
import nyc.daylight.web.Role;
import nyc.daylight.web.Routes;
import nyc.daylight.web.Templates;
import nyc.daylight.web.TrustedProxies;
import nyc.daylight.web.WebSession;
import org.jooq.DSLContext;

/**
 * Builds the whole application with plain constructors and returns it unstarted, so tests start
 * the very same app on port 0 against their own database.
 */
public final class DaylightApp {
    public static final String VERSION = "0.1.0";

    private final DataSource dataSource;
    private final Clock clock;
    private final AppSettings settings;
    private final java.util.List<String> routeTable = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile nyc.daylight.records.index.RecordIndex servedIndex;

    public DaylightApp(DataSource dataSource, Clock clock, AppSettings settings) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.settings = settings;
    }

    /** Every GET and POST route, as "METHOD /path", once {@link #create()} has run: for the authorization matrix test. */
    public java.util.List<String> routeTable() {
        return java.util.List.copyOf(routeTable);
    }

    private boolean demoDatabase() {
        try {
            return nyc.daylight.requests.DemoData.isDemo(Database.dsl(dataSource));
        } catch (RuntimeException e) {
            return false; // database down at start: /health reports it
        }
    }

    /** The records index the app serves, once {@link #create()} has run: for the search benchmark, which publishes into it under load. */
    public nyc.daylight.records.index.RecordIndex servedIndex() {
        if (servedIndex == null) throw new IllegalStateException("create() has not run");
        return servedIndex;
    }

    private nyc.daylight.records.index.RecordIndex openRecordIndex() {
        try {
            return new nyc.daylight.records.index.RecordIndex(settings.indexDir(), (long) settings.searchCacheMb() << 20,
                    settings.searchCountLimit());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot open the records index in " + settings.indexDir(), e);
        }
    }

    public Javalin create() {
        Templates templates = new Templates(VERSION, demoDatabase());
        ErrorPages errors = new ErrorPages(templates);
        PageConnections connections = new PageConnections(dataSource);
        DSLContext dsl = Database.dsl(connections);
        // Where agencies' answers (and bounces) come back, when Daylight receives mail at all.
        java.util.Optional<String> replyDomain = settings.inbound().enabled()
                ? java.util.Optional.of(settings.inbound().replyDomain()) : java.util.Optional.empty();
        OutboxWorker outbox = new OutboxWorker(dsl, settings.smtp(), replyDomain);
        Mailer mailer = new Mailer(outbox::wake, replyDomain);
        // Agencies and calendars in memory until an admin edits them (one cache for the whole app).
        AgencyService agencies = new AgencyService(dsl, new nyc.daylight.agencies.AgencyCache());
        AccountService accounts = new AccountService(dsl, new Passwords(), mailer, agencies, settings.baseUrl(),
                settings.rateLimits());
        WebSession session = new WebSession(accounts, new CsrfTokens(() -> new ServerSecrets(dsl).get(ServerSecrets.CSRF)));
        BlobStore blobs = BlobStores.open(settings);
        // Capped counts of each agency's requests, kept until its requests generation moves (V31).
        nyc.daylight.db.CountCache counts = new nyc.daylight.db.CountCache();
        RequestService requests = new RequestService(dsl, agencies, mailer, templates, clock, settings.baseUrl(), blobs, counts);
        RequestLedger ledger = new RequestLedger(agencies, clock);
        OverdueList overdue = new OverdueList(dsl, agencies, clock, counts);
        servedIndex = openRecordIndex();
        RecordIndexer indexer = new RecordIndexer(dsl, servedIndex);
        nyc.daylight.records.extract.Extractor extractor = new nyc.daylight.records.extract.Extractor(
                nyc.daylight.records.extract.ExtractionLimits.defaults(), nyc.daylight.records.extract.Ocr.tesseractIfInstalled());
        RecordPipeline pipeline = new RecordPipeline(dsl, blobs, extractor, clock);
        ReviewService reviews = new ReviewService(dsl, agencies);
        Publisher publisher = new Publisher(dsl, agencies, blobs, indexer, clock);
        nyc.daylight.correspondents.CorrespondentFollower correspondents = new nyc.daylight.correspondents.CorrespondentFollower(dsl);
        publisher.alsoAfterEachChange(correspondents::afterPublication);
        RecordLibrary library = new RecordLibrary(dsl, agencies, blobs, indexer, clock);
        // Pages released by two agencies: linked from the publication log, after each change and on a timer.
        nyc.daylight.duplicates.DuplicateLinker duplicates = new nyc.daylight.duplicates.DuplicateLinker(dsl, new nyc.daylight.db.JobLocks(dsl));
        publisher.alsoAfterEachChange(duplicates::afterPublication);
        nyc.daylight.duplicates.DuplicateRoutes duplicateRoutes = new nyc.daylight.duplicates.DuplicateRoutes(
                new nyc.daylight.duplicates.Copies(dsl, library, agencies), library);
        OfficerActions officerActions = new OfficerActions(dsl, agencies, ledger, mailer, blobs,
                (requestId, agencyId, attachmentId, blob, name, officerId) -> {
                    try {
                        // Dated by the record itself (a PDF's creation date), else by the day it was released.
                        pipeline.ingest(new RecordPipeline.Origin(attachmentId, requestId, agencyId, officerId, "AGENCY_RELEASE", null,
                                null), name, blob);
                    } catch (RuntimeException e) {
                        // The release stands; the file is read again at the next start (RecordPipeline.ingestMissing).
                        org.slf4j.LoggerFactory.getLogger(DaylightApp.class).error("Reading released file {} failed", name, e);
                    }
                },
                clock, settings.baseUrl());
        ReplyReview replyReview = new ReplyReview(dsl, agencies, clock);
        // Asked at every brief and export, not once at start: the files say "demo" exactly when the data is.
        java.util.function.BooleanSupplier demoData = () -> nyc.daylight.requests.DemoData.isDemo(dsl);
        MessageFiling filing = new MessageFiling(dsl, agencies, ledger, mailer, blobs,
                (requestId, agencyId, attachmentId, blob, name, received) -> pipeline.ingest(new RecordPipeline.Origin(attachmentId,
                        requestId, agencyId, null, "EMAIL", "received by e-mail", received), name, blob),
                replyReview, settings.inbound(), clock, settings.baseUrl());
        InboundMail inbound = new InboundMail(dsl, agencies, filing, settings.inbound(), clock);
        ReplyPage replyPage = new ReplyPage(dsl, agencies, replyReview, settings.inbound());
        RequesterActions requesterActions = new RequesterActions(dsl, agencies, ledger, mailer, clock, settings.baseUrl());
        DeadlineWatcher watcher = new DeadlineWatcher(dsl, agencies, ledger, mailer, clock, settings.baseUrl(), true);
        nyc.daylight.alerts.SavedSearches savedSearches = new nyc.daylight.alerts.SavedSearches(dsl, library, clock);
        watcher.alsoEachPass(new nyc.daylight.alerts.AlertSender(dsl, library, mailer, clock, settings.baseUrl())::runOnce);
        Metrics metrics = new Metrics(dataSource, dsl);
        metrics.watch(watcher, indexer);
        nyc.daylight.api.ApiTokenService apiTokens = new nyc.daylight.api.ApiTokenService(dsl, accounts);
        ApiLimits apiLimits = new ApiLimits(new ApiRateLimiter(settings.rateLimits().apiPerMinute(), clock),
                new ApiRateLimiter(settings.rateLimits().apiWritesPerMinute(), clock));
        BearerAuth bearer = new BearerAuth(apiTokens);
        nyc.daylight.mandates.Mandates mandates = new nyc.daylight.mandates.Mandates(dsl, agencies, clock);
        nyc.daylight.agencies.AgencyChannels agencyChannels = new nyc.daylight.agencies.AgencyChannels(dsl, agencies, clock);
        Routes routes = new Routes(connections, session, List.<java.util.function.Consumer<io.javalin.config.RoutesConfig>>of(
                r -> {
                    r.before(metrics::before);
                    r.after(metrics::after);
                },
                r -> {
                    // The token first: it decides which bucket the call spends.
                    r.before("/api/*", bearer::before);
                    r.before("/api/*", apiLimits::before);
                    // The search page costs what the search API costs: same pace, same bucket.
                    r.before("/records", apiLimits::before);
                }), List.of(
                new InputCharacters()::register,
                new HealthRoutes(new HealthCheck(dsl, VERSION, indexer::caughtUp, indexer::lag),
                        new nyc.daylight.health.Readiness(dsl, indexer::caughtUp, indexer::lag, nyc.daylight.health.Readiness.MAX_INDEX_LAG))::register,
                // The home page's activity: the five newest listed requests and how many are overdue (one capped count).
                new SiteRoutes(() -> Map.of(
                        "recent", requests.list(new nyc.daylight.requests.RequestFilter(null, null, null, null, 5)).items(),
                        "overdue", overdue.page(new OverdueList.Filter(null, null, false, null, 1))))::register,
                new AccountRoutes(accounts, session)::register,
                new AdminRoutes(accounts, agencies, outbox)::register,
                new AgencyRoutes(agencies, agencyChannels, clock, (slug, sort, size) -> {
                    nyc.daylight.requests.ListSort order = nyc.daylight.requests.ListSort.parse(sort);
                    return Map.of("page", requests.list(new nyc.daylight.requests.RequestFilter(slug, null, null, null, size, order)),
                            "sort", order.name(), "sorts", nyc.daylight.requests.ListSort.values());
                })::register,
                new AgencyAdminRoutes(agencies, agencyChannels)::register,
                new AgencyMailDomainRoutes(new AgencyMailDomains(dsl, agencies, clock))::register,
                new DeadlineRoutes(agencies, clock)::register,
                // Before RequestRoutes: /requests/track must not be read as a request number.
                new nyc.daylight.requests.TrackRoutes(requests, agencies)::register,
                new nyc.daylight.requests.PairRoutes(requests)::register,
                new nyc.daylight.requests.RequestListRoutes(requests, agencies, overdue)::register,
                new RequestRoutes(requests, agencies, RequestPageExtras.all(List.of(
                        replyPage::forViewer,
                        (number, viewer) -> Map.of("records", library.publishedFor(number)))),
                        new nyc.daylight.mandates.MandatePrefill(mandates))::register,
                new InboundRoutes(new StepConfirmation(dsl, agencies, ledger, clock), replyPage,
                        new HoldingQueue(dsl, blobs, filing, clock), replyReview)::register,
                new RequestApiRoutes(requests, overdue)::register,
                new RequestFeeds(requests, agencies, overdue, settings.baseUrl())::register,
                new nyc.daylight.api.ApiDocsRoutes()::register,
                new nyc.daylight.api.TokenRoutes(apiTokens)::register,
                new nyc.daylight.api.ApiWriteRoutes(requests, officerActions)::register,
                metrics::register,
                new OfficerRoutes(dsl, officerActions, agencies, ledger, clock, library::allFor, replyPage::forViewer,
                        counts)::register,
                new ScorecardRoutes(new ScorecardService(dsl, agencies, clock, demoData), agencies, new OpenData(dsl, clock, demoData),
                        settings.baseUrl())::register,
                new RequesterLifecycleRoutes(requesterActions, new nyc.daylight.lifecycle.SiblingLetters(dsl, agencies, ledger, mailer,
                        requesterActions, clock, settings.baseUrl()))::register,
                new nyc.daylight.court.CourtRoutes(new nyc.daylight.court.Article78Bundles(requests, agencies, clock,
                        settings.baseUrl()))::register,
                new nyc.daylight.lifecycle.DigestRoutes(new nyc.daylight.lifecycle.DigestSettings(dsl))::register,
                new ReviewRoutes(reviews, publisher, new nyc.daylight.releases.BulkRedactions(dsl, agencies),
                        new nyc.daylight.releases.PageImages(dsl, agencies, blobs))::register,
                // Before RecordRoutes: /records/correspondents must not be read as a record id.
                new nyc.daylight.correspondents.CorrespondentRoutes(new nyc.daylight.correspondents.CorrespondentIndex(dsl, clock))::register,
                new RecordRoutes(library, agencies, settings.baseUrl(), duplicateRoutes::forViewer)::register,
                duplicateRoutes::register,
                new nyc.daylight.alerts.AlertRoutes(savedSearches)::register,
                new nyc.daylight.mandates.MandateRoutes(mandates)::register,
                new nyc.daylight.mandates.MandateAdminRoutes(mandates)::register,
                errors::register));
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Every ctx.ip() (sign-in and sign-up limits, API buckets, metrics) is the client as TrustedProxies reads it.
            config.contextResolver.ip = ctx -> settings.trustedProxies().clientOf(ctx.req().getRemoteAddr(),
                    java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
            // And every ctx.scheme() (Secure cookies, HSTS) believes X-Forwarded-Proto only from a trusted proxy.
            config.contextResolver.scheme = ctx -> settings.trustedProxies().schemeOf(ctx.req().getRemoteAddr(), ctx.req().getScheme(),
                    ctx.header("X-Forwarded-Proto"));
            config.fileRenderer(templates);
            // Dates as ISO-8601 strings ("2026-03-09"), not arrays.
            config.jsonMapper(new JavalinJackson3(tools.jackson.databind.json.JsonMapper.builder()
                    .disable(tools.jackson.databind.cfg.DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build(), false));
            config.http.maxRequestSize = 1_000_000;
            // Uploads stream to disk; the blob store enforces the 20 MB limit with a clear message.
            config.jetty.multipartConfig.maxFileSize(25, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(26, SizeUnit.MB);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/daylight/web/static";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Role.PUBLIC);
                // Asset URLs carry ?v=<version>, so a long cache is safe across upgrades.
                files.headers = Map.of("Cache-Control", "public, max-age=604800");
            });
            config.events.handlerAdded(info -> {
                String method = info.getHttpMethod().name();
                if (method.equals("GET") || method.equals("POST")) routeTable.add(method + " " + info.getPath());
            });
            routes.register(config.routes);
            config.events.serverStarted(outbox::start);
            config.events.serverStarted(indexer::start);
            config.events.serverStarted(correspondents::start);
            config.events.serverStopping(correspondents::close);
            config.events.serverStarted(() -> Thread.ofVirtual().name("ingest-missing").start(() -> {
                try {
                    pipeline.ingestMissing();
                } catch (RuntimeException e) {
                    // Database down at start: /health says so; the files are read at the next start.
                    org.slf4j.LoggerFactory.getLogger(DaylightApp.class).warn("Could not look for unread released files: {}", e.getMessage());
                }
            }));
            config.events.serverStarted(() -> Thread.ofVirtual().name("count-redacted-words").start(() -> {
                try {
                    new nyc.daylight.releases.RedactedWordsBackfill(dsl).runOnce();
                } catch (RuntimeException e) {
                    // Database down at start: the records are counted at the next start.
                    org.slf4j.LoggerFactory.getLogger(DaylightApp.class).warn("Could not count the words of older records: {}", e.getMessage());
                }
            }));
            config.events.serverStarted(duplicates::start);
            config.events.serverStopping(duplicates::close);
            config.events.serverStopping(indexer::close);
            config.events.serverStopping(extractor::close);
            config.events.serverStopping(outbox::close);
            config.events.serverStopped(() -> BlobStores.close(blobs));
            settings.inbound().smtpPort().ifPresent(port -> {
                SmtpListener listener = new SmtpListener(inbound, settings.inbound().smtpBind(), port);
                config.events.serverStarted(listener::start);
                config.events.serverStopping(listener::close);
            });
            settings.inbound().imap().ifPresent(mailbox -> {
                ImapPoller poller = new ImapPoller(inbound, mailbox, new nyc.daylight.db.JobLocks(dsl));
                config.events.serverStarted(poller::start);
                config.events.serverStopping(poller::close);
            });
            if (settings.watchDeadlines()) {
                config.events.serverStarted(() -> watcher.start(settings.firstDeadlineCheck()));
                config.events.serverStopping(watcher::close);
            }
        });
    }
}
