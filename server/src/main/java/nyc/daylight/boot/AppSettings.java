package nyc.daylight.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.inbound.InboundSettings;
import nyc.daylight.notify.SmtpSettings;
import nyc.daylight.records.S3Settings;
import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.web.TrustedProxies;

/**
 * What the running application needs beyond its database and clock.
 *
 * @param baseUrl the public address, used in links sent by e-mail (no trailing slash)
 * @param firstDeadlineCheck how long after start the deadline watcher makes its first pass
 * @param trustedProxies whose {@code X-Forwarded-For} names the client (none: the connecting address does)
 * @param objectStorage the bucket stored files live in; empty: {@link #blobDir()} in the data directory
 * @param searchCacheMb  memory for finished search result pages ({@code DAYLIGHT_SEARCH_CACHE_MB}); 0 turns the cache off
 * @param searchCountLimit matching pages counted exactly; past it the search page says "10,000+" (tests lower it)
 */
public record AppSettings(String baseUrl, Optional<SmtpSettings> smtp, RateLimits rateLimits, Path dataDir,
                          boolean watchDeadlines, Duration firstDeadlineCheck, InboundSettings inbound,
                          TrustedProxies trustedProxies, Optional<S3Settings> objectStorage, int searchCacheMb, int searchCountLimit) {
    /** Enough for tens of thousands of result pages (a page of 20 hits with snippets is ~15 KB). */
    public static final int DEFAULT_SEARCH_CACHE_MB = 256;

    public AppSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (inbound == null) inbound = InboundSettings.disabled(hostOf(baseUrl));
        if (trustedProxies == null) trustedProxies = TrustedProxies.none();
        if (objectStorage == null) objectStorage = Optional.empty();
        if (searchCountLimit < 1) throw new IllegalArgumentException("The search count limit must be at least 1: " + searchCountLimit);
        if (searchCacheMb < 0) throw new IllegalArgumentException("The search cache size must not be negative: " + searchCacheMb);
    }

    /** Stored files in the data directory, the default search cache and count limit. */
    public AppSettings(String baseUrl, Optional<SmtpSettings> smtp, RateLimits rateLimits, Path dataDir,
                       boolean watchDeadlines, Duration firstDeadlineCheck, InboundSettings inbound, TrustedProxies trustedProxies) {
        this(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, firstDeadlineCheck, inbound, trustedProxies, Optional.empty(),
                DEFAULT_SEARCH_CACHE_MB, RecordIndex.DEFAULT_COUNT_LIMIT);
    }

    /**
     * The first deadline pass half a minute after start (the node serves before it catches up on
     * notices), and no inbound e-mail (letters keep the requester's address as Reply-To).
     */
    public AppSettings(String baseUrl, Optional<SmtpSettings> smtp, RateLimits rateLimits, Path dataDir, boolean watchDeadlines) {
        this(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, Duration.ofSeconds(30), null, null);
    }

    public static AppSettings local(int port, Path dataDir) {
        return new AppSettings("http://localhost:" + port, Optional.empty(), RateLimits.defaults(), dataDir, true);
    }

    private static String hostOf(String url) {
        String host = java.net.URI.create(url).getHost();
        return host == null ? "localhost" : host;
    }

    /** Stored files in this bucket instead of the data directory. */
    public AppSettings withObjectStorage(S3Settings bucket) {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, firstDeadlineCheck, inbound, trustedProxies,
                Optional.of(bucket), searchCacheMb, searchCountLimit);
    }

    public AppSettings withInbound(InboundSettings inbound) {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, firstDeadlineCheck, inbound, trustedProxies,
                objectStorage, searchCacheMb, searchCountLimit);
    }

    public AppSettings withTrustedProxies(TrustedProxies proxies) {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, firstDeadlineCheck, inbound, proxies,
                objectStorage, searchCacheMb, searchCountLimit);
    }

    /** Tests run the deadline watcher by hand, with their own clock, instead of on a timer. */
    public AppSettings withoutDeadlineWatcher() {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, false, firstDeadlineCheck, inbound, trustedProxies,
                objectStorage, searchCacheMb, searchCountLimit);
    }

    public AppSettings withSearchCacheMb(int mb) {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, firstDeadlineCheck, inbound, trustedProxies,
                objectStorage, mb, searchCountLimit);
    }

    public AppSettings withSearchCountLimit(int pages) {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, firstDeadlineCheck, inbound, trustedProxies,
                objectStorage, searchCacheMb, pages);
    }

    public AppSettings withFirstDeadlineCheck(Duration after) {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, after, inbound, trustedProxies,
                objectStorage, searchCacheMb, searchCountLimit);
    }

    /** The Lucene index of published record pages: derived data, rebuilt by {@code daylight reindex}. */
    public Path indexDir() {
        return dataDir.resolve("index");
    }

    /** Where uploaded and released files are stored, content-addressed, unless {@link #objectStorage()} names a bucket. */
    public Path blobDir() {
        return dataDir.resolve("blobs");
    }
}
