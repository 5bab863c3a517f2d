package nyc.daylight.records.extract;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one extraction, so that a single upload cannot exhaust memory or time.
 *
 * @param maxFileBytes    largest document read, at the top level and for every attachment or archive entry
 * @param maxArchiveBytes most bytes taken out of archives under one top-level document; nested archives
 *                        draw on the same allowance, because every extracted entry is held in memory:
 *                        this is the ceiling on expanded bytes one upload can put on the heap. An
 *                        archive whose central directory declares more is not inflated at all
 * @param maxPages        most pages (PDF pages, TIFF frames or pages of text) in one document
 * @param maxEntries      most entries in one archive, directories included, and in all the archives under
 *                        one top-level document together (each entry becomes a document object)
 * @param maxDepth        how deep documents may sit inside archives and emails: a document nested more
 *                        deeply than this is not opened
 * @param timePerDocument time allowed for a top-level document, its attachments and entries included
 */
public record ExtractionLimits(
        long maxFileBytes, long maxArchiveBytes, int maxPages, int maxEntries, int maxDepth, Duration timePerDocument) {
    private static final long MB = 1024 * 1024;

    public ExtractionLimits {
        // A document is held in one byte array, so it cannot be larger than an array can be.
        if (maxFileBytes < 1 || maxFileBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and 2 GB: " + maxFileBytes);
        }
        if (maxArchiveBytes < 1) throw new IllegalArgumentException("maxArchiveBytes must be positive: " + maxArchiveBytes);
        if (maxPages < 1) throw new IllegalArgumentException("maxPages must be positive: " + maxPages);
        if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        if (maxDepth < 0) throw new IllegalArgumentException("maxDepth must not be negative: " + maxDepth);
        Objects.requireNonNull(timePerDocument, "timePerDocument");
        if (timePerDocument.isNegative() || timePerDocument.isZero()) {
            throw new IllegalArgumentException("timePerDocument must be positive: " + timePerDocument);
        }
    }

    /** 100 MB per file, 256 MB out of archives, 2,000 pages, 1,000 entries, 3 levels of nesting, 60 seconds. */
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(100 * MB, 256 * MB, 2000, 1000, 3, Duration.ofSeconds(60));
    }
}
