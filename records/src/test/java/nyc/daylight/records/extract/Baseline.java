package nyc.daylight.records.extract;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.extractor.ExtractorFactory;
import org.apache.poi.extractor.POITextExtractor;
import org.apache.tika.Tika;

/**
 * What the libraries Daylight bundles read from a file when called the plain way, with no help:
 * PDFBox's text stripper over the whole PDF, POI's extractor factory for Office files, Jakarta
 * Mail's text parts for a message, the bytes as UTF-8 for text. The corpus report compares
 * Daylight against it: a file this reads and Daylight does not is a regression to explain.
 */
final class Baseline {
    private static final Tika TIKA = new Tika();

    private Baseline() {}

    /** The text read, or the exception thrown; "not attempted" for types the plain libraries do not read. */
    record Result(String text, String failure) {
        boolean read() {
            return failure == null && text != null && !text.isBlank();
        }
    }

    static Result read(byte[] content) {
        String type = TIKA.detect(content).toLowerCase(Locale.ROOT);
        try {
            if (type.equals("application/pdf")) {
                try (PDDocument pdf = Loader.loadPDF(content)) {
                    return new Result(new PDFTextStripper().getText(pdf), null);
                }
            }
            if (type.startsWith("application/x-tika-") || type.startsWith("application/vnd.ms-") || type.startsWith("application/vnd.openxmlformats")
                    || type.equals("application/msword")) {
                try (POITextExtractor extractor = ExtractorFactory.createExtractor(new ByteArrayInputStream(content))) {
                    return new Result(extractor.getText(), null);
                }
            }
            if (type.equals("message/rfc822")) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(content));
                StringBuilder text = new StringBuilder(message.getSubject() == null ? "" : message.getSubject()).append('\n');
                walk(message, text);
                return new Result(text.toString(), null);
            }
            if (type.startsWith("text/")) return new Result(new String(content, java.nio.charset.StandardCharsets.UTF_8), null);
            return new Result("", "not attempted (" + type + ")");
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ");
            return new Result("", e.getClass().getSimpleName() + (message.length() > 70 ? message.substring(0, 70) + "…" : message));
        }
    }

    private static void walk(Part part, StringBuilder text) throws Exception {
        if (part.isMimeType("text/*") && part.getContent() instanceof String s) {
            text.append(s).append('\n');
        } else if (part.getContent() instanceof Multipart m) {
            for (int i = 0; i < m.getCount(); i++) {
                BodyPart child = m.getBodyPart(i);
                walk(child, text);
            }
        }
    }
}
