package nyc.daylight.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;

/** Is this node fit to serve? Names the failing part so an operator knows where to look. */
public final class HealthCheck {
    private final DSLContext dsl;
    private final String version;
    private final BooleanSupplier indexCaughtUp;

    public HealthCheck(DSLContext dsl, String version) {
        this(dsl, version, () -> true);
    }

    /**
     * @param indexCaughtUp whether the records index has applied the publication log since start:
     *                      a node whose search would miss published records is not fit to serve yet
     */
    public HealthCheck(DSLContext dsl, String version, BooleanSupplier indexCaughtUp) {
        this.dsl = dsl;
        this.version = version;
        this.indexCaughtUp = indexCaughtUp;
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
        body.put("version", version);
        return new Report(ok, body);
    }

    public record Report(boolean healthy, Map<String, String> body) {}
}
