package nyc.daylight.app;

import java.nio.file.Path;
import java.util.Optional;
import nyc.daylight.accounts.RateLimits;
import nyc.daylight.inbound.InboundSettings;
import nyc.daylight.notify.SmtpSettings;

/**
 * What the running application needs beyond its database and clock.
 *
 * @param baseUrl the public address, used in links sent by e-mail (no trailing slash)
 */
public record AppSettings(String baseUrl, Optional<SmtpSettings> smtp, RateLimits rateLimits, Path dataDir,
                          boolean watchDeadlines, InboundSettings inbound) {
    public AppSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (inbound == null) inbound = InboundSettings.disabled(hostOf(baseUrl));
    }

    /** Without inbound e-mail: letters keep the requester's address as Reply-To. */
    public AppSettings(String baseUrl, Optional<SmtpSettings> smtp, RateLimits rateLimits, Path dataDir, boolean watchDeadlines) {
        this(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, null);
    }

    private static String hostOf(String url) {
        String host = java.net.URI.create(url).getHost();
        return host == null ? "localhost" : host;
    }

    public AppSettings withInbound(InboundSettings inbound) {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, watchDeadlines, inbound);
    }

    public static AppSettings local(int port, Path dataDir) {
        return new AppSettings("http://localhost:" + port, Optional.empty(), RateLimits.defaults(), dataDir, true);
    }

    /** Tests run the deadline watcher by hand, with their own clock, instead of on a timer. */
    public AppSettings withoutDeadlineWatcher() {
        return new AppSettings(baseUrl, smtp, rateLimits, dataDir, false, inbound);
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
