package nyc.daylight.records.index;

/** A query the parser cannot understand; the message is written for the person who typed it. */
public final class BadQueryException extends IllegalArgumentException {
    public BadQueryException(String message) {
        super(message);
    }
}
