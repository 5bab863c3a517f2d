package nyc.daylight.records.extract;

import java.time.Duration;

/**
 * A document Daylight chose not to read (a limit, encryption, an unsupported type), carrying the
 * sentence staff will see. Unchecked so that it can leave parser callbacks that declare nothing.
 */
final class ExtractionException extends RuntimeException {
    private static final long MB = 1024 * 1024;

    private final boolean wholeJob;

    ExtractionException(String reason) {
        this(reason, false);
    }

    /**
     * @param wholeJob the job's shared allowance is spent: the top-level document fails, not only
     *                 the nested one that happened to cross the line
     */
    ExtractionException(String reason, boolean wholeJob) {
        super(reason, null, false, false);
        this.wholeJob = wholeJob;
    }

    boolean wholeJob() {
        return wholeJob;
    }

    String reason() {
        return getMessage();
    }

    static ExtractionException tooLarge(long size, long limit) {
        return new ExtractionException("The file is " + bytes(size) + ", larger than the " + bytes(limit) + " limit.");
    }

    static ExtractionException tooManyPages(int limit) {
        return new ExtractionException("The document has more than " + count(limit) + " pages, the limit for one document.");
    }

    static ExtractionException tooDeep(int limit) {
        return new ExtractionException("The file is nested more than " + count(limit) + (limit == 1 ? " level" : " levels")
                + " deep inside archives or emails, so Daylight did not open it.");
    }

    static ExtractionException unsupported(String contentType) {
        return new ExtractionException("Daylight cannot read files of type " + contentType + ".");
    }

    static ExtractionException encrypted(String label) {
        return new ExtractionException("The " + label + " is protected with a password, so Daylight cannot read it.");
    }

    static String timedOut(Duration limit) {
        return "Extraction took longer than " + duration(limit) + " and was stopped.";
    }

    static String bytes(long n) {
        if (n >= MB) return n % MB == 0 ? n / MB + " MB" : String.format("%.1f MB", n / (double) MB);
        if (n >= 1024) return n % 1024 == 0 ? n / 1024 + " KB" : String.format("%.1f KB", n / 1024.0);
        return n == 1 ? "1 byte" : n + " bytes";
    }

    static String count(long n) {
        return String.format("%,d", n);
    }

    private static String duration(Duration d) {
        if (d.toMillis() >= 1000 && d.toMillis() % 1000 == 0) {
            long s = d.toSeconds();
            return s == 1 ? "1 second" : count(s) + " seconds";
        }
        long ms = Math.max(1, d.toMillis());
        return ms == 1 ? "1 millisecond" : count(ms) + " milliseconds";
    }
}
