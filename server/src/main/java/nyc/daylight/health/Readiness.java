package nyc.daylight.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;

/**
 * Should the load balancer send this node traffic? Ready when the database answers and the
 * node's own records index has caught up with the publication log since start and lags it by
 * no more than a bound (a node far behind would answer searches without recent records). Unlike
 * liveness ({@code /live}: the process answers at all), a node that is not ready is left running
 * and simply gets no requests until it is.
 */
public final class Readiness {
    /** Publications the index may lag before the node stops taking traffic: a few seconds of a busy day's releases. */
    public static final long MAX_INDEX_LAG = 100;

    private final DSLContext dsl;
    private final BooleanSupplier indexCaughtUp;
    private final LongSupplier indexLag;
    private final long maxLag;

    public Readiness(DSLContext dsl, BooleanSupplier indexCaughtUp, LongSupplier indexLag, long maxLag) {
        this.dsl = dsl;
        this.indexCaughtUp = indexCaughtUp;
        this.indexLag = indexLag;
        this.maxLag = maxLag;
    }

    public HealthCheck.Report check() {
        boolean database;
        try {
            dsl.selectOne().fetch();
            database = true;
        } catch (RuntimeException e) {
            database = false;
        }
        String index;
        Long lag = null;
        if (!indexCaughtUp.getAsBoolean()) {
            index = "catching up";
        } else if (!database) {
            index = "unknown";
        } else {
            try {
                lag = indexLag.getAsLong();
                index = lag <= maxLag ? "ok" : "behind";
            } catch (RuntimeException e) {
                index = "unknown";
            }
        }
        boolean ready = database && index.equals("ok");
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", ready ? "ready" : "not ready");
        body.put("database", database ? "ok" : "unavailable");
        body.put("index", index);
        if (lag != null) body.put("indexLag", Long.toString(lag));
        return new HealthCheck.Report(ready, body);
    }
}
