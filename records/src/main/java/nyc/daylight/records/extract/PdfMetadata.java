package nyc.daylight.records.extract;

import java.time.Instant;
import java.util.Calendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/** A PDF's own title and creation date from its document information, when they are set and sane. */
record PdfMetadata(String title, Instant created) {
    static PdfMetadata of(PDDocument pdf) {
        try {
            PDDocumentInformation info = pdf.getDocumentInformation();
            if (info == null) return new PdfMetadata(null, null);
            String title = info.getTitle();
            // Producers fill the title with a file path or "Microsoft Word - draft.docx": no better than the name.
            if (title != null && (title.isBlank() || title.startsWith("Microsoft Word - ") || title.matches("(?i).*\\.(docx?|pdf|tiff?|xlsx?)"))) {
                title = null;
            }
            Calendar created = info.getCreationDate();
            Instant when = created == null ? null : created.toInstant();
            if (when != null && when.isBefore(Instant.parse("1980-01-01T00:00:00Z"))) {
                when = null;
            }
            return new PdfMetadata(title == null ? null : title.strip(), when);
        } catch (RuntimeException e) {
            return new PdfMetadata(null, null);
        }
    }
}
