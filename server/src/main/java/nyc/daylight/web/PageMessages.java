package nyc.daylight.web;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.ResourceBundleModel;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The templates' {@code msg}: Freemarker's bundle model, but a message with arguments is formatted
 * in the page's language. Freemarker's own builds its {@code MessageFormat} in the JVM's default
 * locale and sets the bundle's afterwards, which changes nothing for the parts already parsed, so
 * {@code {0,number,integer}} read "más de 1,000" on a Spanish page of an English server (and the
 * root bundle's locale is no language at all). A message without arguments is returned as it
 * stands, as before.
 */
final class PageMessages extends ResourceBundleModel {
    private final Locale locale;

    PageMessages(ResourceBundle bundle, Locale locale, BeansWrapper wrapper) {
        super(bundle, wrapper);
        this.locale = locale;
    }

    @Override
    public String format(String key, Object[] params) {
        return new MessageFormat(((ResourceBundle) object).getString(key), locale).format(params);
    }
}
