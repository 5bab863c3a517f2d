package nyc.daylight.records.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * One top-level extraction in progress: its limits, its deadline and the archive allowance that
 * the document and everything nested in it share. Readers call {@link #checkpoint()} between pages,
 * rows and entries so that a cancelled or overdue extraction stops soon instead of running on
 * unobserved after the caller has been told it failed.
 */
final class Job {
    /** Thrown when the job was cancelled or ran out of time; passes through every per-document catch. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("Extraction was stopped", null, false, false);
        }
    }

    final ExtractionLimits limits;
    final Ocr ocr;
    private final Extractor extractor;
    private final long deadline;
    private long archiveBytes;
    private long archiveEntries;
    private volatile SniffedType topType;

    Job(Extractor extractor, ExtractionLimits limits, Ocr ocr, long startNanos) {
        this.extractor = extractor;
        this.limits = limits;
        this.ocr = ocr;
        this.deadline = startNanos + limits.timePerDocument().toNanos();
    }

    void checkpoint() {
        if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadline > 0) throw new Stopped();
    }

    /** Extracts an attachment or archive entry, which never throws except to stop the whole job. */
    ExtractedDocument child(String name, byte[] content, int depth) {
        checkpoint();
        return extractor.document(this, name, content, depth);
    }

    /** An archive entry that was not kept because it is larger than a file may be. */
    ExtractedDocument tooLargeChild(String name, byte[] head, long size) {
        return ExtractedDocument.failed(name, extractor.sniffer().quick(head),
                ExtractionException.tooLarge(size, limits.maxFileBytes()).reason(), new byte[0]);
    }

    /** Counts bytes taken out of an archive against the allowance shared by the whole job. */
    void takeArchiveBytes(long n) {
        archiveBytes += n;
        if (archiveBytes > limits.maxArchiveBytes()) throw archiveTooBig(limits);
    }

    /** What is left of the archive allowance: an archive declaring more is not opened. */
    long archiveBytesLeft() {
        return limits.maxArchiveBytes() - archiveBytes;
    }

    /** Counts one archive entry against the entries allowed under the whole top-level document. */
    void takeEntry() {
        if (++archiveEntries > limits.maxEntries()) throw tooManyTogether(limits);
    }

    static ExtractionException tooManyTogether(ExtractionLimits limits) {
        return new ExtractionException("The archives in this document have more than " + ExtractionException.count(limits.maxEntries())
                + " entries together, the limit, so Daylight did not open it.", true);
    }

    long entriesLeft() {
        return limits.maxEntries() - archiveEntries;
    }

    static ExtractionException archiveTooBig(ExtractionLimits limits) {
        return new ExtractionException("The archive expands to more than " + ExtractionException.bytes(limits.maxArchiveBytes())
                + ", the limit, so Daylight did not open it (it may be a ZIP bomb).", true);
    }

    /**
     * Recognises a page image, keeping the words' boxes when the engine gives them. A page on which
     * OCR found nothing, or which the engine fails on, still needs a person to look at it.
     */
    ExtractedPage ocrPage(int number, BufferedImage image) {
        checkpoint();
        try {
            OcrLayout layout = ocr.layout(image);
            if (layout != null) {
                if (!layout.foundText()) return new ExtractedPage(number, "", true, true);
                return new ExtractedPage(number, layout.text(), true, false, layout);
            }
            String text = ocr.recognize(image).strip();
            boolean found = text.codePoints().anyMatch(Character::isLetterOrDigit);
            return found ? new ExtractedPage(number, text, true, false) : new ExtractedPage(number, "", true, true);
        } catch (InterruptedIOException e) {
            throw new Stopped();
        } catch (IOException | RuntimeException e) {
            // One page the engine chokes on should not cost the rest of the document its text.
            checkpoint();
            return ExtractedPage.unreadable(number);
        }
    }

    void topType(SniffedType type) {
        topType = type;
    }

    /** The top-level document's type once the worker has sniffed it, for reporting a timeout. */
    SniffedType topType() {
        return topType;
    }
}
