package nyc.daylight.core;

import java.util.Locale;
import java.util.ResourceBundle;

/** The message bundles every sentence for people comes from (the web module's {@code i18n/messages*.properties}). */
public final class Bundles {
    private static final String MESSAGES = "daylight.web.i18n.messages";

    private Bundles() {
    }

    /** The bundle for a language; English ({@code messages.properties}) fills any gap, never the JVM's default locale. */
    public static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle(MESSAGES, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
