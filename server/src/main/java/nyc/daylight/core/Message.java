package nyc.daylight.core;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;

/**
 * A sentence for people, as a bundle key and its arguments, resolved only once the reader's
 * language is known (a page's, or an e-mail recipient's). Services hand these out instead of
 * English strings so that the same rule reads the same in every language.
 *
 * <p>Resolution follows the templates' {@code msg(...)}: without arguments the text is used as
 * written; with arguments it goes through {@link MessageFormat} (so {@code ''} for a quote). An
 * argument that is itself a Message is resolved in the same language; a date is written the
 * language's long way ({@link Formats#day}).
 */
public record Message(String key, List<Object> args) {

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    public String in(Locale locale) {
        return text(locale, key, args.toArray());
    }

    /** The English text, for logs, the API and anything without a reader's language. */
    public String english() {
        return in(Locale.ENGLISH);
    }

    /** One message of the bundle for {@code locale}, arguments filled in. */
    public static String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = Bundles.messages(locale).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message '" + key + "' in the bundles", e);
        }
        if (args.length == 0) return pattern;
        Formats formats = new Formats(locale);
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Message m) a = m.in(locale);
            else if (a instanceof LocalDate d) a = formats.day(d);
            resolved[i] = a;
        }
        return new MessageFormat(pattern, locale).format(resolved);
    }

    @Override
    public String toString() {
        return key + args;
    }
}
