package nyc.daylight.records.extract;

import static nyc.daylight.records.extract.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Nothing the extractor or the mail parser hands out holds a character PostgreSQL refuses. */
class TextSafetyTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none());

    @AfterEach
    void close() {
        extractor.close();
    }

    @Test
    void nul_unpaired_surrogates_and_noncharacters_are_dropped_and_pairs_kept() {
        assertThat(TextSafety.clean("a\u0000b")).isEqualTo("ab");
        assertThat(TextSafety.clean("x\uD800y\uDC00z")).isEqualTo("xyz");
        assertThat(TextSafety.clean("emoji \uD83D\uDCC4 kept")).isEqualTo("emoji \uD83D\uDCC4 kept");
        assertThat(TextSafety.clean("end\uD83D")).isEqualTo("end");
        assertThat(TextSafety.clean("\uFFFEok\uFFFF")).isEqualTo("ok");
        assertThat(TextSafety.clean("§ 87(2) – café")).isEqualTo("§ 87(2) – café");
        assertThat(TextSafety.clean((String) null)).isNull();
    }

    @Test
    void a_nul_in_a_pdf_text_layer_and_title_is_not_stored() throws Exception {
        byte[] pdf;
        try (PDDocument doc = Loader.loadPDF(Fixtures.pdf("BAD RECORD"))) {
            // The font's encoding maps "A" to the glyph uni0000, so the text layer reads "B\0D RECORD".
            PDPage page = doc.getPage(0);
            COSName font = page.getResources().getFontNames().iterator().next();
            COSDictionary encoding = new COSDictionary();
            encoding.setItem(COSName.BASE_ENCODING, COSName.WIN_ANSI_ENCODING);
            COSArray differences = new COSArray();
            differences.add(COSInteger.get(65));
            differences.add(COSName.getPDFName("uni0000"));
            encoding.setItem(COSName.DIFFERENCES, differences);
            page.getResources().getFont(font).getCOSObject().setItem(COSName.ENCODING, encoding);
            doc.getDocumentInformation().setTitle("Annual\u0000 report");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        ExtractedDocument doc = extractor.extract("nul.pdf", pdf);
        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.text()).isEqualTo("BD RECORD");
        assertThat(doc.title()).isEqualTo("Annual report");
    }

    @Test
    void a_nul_in_an_email_body_subject_and_attachment_name_is_not_stored() throws Exception {
        String eml = "From: clerk@agency.nyc.gov\r\nTo: a@example.org\r\nDate: Tue, 5 Mar 2024 09:30:00 -0500\r\n"
                + "Subject: =?UTF-8?Q?Response=00_letter?=\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe records\u0000 are attached &#xD800;.\r\n"
                + "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"=?UTF-8?Q?log=00.txt?=\"\r\n\r\nrow\r\n--b--\r\n";
        byte[] raw = eml.getBytes(StandardCharsets.ISO_8859_1);

        ExtractedDocument doc = extractor.extract("nul.eml", raw);
        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.title()).isEqualTo("Response letter");
        assertThat(doc.fields().get("subject")).isEqualTo("Response letter");
        assertThat(doc.text()).contains("The records are attached").doesNotContain("\u0000");
        assertThat(doc.children()).extracting(ExtractedDocument::name).containsExactly("log.txt");

        ParsedMail mail = ParsedMail.parse(raw);
        assertThat(mail.subject()).isEqualTo("Response letter");
        assertThat(mail.body()).isEqualTo("The records are attached &#xD800;.");
        assertThat(mail.attachments()).extracting(ParsedMail.File::name).containsExactly("log.txt");
    }

    @Test
    void a_lone_surrogate_from_an_html_entity_is_not_stored() {
        ExtractedDocument doc = extractor.extract("page.html", utf8("<html><body><p>Broken &#xD800; char</p></body></html>"));
        assertThat(doc.text()).isEqualTo("Broken  char");
    }

    @Test
    void a_nul_in_a_zip_entry_name_is_not_stored() {
        byte[] zip = Fixtures.zip(Fixtures.entries("minutes\u0000.txt", utf8("Board minutes")));
        ExtractedDocument doc = extractor.extract("bundle.zip", zip);
        assertThat(doc.children()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("minutes.txt");
            assertThat(c.text()).isEqualTo("Board minutes");
        });
    }

    @Test
    void fields_keys_and_values_are_cleaned_at_the_boundary() {
        ExtractedDocument doc = new ExtractedDocument("a\u0000.txt", "text/plain", "text", ExtractionStatus.OK, null,
                java.util.List.of(new ExtractedPage(1, "p\u0000age", false, false)), Map.of("subject", "s\u0000"), null, null,
                "T\u0000itle", null, java.util.List.of("n\uDC00ote"));
        assertThat(doc.name()).isEqualTo("a.txt");
        assertThat(doc.text()).isEqualTo("page");
        assertThat(doc.fields()).containsExactly(Map.entry("subject", "s"));
        assertThat(doc.title()).isEqualTo("Title");
        assertThat(doc.notes()).containsExactly("note");
    }
}
