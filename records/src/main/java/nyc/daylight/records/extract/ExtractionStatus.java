package nyc.daylight.records.extract;



/** How far extraction got for one document. */
public enum ExtractionStatus {
    /** Text was extracted (some pages may still be marked {@code needsOcr}). */
    OK,
    /** No page has usable text (no text layer, and no OCR engine or OCR found nothing): the document is findable by metadata only. */
    NEEDS_OCR,
    /** Nothing was extracted; {@link ExtractedDocument#failureReason()} says why. */
    FAILED
}
