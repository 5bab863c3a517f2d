package nyc.daylight.records.extract;

/** How far extraction got for one document. */
public enum ExtractionStatus {
    /** Text was extracted (some pages may still be marked {@code needsOcr}). */
    OK,
    /** No page had a text layer and no OCR engine was available: the document is findable by metadata only. */
    NEEDS_OCR,
    /** Nothing was extracted; {@link ExtractedDocument#failureReason()} says why. */
    FAILED
}
