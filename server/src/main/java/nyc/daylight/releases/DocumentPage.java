package nyc.daylight.releases;

/**
 * One page of a released document: its extracted text (for review) and, once published, the text
 * with the redactions applied (for the public).
 */
public record DocumentPage(int pageNo, String text, boolean ocr, boolean needsOcr, String publishedText) {
}
