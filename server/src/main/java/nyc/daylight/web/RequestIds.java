package nyc.daylight.web;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request gets an id, sent back as {@code X-Request-Id}, written in the log line of any
 * error and shown as the reference on error pages, so "reference 3f9a…" on a visitor's screen
 * leads to one log line. A proxy's id is kept when it looks like one (never arbitrary text in logs).
 * For the length of the request the id is also in the logging MDC as {@code requestId}, so every
 * line logged while handling it carries it, whoever logs it.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "daylight.requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private final SecureRandom random = new SecureRandom();

    void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id;
        if (given != null && ACCEPTED.matcher(given).matches()) {
            id = given;
        } else {
            byte[] b = new byte[6];
            random.nextBytes(b);
            id = HexFormat.of().formatHex(b);
        }
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** Jetty reuses the thread for other requests: the id must not outlive this one. */
    static void release() {
        MDC.remove(MDC_KEY);
    }

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "none" : id;
    }
}
