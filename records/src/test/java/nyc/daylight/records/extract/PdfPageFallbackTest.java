package nyc.daylight.records.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PdfPageFallbackTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none());

    @AfterEach
    void close() {
        extractor.close();
    }

    /** A three-page PDF whose middle page uses a composite font with no descendant font, which readers refuse. */
    static byte[] pdfWithBrokenMiddlePage() throws Exception {
        try (PDDocument doc = Loader.loadPDF(Fixtures.pdf("First page", "Second page", "Third page"))) {
            PDResources resources = new PDResources();
            COSDictionary font = new COSDictionary();
            font.setItem(COSName.TYPE, COSName.FONT);
            font.setItem(COSName.SUBTYPE, COSName.TYPE0);
            font.setItem(COSName.BASE_FONT, COSName.getPDFName("Broken"));
            font.setItem(COSName.ENCODING, COSName.getPDFName("Identity-H"));
            COSDictionary fonts = new COSDictionary();
            fonts.setItem(COSName.getPDFName("F1"), font);
            resources.getCOSObject().setItem(COSName.FONT, fonts);
            doc.getPage(1).setResources(resources);
            COSStream content = doc.getDocument().createCOSStream();
            try (OutputStream out = content.createOutputStream()) {
                out.write("BT /F1 12 Tf 72 700 Td <00410042> Tj ET".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            doc.getPage(1).getCOSObject().setItem(COSName.CONTENTS, content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void a_page_that_throws_costs_only_itself_with_a_note() throws Exception {
        ExtractedDocument doc = extractor.extract("release.pdf", pdfWithBrokenMiddlePage());

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.pages()).hasSize(3);
        assertThat(doc.pages().get(0).text()).isEqualTo("First page");
        assertThat(doc.pages().get(1).text()).isEmpty();
        assertThat(doc.pages().get(2).text()).isEqualTo("Third page");
        assertThat(doc.notes()).singleElement().asString().startsWith("Page 2 could not be read: ");
    }
}
