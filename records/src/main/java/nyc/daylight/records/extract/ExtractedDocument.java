package nyc.daylight.records.extract;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of extracting one document.
 *
 * @param name          the name it arrived under (an upload's file name, an attachment's or an archive
 *                      entry's base name); kept for display, never used to decide the type
 * @param contentType   the media type sniffed from the bytes
 * @param kind          a short type for facets: pdf, image, email, text, csv, spreadsheet, word, archive
 *                      or other
 * @param failureReason a sentence for staff when {@code status} is FAILED, otherwise null
 * @param fields        for emails: from, to, cc, date (an ISO-8601 instant, or the raw header when it
 *                      cannot be parsed) and subject, each only when present; empty for other kinds
 * @param children      email attachments and archive entries, each extracted in turn
 * @param content       this document's own bytes, so that children can be stored; empty when an
 *                      archive entry was too large to keep
 * @param title         the record's own title when it carries one (an e-mail's subject, a PDF's or an
 *                      office file's title property), otherwise null; the name is the fallback
 * @param recordDate    when the record itself was written or sent (an e-mail's Date header, a PDF's
 *                      or office file's creation date), otherwise null; never the upload's time
 * @param notes         sentences for staff about parts that could not be read while the rest was
 *                      (an e-mail part, a PDF page), in order; empty when nothing was skipped
 *
 * <p>Every string in it has been through {@link TextSafety}, so each can be stored as it is.
 */
public record ExtractedDocument(
        String name,
        String contentType,
        String kind,
        ExtractionStatus status,
        String failureReason,
        List<ExtractedPage> pages,
        Map<String, String> fields,
        List<ExtractedDocument> children,
        byte[] content,
        String title,
        Instant recordDate,
        List<String> notes) {
    public ExtractedDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        if ((status == ExtractionStatus.FAILED) != (failureReason != null)) {
            throw new IllegalArgumentException("A failure reason goes with, and only with, status FAILED");
        }
        pages = pages == null ? List.of() : List.copyOf(pages);
        // Insertion order is kept so that headers read from, to, cc, date, subject wherever they are shown.
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        children = children == null ? List.of() : List.copyOf(children);
        content = content == null ? new byte[0] : content;
        // The output boundary: nothing leaves the extractor that PostgreSQL would refuse.
        name = TextSafety.clean(name);
        contentType = TextSafety.clean(contentType);
        failureReason = TextSafety.clean(failureReason);
        fields = Collections.unmodifiableMap(TextSafety.clean(fields));
        title = title == null || TextSafety.clean(title).isBlank() ? null : Paging.oneLine(TextSafety.clean(title));
        notes = notes == null ? List.of() : List.copyOf(TextSafety.clean(notes));
    }

    /** A document without a title, date or notes of its own (the form before those were read). */
    public ExtractedDocument(String name, String contentType, String kind, ExtractionStatus status, String failureReason,
                             List<ExtractedPage> pages, Map<String, String> fields, List<ExtractedDocument> children, byte[] content) {
        this(name, contentType, kind, status, failureReason, pages, fields, children, content, null, null, null);
    }

    /** The content type as people name it ("PDF", "Word document"), for display; never a raw media type. */
    public String typeName() {
        return TypeNames.of(contentType);
    }

    /** All the pages' text, pages separated by a blank line. */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (ExtractedPage page : pages) {
            if (!all.isEmpty()) all.append("\n\n");
            all.append(page.text());
        }
        return all.toString();
    }

    /**
     * Whether a person has to look at the page images before this document may be published: some
     * page has no usable text (no text layer and no OCR engine, an engine that failed on it, or OCR
     * that found nothing on it). Never publish such a document unattended: what is on those pages
     * was never scanned for personal data.
     */
    public boolean needsReview() {
        return status == ExtractionStatus.NEEDS_OCR || pages.stream().anyMatch(ExtractedPage::needsOcr);
    }

    static ExtractedDocument failed(String name, SniffedType type, String reason, byte[] content) {
        return new ExtractedDocument(name, type.contentType(), type.format().kind(), ExtractionStatus.FAILED, reason,
                List.of(), Map.of(), List.of(), content);
    }
}
