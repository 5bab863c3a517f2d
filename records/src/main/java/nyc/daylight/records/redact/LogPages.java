package nyc.daylight.records.redact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Appends typeset pages of plain text to a published PDF: the redaction log an appeal cites, as
 * the record's last page. The caller writes the lines (page, box count, exemption) and never the
 * redacted text; as a last guard the lines are refused if they contain any redacted string.
 */
public final class LogPages {
    private LogPages() {}

    public static byte[] append(byte[] publishedPdf, List<String> lines, List<Redaction> redactions) throws IOException {
        String text = String.join("\n", lines);
        if (RedactedText.containsAny(text, redactions)) {
            throw new IllegalArgumentException("the redaction log would repeat a redacted string; refusing to publish");
        }
        try (PDDocument doc = Loader.loadPDF(publishedPdf)) {
            PageTypesetter setter = new PageTypesetter(doc);
            String printable = setter.printable(text);
            if (RedactedText.containsAny(printable, redactions)) {
                throw new IllegalArgumentException("the redaction log would repeat a redacted string; refusing to publish");
            }
            setter.typeset(printable);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }
}
