/**
 * Text extraction for released records: one {@link nyc.daylight.records.extract.Extractor} turns
 * the bytes of a PDF, image, e-mail (.eml, .msg, mbox, winmail.dat), text/CSV/TSV file, spreadsheet
 * (.xlsx, .xls, Excel 95, .ods), word-processing file (.docx, .doc, .rtf, .odt) or ZIP archive into
 * numbered pages of text (and, for e-mails and archives, child documents), with the record's own
 * title and date when it carries them, within limits that keep a hostile or broken upload from
 * exhausting memory, disk or time. Nothing here throws for a bad file: every failure is a document
 * with status {@code FAILED} and a sentence saying why, and a part that fails alone (a PDF page, an
 * e-mail part) is noted while the rest is kept. {@link nyc.daylight.records.extract.ParsedMail}
 * reads inbound mail with the same MIME reader, and every string either hands out has passed
 * {@link nyc.daylight.records.extract.TextSafety}.
 */
package nyc.daylight.records.extract;
