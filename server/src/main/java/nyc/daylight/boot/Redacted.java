package nyc.daylight.boot;

import java.util.regex.Pattern;

/** Settings as they may be shown: a JDBC URL without the password it may carry in its query. */
public final class Redacted {
    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&](?:password|sslpassword)=)[^&]*");

    private Redacted() {}

    public static String jdbcUrl(String url) {
        return PASSWORD.matcher(url).replaceAll("$1***");
    }
}
