package nyc.daylight.records.redact;

import static nyc.daylight.records.redact.PdfInspection.blackFraction;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Boxes land on the glyphs whatever the page rotation, crop box and text direction. Where the
 * glyphs are is not computed here (that would repeat the code under test) but observed: the
 * secret's ink is the difference between renderings of the page with and without it.
 */
class RedactGeometryTest {
    private static final int DPI = 100;
    private static final String SECRET = "SECRET-42";
    private static final String VISIBLE = " visible words";
    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @ParameterizedTest(name = "page /Rotate {0}, text at {1}°, cropped {2}")
    @CsvSource({"0,0,false", "90,0,true", "180,0,false", "270,0,true", "0,90,true", "0,180,false", "90,270,false", "270,90,true"})
    void the_box_covers_the_secret_and_spares_its_neighbour(int rotation, int textAngle, boolean cropped) throws IOException {
        byte[] both = page(rotation, textAngle, cropped, true, true);
        Rectangle secretInk = PdfInspection.difference(
                PdfInspection.render(both, 0, DPI), PdfInspection.render(page(rotation, textAngle, cropped, false, true), 0, DPI));
        Rectangle visibleInk = PdfInspection.difference(
                PdfInspection.render(both, 0, DPI), PdfInspection.render(page(rotation, textAngle, cropped, true, false), 0, DPI));

        // A blank reason: no label, so the box must be solid.
        RedactionResult r = new Redactor(DPI).redactPdf(both, List.of(new Redaction(1, SECRET, "")), null);

        assertThat(r.pagesWithheldInFull()).isEmpty();
        assertThat(r.pageTexts().get(0)).doesNotContain(SECRET).contains("[REDACTED]", "visible words");
        BufferedImage out = PdfInspection.render(r.pdf(), 0, DPI);
        assertThat(blackFraction(out, secretInk)).isEqualTo(1.0);
        assertThat(blackFraction(out, visibleInk)).isLessThan(0.6);
    }

    @Test
    void an_occurrence_wrapping_onto_the_next_line_gets_a_box_on_each_line() throws IOException {
        // Line 1 "Name: Juan", line 2 "Perez was present": each piece is a separate show so the
        // ink of every piece can be observed on its own.
        String[][] pieces = {{"72", "700", "Name: "}, {"", "700", "Juan"}, {"72", "684", "Perez"}, {"", "684", " was present"}};
        byte[] all = lines(pieces, -1);
        BufferedImage full = PdfInspection.render(all, 0, DPI);
        Rectangle[] ink = new Rectangle[pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            ink[i] = PdfInspection.difference(full, PdfInspection.render(lines(pieces, i), 0, DPI));
        }

        RedactionResult r = new Redactor(DPI).redactPdf(all, List.of(new Redaction(1, "Juan Perez", "")), null);

        assertThat(r.pageTexts().get(0)).isEqualToNormalizingNewlines("Name: [REDACTED] was present\n");
        BufferedImage out = PdfInspection.render(r.pdf(), 0, DPI);
        assertThat(blackFraction(out, ink[1])).isEqualTo(1.0);
        assertThat(blackFraction(out, ink[2])).isEqualTo(1.0);
        // One box per line, not one box from "Juan" down to "Perez" covering both lines' neighbours.
        assertThat(blackFraction(out, ink[0])).isLessThan(0.6);
        assertThat(blackFraction(out, ink[3])).isLessThan(0.6);
    }

    /** Pieces of text (x or "" to continue the previous piece, baseline y, text), leaving out piece {@code omit}. */
    private static byte[] lines(String[][] pieces, int omit) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            float size = 12;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float x = 0;
                for (int i = 0; i < pieces.length; i++) {
                    x = pieces[i][0].isEmpty() ? x : Float.parseFloat(pieces[i][0]);
                    if (i != omit) {
                        show(cs, Matrix.getTranslateInstance(x, Float.parseFloat(pieces[i][1])), size, pieces[i][2]);
                    }
                    x += HELVETICA.getStringWidth(pieces[i][2]) / 1000 * size;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] page(int rotation, int textAngle, boolean cropped, boolean secret, boolean visible) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            page.setRotation(rotation);
            if (cropped) {
                page.setCropBox(new PDRectangle(40, 60, 500, 680));
            }
            doc.addPage(page);
            double theta = Math.toRadians(textAngle);
            float x = 300;
            float y = 400;
            float size = 14;
            float advance = HELVETICA.getStringWidth(SECRET) / 1000 * size;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                if (secret) {
                    show(cs, Matrix.getRotateInstance(theta, x, y), size, SECRET);
                }
                if (visible) {
                    show(cs, Matrix.getRotateInstance(theta, x + (float) (advance * Math.cos(theta)), y + (float) (advance * Math.sin(theta))), size, VISIBLE);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void show(PDPageContentStream cs, Matrix at, float size, String text) throws IOException {
        cs.beginText();
        cs.setFont(HELVETICA, size);
        cs.setTextMatrix(at);
        cs.showText(text);
        cs.endText();
    }
}
