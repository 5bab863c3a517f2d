package nyc.daylight.core;

import java.util.Locale;

/**
 * Input that cannot be used, naming the field at fault. Answered as 400: JSON
 * {@code {"error": {"code": "invalid_field", "field": …, …}}} on the API, a page elsewhere. Services throw it too, so the
 * rule lives in one place whichever edge called. The sentence is a {@link Message}, shown in the
 * reader's language; {@link #getMessage()} is its English text (the API's).
 */
public final class BadInput extends RuntimeException {
    private final String field;
    private final Message message;

    public BadInput(String field, Message message) {
        super(message.english());
        this.field = field;
        this.message = message;
    }

    /** A sentence not yet in the bundles: shown as written in every language. Prefer {@link #BadInput(String, Message)}. */
    public BadInput(String field, String message) {
        super(message);
        this.field = field;
        this.message = null;
    }

    /** Shorthand for {@code new BadInput(field, Message.of(key, args))}. */
    public static BadInput of(String field, String key, Object... args) {
        return new BadInput(field, Message.of(key, args));
    }

    public String field() {
        return field;
    }

    /** The sentence in the reader's language. */
    public String message(Locale locale) {
        return message == null ? getMessage() : message.in(locale);
    }
}
