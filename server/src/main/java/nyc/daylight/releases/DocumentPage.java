package nyc.daylight.releases;



/**
 * One page of a released document: its extracted text (for review) and, once published, the text
 * with the redactions applied (for the public). A scanned page also keeps the words OCR read and
 * their boxes ({@code ocrLayout}, encoded), so a redaction covers words rather than the page.
 */
public record DocumentPage(int pageNo, String text, boolean ocr, boolean needsOcr, String publishedText, String ocrLayout) {
}
