package nyc.daylight.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nyc.daylight.core.NotFound;
import nyc.daylight.notify.OutboxWorker;
import nyc.daylight.web.Role;
import org.jooq.DSLContext;

/**
 * Prometheus metrics at /metrics: HTTP latency per route template and status, the connection
 * pool, the outbox backlog, JVM memory and threads. Answered only to the loopback interface:
 * scrape from the same host or through a sidecar, never from the internet.
 */
public final class Metrics {
    private static final String START = "daylight.metrics.start";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Metrics(DataSource dataSource, DSLContext dsl) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
            hikari.setMetricRegistry(registry);
        }
        Gauge.builder("daylight_outbox_pending", () -> {
                    try {
                        return OutboxWorker.pending(dsl);
                    } catch (RuntimeException e) {
                        return Double.NaN; // database down: /health says so
                    }
                })
                .description("E-mails queued and not yet sent").register(registry);
    }

    /**
     * The background jobs: how often each has run (a flat line means it stopped), and how far the
     * search index lags behind the publication log.
     */
    public void watch(nyc.daylight.lifecycle.DeadlineWatcher watcher, nyc.daylight.releases.RecordIndexer indexer) {
        io.micrometer.core.instrument.FunctionCounter.builder("daylight_scheduler_runs", watcher, w -> w.runs())
                .tag("job", "deadline_watcher").description("Completed runs of a background job").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("daylight_scheduler_runs", indexer, i -> i.runs())
                .tag("job", "record_indexer").description("Completed runs of a background job").register(registry);
        Gauge.builder("daylight_index_lag", () -> {
                    try {
                        return indexer.lag();
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Publication-log entries not yet in the search index").register(registry);
        Gauge.builder("daylight_index_pages", () -> {
                    try {
                        return indexer.index().pageCount();
                    } catch (java.io.IOException | RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Record pages searchable now").register(registry);
        // The search result cache: a hit ratio that falls after each publication means answers are not carried over.
        nyc.daylight.records.index.RecordIndex index = indexer.index();
        io.micrometer.core.instrument.FunctionCounter.builder("daylight_search_cache_lookups", index, i -> i.cacheUse().hits())
                .tag("result", "hit").description("Searches answered from the result cache, or searched").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("daylight_search_cache_lookups", index, i -> i.cacheUse().misses())
                .tag("result", "miss").description("Searches answered from the result cache, or searched").register(registry);
        Gauge.builder("daylight_search_cache_entries", index, i -> i.cacheUse().entries())
                .description("Result pages the search cache holds").register(registry);
        Gauge.builder("daylight_search_cache_carried", index, i -> i.lastCarryOver().kept())
                .description("Cached answers the last publication kept (it matched none of their pages)").register(registry);
    }

    public void before(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    public void after(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) return;
        // The matched route's template ("/requests/{number}"), not the path: one time series per route.
        var matched = ctx.endpoints().lastHttpEndpoint();
        String route = matched == null ? "unmatched" : matched.path;
        Timer.builder("daylight_http_requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.status().getCode()))
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    public void register(RoutesConfig routes) {
        routes.get("/metrics", this::scrape, Role.PUBLIC);
    }

    private void scrape(Context ctx) {
        String ip = ctx.ip();
        boolean loopback = ip.equals("127.0.0.1") || ip.equals("0:0:0:0:0:0:0:1") || ip.equals("::1");
        // A reverse proxy on the same host connects from loopback too: anything it forwards is remote.
        boolean proxied = ctx.header("X-Forwarded-For") != null || ctx.header("Forwarded") != null;
        if (!loopback || proxied) {
            throw NotFound.of("error.notFound");
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
