package nyc.daylight.records;

/** A file over the size limit; nothing of it is kept. */
public final class BlobTooLargeException extends RuntimeException {
    private final long limit;

    public BlobTooLargeException(long limit) {
        super("The file is larger than the limit of " + (limit / (1024 * 1024)) + " MB.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
