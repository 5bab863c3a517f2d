package nyc.daylight.web;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.ResourceBundleModel;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The templates' {@code msg}: Freemarker's bundle model, but a message with arguments is formatted
 * in the page's language. Freemarker's own builds its {@code MessageFormat} in the JVM's default
 * locale and sets the bundle's afterwards, which changes nothing for the parts already parsed, so
 * {@code {0,number,integer}} read "más de 1,000" on a Spanish page of an English server (and the
 * root bundle's locale is no language at all). A message without arguments is returned as it
 * stands, as before.
 *
 * <p>One per page rendered (so never shared between threads): each pattern is parsed once per page,
 * not once per use, since a list calls the same message on every row (the queue's 50 checkboxes).
 */
final class PageMessages extends ResourceBundleModel {
    private final Locale locale;
    private final Map<String, MessageFormat> parsed = new HashMap<>();

    PageMessages(ResourceBundle bundle, Locale locale, BeansWrapper wrapper) {
        super(bundle, wrapper);
        this.locale = locale;
    }

    @Override
    public String format(String key, Object[] params) {
        return parsed.computeIfAbsent(key, k -> new MessageFormat(((ResourceBundle) object).getString(k), locale)).format(params);
    }
}
