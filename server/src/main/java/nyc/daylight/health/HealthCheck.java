package nyc.daylight.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;

/** Is this node fit to serve? Names the failing part so an operator knows where to look. */
public final class HealthCheck {
    private final DSLContext dsl;
    private final String version;
    private final BooleanSupplier indexCaughtUp;
    private final LongSupplier indexLag;

    public HealthCheck(DSLContext dsl, String version) {
        this(dsl, version, () -> true);
    }

    /**
     * @param indexCaughtUp whether the records index has applied the publication log since start:
     *                      a node whose search would miss published records is not fit to serve yet
     */
    public HealthCheck(DSLContext dsl, String version, BooleanSupplier indexCaughtUp) {
        this(dsl, version, indexCaughtUp, null);
    }

    /**
     * @param indexLag publication-log entries this node's index has not applied yet, shown as
     *                 {@code indexLag} (each node keeps its own index, so each reports its own lag)
     */
    public HealthCheck(DSLContext dsl, String version, BooleanSupplier indexCaughtUp, LongSupplier indexLag) {
        this.dsl = dsl;
        this.version = version;
        this.indexCaughtUp = indexCaughtUp;
        this.indexLag = indexLag;
    }

    public Report check() {
        String database;
        boolean ok;
        try {
            dsl.selectOne().fetch();
            database = "ok";
            ok = true;
        } catch (RuntimeException e) {
            database = "unavailable";
            ok = false;
        }
        boolean index = indexCaughtUp.getAsBoolean();
        ok = ok && index;
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", ok ? "ok" : "unavailable");
        body.put("database", database);
        body.put("index", index ? "ok" : "catching up");
        if (indexLag != null && database.equals("ok")) {
            try {
                body.put("indexLag", Long.toString(indexLag.getAsLong()));
            } catch (RuntimeException e) {
                // The database went away between the two questions: "database" already says so next time.
            }
        }
        body.put("version", version);
        return new Report(ok, body);
    }

    public record Report(boolean healthy, Map<String, String> body) {}
}
