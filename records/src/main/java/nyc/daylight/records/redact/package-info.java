/**
 * Redaction of released records. Nothing here edits a PDF in place: removing text from content
 * streams leaves the glyphs' images, fonts' ToUnicode maps, metadata, annotations, form values,
 * attachments, bookmarks and incremental-update history behind, and any one of them leaks. Instead
 * the published PDF is always a brand-new document: for a PDF, page images with black boxes
 * burned in ({@link nyc.daylight.records.redact.Redactor#redactPdf}); for anything else, the
 * already-redacted text typeset afresh ({@link nyc.daylight.records.redact.Redactor#typeset}).
 * The new document has no text layer from the source and no metadata but a title and a producer,
 * so there is nothing left to forget; its only text is an invisible layer over the page images,
 * built from the already-redacted page text ({@code InvisibleText}).
 * A scanned page is located by the words and boxes OCR read on it
 * ({@link nyc.daylight.records.extract.OcrLayout}) exactly as a text layer is by its glyphs.
 */
package nyc.daylight.records.redact;
