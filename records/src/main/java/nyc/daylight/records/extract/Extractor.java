package nyc.daylight.records.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.EncryptedDocumentException;

/**
 * Extracts text from released records. Each call runs on a worker thread so that a document that
 * takes too long can be abandoned: the caller gets a FAILED document on time, and the worker is
 * interrupted and stops at its next page, row or entry. Thread-safe; close it to stop the workers.
 */
public final class Extractor implements AutoCloseable {
    /** A test seam: runs on the worker before each document (top-level or nested) is read. */
    @FunctionalInterface
    interface Hook {
        void beforeDocument(String name, int depth) throws InterruptedException;
    }

    private static final int MAX_DETAIL = 200;
    private final ExtractionLimits limits;
    private final Ocr ocr;
    private final Hook hook;
    private final TypeSniffer sniffer = new TypeSniffer();
    private final ExecutorService workers;

    public Extractor(ExtractionLimits limits, Ocr ocr) {
        this(limits, ocr, (name, depth) -> {});
    }

    Extractor(ExtractionLimits limits, Ocr ocr, Hook hook) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.hook = Objects.requireNonNull(hook, "hook");
        this.workers = Executors.newCachedThreadPool(workerThreads());
    }

    /**
     * Extracts one uploaded document and everything inside it. Never throws for the document's
     * sake: a file that cannot be read comes back FAILED with a reason. Throws
     * {@link IllegalStateException} only once the extractor is closed.
     */
    public ExtractedDocument extract(String originalName, byte[] content) {
        Objects.requireNonNull(content, "content");
        String name = originalName == null || originalName.isBlank() ? "document" : originalName.strip();
        Job job = new Job(this, limits, ocr, System.nanoTime());
        Future<ExtractedDocument> result;
        try {
            result = workers.submit(() -> document(job, name, content, 0));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The extractor is closed", e);
        }
        try {
            return result.get(limits.timePerDocument().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return ExtractedDocument.failed(name, typeOf(job, content), ExtractionException.timedOut(limits.timePerDocument()), content);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            return ExtractedDocument.failed(name, typeOf(job, content), "Extraction was interrupted before it finished.", content);
        } catch (ExecutionException e) {
            // The worker saw the deadline pass a moment before this thread did.
            if (e.getCause() instanceof Job.Stopped) {
                return ExtractedDocument.failed(name, typeOf(job, content), ExtractionException.timedOut(limits.timePerDocument()), content);
            }
            // document() catches everything else it can; this is some other Error.
            return ExtractedDocument.failed(name, typeOf(job, content), failure(Format.UNSUPPORTED, e.getCause()), content);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    TypeSniffer sniffer() {
        return sniffer;
    }

    /** Extracts one document at some depth of nesting; returns FAILED documents rather than throwing. */
    ExtractedDocument document(Job job, String name, byte[] content, int depth) {
        SniffedType type = content.length > limits.maxFileBytes() ? sniffer.quick(content) : sniffer.sniff(content);
        if (depth == 0) job.topType(type);
        try {
            hook.beforeDocument(name, depth);
            if (content.length > limits.maxFileBytes()) throw ExtractionException.tooLarge(content.length, limits.maxFileBytes());
            if (depth > limits.maxDepth()) throw ExtractionException.tooDeep(limits.maxDepth());
            Readable readable = readable(type, content, job);
            Content found = read(readable, job, depth);
            SniffedType shown = readable.type();
            return new ExtractedDocument(name, shown.contentType(), shown.format().kind(), status(found.pages()), null,
                    found.pages(), found.fields(), found.children(), content, found.title(), found.date(), found.notes());
        } catch (InterruptedException e) {
            throw new Job.Stopped();
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // A broken or hostile file must cost one document, not the upload it came in. Running out
            // of memory is caught too: what overflowed was this document's own allocation, which is
            // garbage by now, and the caller still needs an answer.
            Throwable cause = unwrap(e);
            if (cause instanceof Job.Stopped stopped) throw stopped;
            // The allowance all nested documents share is spent: the upload as a whole is refused.
            if (depth > 0 && cause instanceof ExtractionException spent && spent.wholeJob()) throw spent;
            return ExtractedDocument.failed(name, type, failure(type.format(), cause), content);
        }
    }

    /** The bytes to read and their type: an OOXML file under Excel's default password is read as what it wraps. */
    private Readable readable(SniffedType type, byte[] content, Job job) {
        if (type.contentType().equals(TypeSniffer.ENCRYPTED_OFFICE)) {
            var plain = OfficeText.openWithDefaultPassword(content, job.limits.maxFileBytes());
            if (plain.isPresent()) return new Readable(sniffer.sniff(plain.get()), plain.get());
        }
        return new Readable(type, content);
    }

    private record Readable(SniffedType type, byte[] content) {}

    private static Content read(Readable readable, Job job, int depth) throws Exception {
        SniffedType type = readable.type();
        byte[] content = readable.content();
        int maxPages = job.limits.maxPages();
        return switch (type.format()) {
            case PDF -> PdfText.extract(content, job);
            case IMAGE -> ImageText.extract(content, job);
            case EMAIL -> EmailText.extract(content, job, depth);
            case TEXT -> Content.pages(PlainText.pages(content, maxPages));
            case HTML -> Content.pages(Paging.pages(HtmlText.toText(PlainText.decode(content)), maxPages));
            case CSV -> Content.pages(csv(type, content, job));
            case XLSX -> OfficeText.xlsx(content, job);
            case XLS -> OfficeText.xls(content, job);
            case DOCX -> OfficeText.docx(content, job);
            case DOC -> OfficeText.doc(content, job);
            case PPTX -> OfficeText.pptx(content, job);
            case PPT -> OfficeText.ppt(content, job);
            case ZIP -> ArchiveEntries.extract(content, job, depth);
            case MSG -> MsgText.extract(content, job, depth);
            case TNEF -> TnefText.extract(content, job, depth);
            case MBOX -> MailboxEntries.extract(content, job, depth);
            case RTF -> rtf(content, maxPages);
            case ODT, ODS -> OdfText.extract(content, job);
            case UNSUPPORTED -> throw type.contentType().equals(TypeSniffer.ENCRYPTED_OFFICE)
                    ? ExtractionException.encrypted("Office document")
                    : ExtractionException.unsupported(type.contentType());
        };
    }

    /** Text that looked like CSV but whose quoting breaks further on is still text worth finding. */
    private static List<ExtractedPage> csv(SniffedType type, byte[] content, Job job) {
        try {
            return CsvText.pages(content, job, type.contentType().equals(TypeSniffer.TSV) ? '\t' : ',');
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return PlainText.pages(content, job.limits.maxPages());
        }
    }

    private static Content rtf(byte[] content, int maxPages) {
        RtfText.Result rtf = RtfText.read(content);
        return Content.pages(Paging.pages(rtf.text(), maxPages)).described(rtf.title(), rtf.created());
    }

    /** NEEDS_OCR when no page yielded text and at least one is waiting for OCR. */
    private static ExtractionStatus status(List<ExtractedPage> pages) {
        boolean anyText = pages.stream().anyMatch(p -> !p.needsOcr());
        return !pages.isEmpty() && !anyText ? ExtractionStatus.NEEDS_OCR : ExtractionStatus.OK;
    }

    /** Libraries wrap what they catch; our own refusals and stops keep their meaning underneath. */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        for (int i = 0; t != null && i < 20; i++, t = t.getCause()) {
            if (t instanceof Job.Stopped || t instanceof ExtractionException) return t;
        }
        return e;
    }

    private static String failure(Format format, Throwable e) {
        if (e instanceof ExtractionException refused) return refused.reason();
        if (e instanceof EncryptedDocumentException) return ExtractionException.encrypted(format.label()).reason();
        String subject = format == Format.UNSUPPORTED ? "The file" : "The " + format.label();
        if (e instanceof StackOverflowError) {
            return subject + " could not be read because its structure is nested too deeply; it may be damaged or crafted to crash readers.";
        }
        if (e instanceof OutOfMemoryError) {
            return subject + " could not be read because it needed more memory than the server has to spare.";
        }
        return subject + " could not be read; it may be damaged or incomplete (" + detail(e) + ").";
    }

    private static String detail(Throwable e) {
        String message = e.getMessage();
        String detail = message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ").strip();
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    }

    private SniffedType typeOf(Job job, byte[] content) {
        SniffedType type = job.topType();
        return type != null ? type : sniffer.quick(content);
    }

    /**
     * Daemon threads, because a parser stuck in a loop that ignores interruption must not keep the
     * JVM from exiting.
     */
    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "daylight-extract-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
