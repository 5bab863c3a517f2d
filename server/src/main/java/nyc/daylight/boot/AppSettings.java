package nyc.daylight.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.inbound.InboundSettings;
import nyc.daylight.notify.SmtpSettings;
import nyc.daylight.web.TrustedProxies;

/**
 * What the running application needs beyond its database and clock.
 *
 * @param baseUrl the public address, used in links sent by e-mail (no trailing slash)
 * @param firstDeadlineCheck how long after start the deadline watcher makes its first pass
 * @param trustedProxies whose {@code X-Forwarded-For} names the client (none: the connecting address does)
 * @param searchCacheMb  memory for finished search result pages ({@code DAYLIGHT_SEARCH_CACHE_MB}); 0 turns the cache off
 * @param searchCountLimit matching pages counted exactly; past it the search page says "10,000+" (tests lower it)
 */
public record AppSettings(String baseUrl, Optional<SmtpSettings> smtp, RateLimits rateLimits, Path dataDir,
                          boolean watchDeadlines, Duration firstDeadlineCheck, InboundSettings inbound,
                          TrustedProxies trustedProxies, int searchCacheMb, int searchCountLimit) {
    /** Enough for tens of thousands of result pages (a page of 20 hits with snippets is ~15 KB). */
    public static final int DEFAULT_SEARCH_CACHE_MB = 64;

    public AppSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (inbound == null) inbound = InboundSettings.disabled(hostOf(baseUrl));
        if (trustedProxies == null) trustedProxies = TrustedProxies.none();
        if (searchCountLimit < 1) throw new IllegalArgumentException("The search count limit must be at least 1: " + searchCountLimit);
        if (searchCacheMb < 0) throw new IllegalArgumentException("The search cache size must not be negative: " + searchCacheMb);
    }

    private static String hostOf(String url) {
        String host = java.net.URI.create(url).getHost();
        return host == null ? "localhost" : host;
    }

    public AppSettings withInbound(InboundSettings inbound) {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, firstDeadlineCheck, inbound, trustedProxies, searchCacheMb, searchCountLimit);
    }

    public AppSettings withTrustedProxies(TrustedProxies proxies) {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, firstDeadlineCheck, inbound, proxies, searchCacheMb, searchCountLimit);
    }

    /**
     * The first deadline pass half a minute after start (the node serves before it catches up on
     * notices), and no inbound e-mail (letters keep the requester's address as Reply-To).
     */
    public AppSettings(String baseUrl, Optional<SmtpSettings> smtp, RateLimits rateLimits, Path dataDir, boolean watchDeadlines) {
        this(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, Duration.ofSeconds(30), null, null, DEFAULT_SEARCH_CACHE_MB,
                nyc.daylight.records.index.RecordIndex.DEFAULT_COUNT_LIMIT);
    }

    public static AppSettings local(int port, Path dataDir) {
        return new AppSettings("http://localhost:" + port, Optional.empty(), RateLimits.defaults(), dataDir, true);
    }

    /** Tests run the deadline watcher by hand, with their own clock, instead of on a timer. */
    public AppSettings withoutDeadlineWatcher() {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, false, firstDeadlineCheck, inbound, trustedProxies, searchCacheMb, searchCountLimit);
    }

    public AppSettings withSearchCacheMb(int mb) {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, firstDeadlineCheck, inbound, trustedProxies, mb, searchCountLimit);
    }

    public AppSettings withSearchCountLimit(int pages) {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, firstDeadlineCheck, inbound, trustedProxies, searchCacheMb,
                pages);
    }

    public AppSettings withFirstDeadlineCheck(Duration after) {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, after, inbound, trustedProxies, searchCacheMb, searchCountLimit);
    }

    /** The Lucene index of published record pages: derived data, rebuilt by {@code daylight reindex}. */
    public Path indexDir() {
        return dataDir.resolve("index");
    }

    /** Where uploaded and released files are stored, content-addressed. */
    public Path blobDir() {
        return dataDir.resolve("blobs");
    }
}
