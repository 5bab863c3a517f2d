package nyc.daylight.core;

import java.util.Locale;

/**
 * What a service says when it will not do what was asked. Its sentence is a {@link Message},
 * shown in the reader's language on a page and in English on the API and in logs
 * ({@link #getMessage()}); the web layer maps each kind to its HTTP status.
 */
public abstract sealed class Refusal extends RuntimeException permits AccessDenied, BadInput, NotFound, RateLimited {
    private final Message message;

    protected Refusal(Message message) {
        super(message.english());
        this.message = message;
    }


    /** The sentence, to be resolved in the reader's language. */
    public Message sentence() {
        return message;
    }

    /** The sentence in the reader's language. */
    public String message(Locale locale) {
        return message.in(locale);
    }
}
