package nyc.daylight.records.extract;

import static nyc.daylight.records.extract.EmailExtractionTest.child;
import static nyc.daylight.records.extract.Fixtures.entries;
import static nyc.daylight.records.extract.Fixtures.utf8;
import static nyc.daylight.records.extract.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArchiveExtractionTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none());

    @AfterEach
    void close() {
        extractor.close();
    }

    @Test
    void each_file_in_a_zip_is_a_child_under_its_base_name() {
        byte[] archive = zip(entries(
                "reports/", null,
                "reports/2024/inspection.pdf", Fixtures.pdf("Inspection of 12 Main St"),
                "../../etc/cron.txt", utf8("not a path anyone should write to"),
                "C:\\Users\\clerk\\notes.txt", utf8("windows path"),
                "__MACOSX/reports/._inspection.pdf", new byte[] {0, 5, 22, 7},
                "inner.zip", zip(entries("deep/memo.txt", utf8("Memo inside an inner archive")))));

        ExtractedDocument doc = extractor.extract("release.zip", archive);

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.kind()).isEqualTo("archive");
        assertThat(doc.contentType()).isEqualTo("application/zip");
        assertThat(doc.pages()).isEmpty();
        assertThat(doc.children()).extracting(ExtractedDocument::name).containsExactly("inspection.pdf", "cron.txt", "notes.txt", "inner.zip");
        assertThat(child(doc, "inspection.pdf").text()).isEqualTo("Inspection of 12 Main St");
        assertThat(child(doc, "cron.txt").kind()).isEqualTo("text");
        ExtractedDocument inner = child(doc, "inner.zip");
        assertThat(inner.kind()).isEqualTo("archive");
        assertThat(child(inner, "memo.txt").text()).isEqualTo("Memo inside an inner archive");
        assertThat(child(inner, "memo.txt").content()).isEqualTo(utf8("Memo inside an inner archive"));
    }

    @Test
    void an_office_file_inside_a_zip_is_read_as_office_not_as_an_archive() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Log");
            sheet.createRow(0).createCell(0).setCellValue("Officer");
            sheet.createRow(1).createCell(0).setCellValue("Badge 1234");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            xlsx = out.toByteArray();
        }
        ExtractedDocument doc = extractor.extract("release.zip", zip(entries("log.xlsx", xlsx)));
        ExtractedDocument log = child(doc, "log.xlsx");
        assertThat(log.kind()).isEqualTo("spreadsheet");
        assertThat(log.text()).isEqualTo("Sheet: Log\n\nOfficer: Badge 1234");
    }

    @Test
    void an_email_inside_a_zip_has_its_attachments_extracted_too() {
        byte[] eml = Fixtures.email("Permit", "See attached.", Map.of(
                "permit.txt", new Fixtures.Attachment(utf8("Permit 7 granted"), "text/plain")));
        ExtractedDocument doc = extractor.extract("mail.zip", zip(entries("mail/permit.eml", eml)));
        ExtractedDocument email = child(doc, "permit.eml");
        assertThat(email.kind()).isEqualTo("email");
        assertThat(child(email, "permit.txt").text()).isEqualTo("Permit 7 granted");
    }

    @Test
    void a_corrupt_zip_fails_with_a_reason() {
        byte[] archive = zip(entries("a.txt", utf8("x".repeat(5000))));
        byte[] truncated = java.util.Arrays.copyOf(archive, 40);
        ExtractedDocument doc = extractor.extract("broken.zip", truncated);
        assertThat(doc.kind()).isEqualTo("archive");
        assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(doc.failureReason()).startsWith("The ZIP archive could not be read; it may be damaged or incomplete (");
    }

    @Test
    void names_written_in_the_dos_code_page_are_read_in_it() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Not UTF-8 and not flagged as such, as Windows' own ZIP tool wrote them.
        try (ZipOutputStream zip = new ZipOutputStream(out, Charset.forName("IBM437"))) {
            zip.putNextEntry(new ZipEntry("R\u00e9sum\u00e9.txt"));
            zip.write(utf8("Curriculum vitae"));
            zip.closeEntry();
        }
        ExtractedDocument doc = extractor.extract("cv.zip", out.toByteArray());
        assertThat(doc.status()).as(doc.failureReason()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.children()).singleElement().satisfies(cv -> {
            assertThat(cv.name()).isEqualTo("R\u00e9sum\u00e9.txt");
            assertThat(cv.text()).isEqualTo("Curriculum vitae");
        });
    }

    @Test
    void base_names_never_carry_a_path() {
        assertThat(ArchiveEntries.baseName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ArchiveEntries.baseName("a\\b\\c.pdf")).isEqualTo("c.pdf");
        assertThat(ArchiveEntries.baseName("dir/..")).isEmpty();
        assertThat(ArchiveEntries.baseName("bad\u0000name\n.txt")).isEqualTo("badname.txt");
    }
}
