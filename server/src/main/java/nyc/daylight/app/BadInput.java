package nyc.daylight.app;

/**
 * Input that cannot be used, naming the field at fault. Answered as 400: JSON
 * {@code {"error": {"code": "invalid_field", "field": …, …}}} on the API, a page elsewhere. Services throw it too, so the
 * rule lives in one place whichever edge called.
 */
public final class BadInput extends RuntimeException {
    private final String field;

    public BadInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
