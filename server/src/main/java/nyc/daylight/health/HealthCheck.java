package nyc.daylight.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;

/** Is this node fit to serve? Names the failing part so an operator knows where to look. */
public final class HealthCheck {
    private final DSLContext dsl;
    private final String version;

    public HealthCheck(DSLContext dsl, String version) {
        this.dsl = dsl;
        this.version = version;
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
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", ok ? "ok" : "unavailable");
        body.put("database", database);
        body.put("version", version);
        return new Report(ok, body);
    }

    public record Report(boolean healthy, Map<String, String> body) {}
}
