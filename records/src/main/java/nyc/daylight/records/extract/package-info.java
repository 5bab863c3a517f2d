/**
 * Text extraction for released records: one {@link nyc.daylight.records.extract.Extractor} turns
 * the bytes of a PDF, image, email, text/CSV file, spreadsheet, Word document or ZIP archive into
 * numbered pages of text (and, for emails and archives, child documents), within limits that keep a
 * hostile or broken upload from exhausting memory, disk or time. Nothing here throws for a bad
 * file: every failure is a document with status {@code FAILED} and a sentence saying why.
 */
package nyc.daylight.records.extract;
