package nyc.daylight.core;



/**
 * Input that cannot be used, naming the field at fault. Answered as 400: JSON
 * {@code {"error": {"code": "invalid_field", "field": …, …}}} on the API, a page elsewhere. Services throw it too, so the
 * rule lives in one place whichever edge called.
 */
public final class BadInput extends Refusal {
    private final String field;

    public BadInput(String field, Message message) {
        super(message);
        this.field = field;
    }

    /** Shorthand for {@code new BadInput(field, Message.of(key, args))}. */
    public static BadInput of(String field, String key, Object... args) {
        return new BadInput(field, Message.of(key, args));
    }

    public String field() {
        return field;
    }
}
