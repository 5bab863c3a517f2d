package nyc.daylight.records.redact;

import static nyc.daylight.records.redact.PdfInspection.blackFraction;
import static nyc.daylight.records.redact.PdfInspection.leaks;
import static nyc.daylight.records.redact.PdfInspection.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedactPdfTest {
    static final String A_NUMBER = "A123456789";
    static final String NAME = "Juan Perez";
    static final String REASON = "§87(2)(b)";
    static final String LINE_1 = "Juan Perez, A-number A123456789, DOB 01/02/1985";
    static final float FONT_SIZE = 12;
    static final float X = 72;
    static final float BASELINE = 700;
    static final PDRectangle FIELD = new PDRectangle(72, 600, 200, 20);
    static final int DPI = 150;
    static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final String XMP = """
            <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
               <dc:description>Detainer file of Juan Perez, A123456789</dc:description>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>""";

    static byte[] source;
    static RedactionResult result;

    @BeforeAll
    static void redact() throws IOException {
        source = sourcePdf();
        result = new Redactor().redactPdf(source, List.of(
                new Redaction(1, A_NUMBER, REASON),
                new Redaction(2, A_NUMBER, REASON),
                new Redaction(1, NAME, REASON)), "FOIL release for " + A_NUMBER);
    }

    /** The record as an agency might send it: the A-number in the text and in every corner of the file. */
    static byte[] sourcePdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage p1 = new PDPage(PDRectangle.LETTER);
            PDPage p2 = new PDPage(PDRectangle.LETTER);
            doc.addPage(p1);
            doc.addPage(p2);
            try (PDPageContentStream cs = new PDPageContentStream(doc, p1)) {
                line(cs, X, BASELINE, LINE_1);
                line(cs, X, BASELINE - 20, "Case notes: the respondent appeared at the hearing.");
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, p2)) {
                line(cs, X, BASELINE, "Reference A123456789 appears again on this page.");
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Case file " + A_NUMBER);
            info.setAuthor("Clerk handling " + A_NUMBER);
            info.setSubject("Detainer for " + NAME);
            info.setKeywords(A_NUMBER + "; " + NAME);
            doc.getDocumentCatalog().setMetadata(new PDMetadata(doc, new ByteArrayInputStream(XMP.getBytes(StandardCharsets.UTF_8))));

            PDDocumentOutline outline = new PDDocumentOutline();
            PDOutlineItem bookmark = new PDOutlineItem();
            bookmark.setTitle(NAME + " " + A_NUMBER);
            PDPageFitDestination dest = new PDPageFitDestination();
            dest.setPage(p1);
            bookmark.setDestination(dest);
            outline.addLast(bookmark);
            doc.getDocumentCatalog().setDocumentOutline(outline);

            PDAnnotationText note = new PDAnnotationText();
            note.setContents("Verify " + A_NUMBER + " with " + NAME);
            note.setRectangle(new PDRectangle(520, 690, 20, 20));
            p1.getAnnotations().add(note);

            // A filled-in form field showing the A-number: drawn by a widget annotation, not page content.
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDResources resources = new PDResources();
            COSName font = resources.add(HELVETICA);
            form.setDefaultResources(resources);
            form.setDefaultAppearance("/" + font.getName() + " 12 Tf 0 g");
            PDTextField field = new PDTextField(form);
            field.setPartialName("alien_number");
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(FIELD);
            widget.setPage(p1);
            widget.setPrinted(true);
            p1.getAnnotations().add(widget);
            form.getFields().add(field);
            field.setValue(A_NUMBER);

            PDComplexFileSpecification attachment = new PDComplexFileSpecification();
            attachment.setFile("notes.txt");
            attachment.setEmbeddedFile(new PDEmbeddedFile(doc, new ByteArrayInputStream(("Notes on " + A_NUMBER).getBytes(StandardCharsets.US_ASCII))));
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("notes.txt", attachment));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            doc.getDocumentCatalog().setNames(names);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static void line(PDPageContentStream cs, float x, float y, String text) throws IOException {
        cs.beginText();
        cs.setFont(HELVETICA, FONT_SIZE);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    @Test
    void the_published_text_layer_is_only_the_redacted_words_laid_over_the_images() throws IOException {
        // Invisible text for search, copy-and-paste and screen readers, built from the redacted page text.
        String text = PdfInspection.text(result.pdf());
        assertThat(text).contains("A-number", "DOB 01/02/1985", "Case notes", "[REDACTED " + REASON + "]")
                .doesNotContain(A_NUMBER).doesNotContain("Juan").doesNotContain("Perez").doesNotContain("123456789");
        assertThat(PdfInspection.text(source)).contains(A_NUMBER, NAME); // the probe does see text where there is some
        try (PDDocument doc = Loader.loadPDF(result.pdf())) {
            for (PDPage page : doc.getPages()) {
                assertThat(RedactScanTest.renderModes(page)).containsOnly(3); // neither fill nor stroke: invisible
            }
        }
    }

    @Test
    void no_byte_or_object_of_the_published_pdf_holds_a_redacted_string() throws IOException {
        for (String needle : List.of(A_NUMBER, NAME)) {
            assertThat(leaks(result.pdf(), needle)).as(needle).isEmpty();
        }
        // The probe is not blind: it finds the strings all over the source.
        List<String> inSource = leaks(source, A_NUMBER);
        assertThat(inSource).anyMatch(s -> s.contains("/Author"))
                .anyMatch(s -> s.contains("/Keywords"))
                .anyMatch(s -> s.contains("/Contents"))
                .anyMatch(s -> s.contains("/Title"))
                .anyMatch(s -> s.contains("/V"))
                .anyMatch(s -> s.contains("decoded stream data"));
    }

    @Test
    void the_published_pdf_has_only_a_title_and_producer_and_nothing_else_beyond_its_pages() throws IOException {
        try (PDDocument doc = Loader.loadPDF(result.pdf())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getCOSObject().keySet()).containsExactlyInAnyOrder(COSName.TITLE, COSName.PRODUCER);
            assertThat(info.getTitle()).isEqualTo("FOIL release for [REDACTED " + REASON + "]");
            assertThat(info.getProducer()).isEqualTo("Daylight");
            assertThat(info.getAuthor()).isNull();
            assertThat(info.getSubject()).isNull();
            assertThat(info.getKeywords()).isNull();
            assertThat(doc.getDocumentCatalog().getMetadata()).isNull();
            assertThat(doc.getDocumentCatalog().getDocumentOutline()).isNull();
            assertThat(doc.getDocumentCatalog().getNames()).isNull();
            assertThat(doc.getDocumentCatalog().getAcroForm(null)).isNull();
            assertThat(doc.getDocumentCatalog().getCOSObject().keySet()).isSubsetOf(COSName.TYPE, COSName.PAGES, COSName.VERSION);
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            for (PDPage page : doc.getPages()) {
                assertThat(page.getAnnotations()).isEmpty();
                assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.LETTER.getWidth());
                assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.LETTER.getHeight());
                assertThat(page.getResources().getXObjectNames()).hasSize(1);
                // The invisible text's font: standard 14 Helvetica, nothing of the source's fonts, nothing embedded.
                for (COSName name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).getName()).isEqualTo("Helvetica");
                    assertThat(page.getResources().getFont(name).isEmbedded()).isFalse();
                }
            }
        }
    }

    @Test
    void the_redacted_strings_are_black_and_the_rest_of_the_line_is_not() throws IOException {
        BufferedImage page = render(result.pdf(), 0, DPI);
        // Not 1.0: the exemption is printed in white on the box where it fits.
        assertThat(blackFraction(page, region(LINE_1, A_NUMBER))).isGreaterThan(0.75);
        assertThat(blackFraction(page, region(LINE_1, NAME))).isGreaterThan(0.75);
        assertThat(blackFraction(page, region(LINE_1, "DOB"))).isLessThan(0.5).isGreaterThan(0.02);
        assertThat(blackFraction(page, region(LINE_1, "01/02/1985"))).isLessThan(0.5);
        // The same regions on the source: ink on white, nothing like a box.
        BufferedImage original = render(source, 0, DPI);
        assertThat(blackFraction(original, region(LINE_1, A_NUMBER))).isLessThan(0.5);
    }

    @Test
    void a_filled_in_form_field_is_boxed_too() throws IOException {
        BufferedImage withField;
        BufferedImage withoutField;
        try (PDDocument doc = Loader.loadPDF(source)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            withField = renderer.renderImageWithDPI(0, DPI);
            renderer.setAnnotationsFilter(a -> !(a instanceof PDAnnotationWidget));
            withoutField = renderer.renderImageWithDPI(0, DPI);
        }
        Rectangle fieldInk = PdfInspection.difference(withField, withoutField);
        assertThat(blackFraction(render(result.pdf(), 0, DPI), fieldInk)).isGreaterThan(0.75);
        assertThat(blackFraction(withField, fieldInk)).isLessThan(0.5);
    }

    @Test
    void page_texts_are_the_text_layer_with_the_strings_replaced() {
        assertThat(result.pageTexts()).hasSize(2);
        String page1 = result.pageTexts().get(0);
        assertThat(page1).contains("DOB 01/02/1985", "Case notes", "A-number", "[REDACTED " + REASON + "]")
                .doesNotContain(A_NUMBER).doesNotContain(NAME).doesNotContain("Juan").doesNotContain("Perez");
        assertThat(page1.lines().filter(l -> l.contains("DOB")).findFirst().orElseThrow())
                .isEqualTo("[REDACTED " + REASON + "], A-number [REDACTED " + REASON + "], DOB 01/02/1985");
        assertThat(result.pageTexts().get(1)).contains("Reference [REDACTED " + REASON + "] appears again").doesNotContain(A_NUMBER);
        assertThat(result.pagesWithheldInFull()).isEmpty();
    }

    @Test
    void a_string_not_in_the_text_layer_withholds_its_page_in_full() throws IOException {
        RedactionResult r = new Redactor(72).redactPdf(source, List.of(
                new Redaction(1, NAME, REASON),
                new Redaction(2, "Maria Lopez", "§87(2)(e)")), "Release");
        assertThat(r.pagesWithheldInFull()).containsExactly(2);
        assertThat(r.pageTexts().get(1)).isEqualTo("[Page withheld in full: §87(2)(e)]");
        assertThat(r.pageTexts().get(0)).contains(A_NUMBER).doesNotContain(NAME);
        BufferedImage withheld = render(r.pdf(), 1, 72);
        assertThat(blackFraction(withheld, new Rectangle(0, 0, withheld.getWidth(), withheld.getHeight()))).isEqualTo(1.0);
        BufferedImage kept = render(r.pdf(), 0, 72);
        assertThat(blackFraction(kept, new Rectangle(0, 0, kept.getWidth(), kept.getHeight()))).isLessThan(0.2);
        assertThat(leaks(r.pdf(), "Reference")).isEmpty();
    }

    @Test
    void a_redaction_past_the_last_page_is_refused() {
        assertThatThrownBy(() -> new Redactor().redactPdf(source, List.of(new Redaction(3, A_NUMBER, REASON)), "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Where {@code word} is set within {@code line} (drawn at X, BASELINE), in DPI pixels: digit/cap height, no margin. */
    static Rectangle region(String line, String word) throws IOException {
        int at = line.indexOf(word);
        double left = X + HELVETICA.getStringWidth(line.substring(0, at)) / 1000 * FONT_SIZE;
        double right = left + HELVETICA.getStringWidth(word) / 1000 * FONT_SIZE;
        double top = BASELINE + 0.7 * FONT_SIZE;
        double scale = DPI / 72.0;
        double pageHeight = PDRectangle.LETTER.getHeight();
        int x0 = (int) Math.ceil(left * scale) + 1;
        int x1 = (int) Math.floor(right * scale) - 1;
        int y0 = (int) Math.ceil((pageHeight - top) * scale) + 1;
        int y1 = (int) Math.floor((pageHeight - BASELINE) * scale) - 1;
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }
}
