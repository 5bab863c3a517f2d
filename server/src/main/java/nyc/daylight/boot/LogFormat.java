package nyc.daylight.boot;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;

/**
 * Which log format logback.xml includes: {@code daylight.log.format} (a system or logback context
 * property), else {@code DAYLIGHT_LOG_FORMAT}, else text for a person at a terminal and JSON for
 * everything else (a service manager, a container, a pipe into a log shipper). An unknown value
 * is JSON, never no log at all.
 */
public final class LogFormat extends PropertyDefinerBase {
    public static final String PROPERTY = "daylight.log.format";
    public static final String VARIABLE = "DAYLIGHT_LOG_FORMAT";

    /** The format's name, "text" or "json", from what was set and whether a terminal is watching. */
    public static String choose(String property, String variable, boolean terminal) {
        String set = property != null && !property.isBlank() ? property : variable;
        if (set == null || set.isBlank()) return terminal ? "text" : "json";
        return set.strip().toLowerCase(Locale.ROOT).equals("text") ? "text" : "json";
    }

    @Override
    public String getPropertyValue() {
        String property = getContext() == null ? null : getContext().getProperty(PROPERTY);
        if (property == null) property = System.getProperty(PROPERTY);
        return choose(property, System.getenv(VARIABLE), Terminals.interactive());
    }
}
