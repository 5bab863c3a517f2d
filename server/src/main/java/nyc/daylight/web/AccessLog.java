package nyc.daylight.web;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One line per request at info: method, route template, status, duration and (through the MDC)
 * the request id. The template ("/requests/{number}"), not the path: the path of a 404 is whatever
 * a visitor typed, and a request number in a log is one more place a requester's case shows up.
 * Its own logger, {@code nyc.daylight.access}, so an operator can turn it off or route it apart.
 * Load balancers and Prometheus call /health and /metrics every few seconds: their successes are at
 * debug, so the access log shows people, not probes (a failing health check still shows).
 */
final class AccessLog {
    private static final Logger log = LoggerFactory.getLogger("nyc.daylight.access");
    private static final String START = "daylight.access.start";

    void before(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    void after(Context ctx) {
        try {
            Long start = ctx.attribute(START);
            if (start == null) return;
            var matched = ctx.endpoints().lastHttpEndpoint();
            String route = matched == null ? "unmatched" : matched.path;
            int status = ctx.status().getCode();
            boolean probe = route.equals("/health") || route.equals("/metrics");
            Level level = probe && status < 500 ? Level.DEBUG : Level.INFO;
            if (!log.isEnabledForLevel(level)) return;
            long ms = (System.nanoTime() - start) / 1_000_000;
            log.atLevel(level)
                    .addKeyValue("method", ctx.method().name())
                    .addKeyValue("route", route)
                    .addKeyValue("status", status)
                    .addKeyValue("durationMs", ms)
                    .log("{} {} {} {} ms", ctx.method().name(), route, status, ms);
        } finally {
            RequestIds.release();
        }
    }
}
