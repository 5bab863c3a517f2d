package nyc.daylight.records.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OfficeExtractionTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none());

    @AfterEach
    void close() {
        extractor.close();
    }

    @Test
    void an_xlsx_workbook_reads_sheet_by_sheet_as_header_value_rows() throws IOException {
        ExtractedDocument doc = extractor.extract("detainers.xlsx", workbook(new XSSFWorkbook()));

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.kind()).isEqualTo("spreadsheet");
        assertThat(doc.contentType()).isEqualTo(TypeSniffer.XLSX);
        assertSheets(doc);
    }

    @Test
    void an_xls_workbook_reads_the_same_way() throws IOException {
        ExtractedDocument doc = extractor.extract("detainers.xls", workbook(new HSSFWorkbook()));

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.kind()).isEqualTo("spreadsheet");
        assertThat(doc.contentType()).isEqualTo(TypeSniffer.XLS);
        assertSheets(doc);
    }

    private static void assertSheets(ExtractedDocument doc) {
        assertThat(doc.pages()).hasSize(3);
        assertThat(doc.pages().get(0).text().lines()).hasSize(52).startsWith("Sheet: Detainers", "",
                "Name: Person 1; Booked: 3/5/24; Bail: 1,500.00; Column E: late entry");
        assertThat(doc.pages().get(1).text().lines()).startsWith("Sheet: Detainers (continued)", "",
                "Name: Person 51; Booked: 3/5/24; Bail: 1,500.00").hasSize(2 + 10);
        assertThat(doc.pages().get(2).text()).isEqualTo("Sheet: Notes\n\nNote: Released under FOIL 2024-0815; Total: 90000");
    }

    /** Sheet "Detainers": a header, 60 rows with a date and a formatted number; sheet "Notes" with a formula. */
    private static byte[] workbook(Workbook wb) throws IOException {
        try (wb) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("m/d/yy"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            Sheet sheet = wb.createSheet("Detainers");
            sheet.createRow(0); // an empty row before the header is skipped
            Row header = sheet.createRow(1);
            header.createCell(0).setCellValue("Name");
            header.createCell(1).setCellValue("Booked");
            header.createCell(2).setCellValue("Bail");
            for (int i = 1; i <= 60; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue("Person " + i);
                row.createCell(1).setCellValue(LocalDate.of(2024, 3, 5));
                row.getCell(1).setCellStyle(date);
                row.createCell(2).setCellValue(1500);
                row.getCell(2).setCellStyle(money);
                if (i == 1) row.createCell(4).setCellValue("late entry");
            }
            Sheet notes = wb.createSheet("Notes");
            Row h = notes.createRow(0);
            h.createCell(0).setCellValue("Note");
            h.createCell(1).setCellValue("Total");
            Row r = notes.createRow(1);
            r.createCell(0).setCellValue("Released under FOIL 2024-0815");
            r.createCell(1).setCellFormula("60*1500");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void a_docx_is_paged_like_text() throws IOException {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Determination of appeal");
            for (int i = 0; i < 80; i++) doc.createParagraph().createRun().setText("Paragraph " + i + " explains the exemption under Public Officers Law section 87.");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            docx = out.toByteArray();
        }
        ExtractedDocument doc = extractor.extract("appeal.docx", docx);
        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.kind()).isEqualTo("word");
        assertThat(doc.contentType()).isEqualTo(TypeSniffer.DOCX);
        assertThat(doc.pages()).hasSize(2);
        assertThat(doc.pages().get(0).text()).startsWith("Determination of appeal\nParagraph 0 explains");
        assertThat(doc.pages().get(1).text()).startsWith("Paragraph ").endsWith("section 87.");
        assertThat(doc.text()).contains("Paragraph 79 explains the exemption");
    }

    @Test
    void a_damaged_doc_is_recognised_as_word_and_fails_with_a_reason() throws IOException {
        byte[] fakeDoc = ole2("WordDocument", new byte[512]);
        ExtractedDocument doc = extractor.extract("letter.doc", fakeDoc);
        assertThat(doc.kind()).isEqualTo("word");
        assertThat(doc.contentType()).isEqualTo(TypeSniffer.DOC);
        assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(doc.failureReason()).startsWith("The Word document could not be read; it may be damaged or incomplete (");
    }

    @Test
    void other_ole2_files_are_unsupported_and_a_damaged_deck_fails_as_a_presentation() throws IOException {
        // A Publisher file (its "Quill" stream): no reader for it.
        ExtractedDocument doc = extractor.extract("flyer.pub", ole2("Quill", new byte[64]));
        assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(doc.kind()).isEqualTo("other");
        assertThat(doc.failureReason()).startsWith("Daylight cannot read files of type ");
        // PowerPoint is read (FormatExtractionTest); a deck whose stream is garbage is a damaged one.
        ExtractedDocument deck = extractor.extract("deck.ppt", ole2("PowerPoint Document", new byte[64]));
        assertThat(deck.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(deck.kind()).isEqualTo("presentation");
        assertThat(deck.failureReason()).startsWith("The presentation could not be read");
    }

    @Test
    void a_password_protected_office_file_fails_as_encrypted() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Sealed");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            docx = out.toByteArray();
        }
        byte[] encrypted;
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(docx)); OutputStream os = encryptor.getDataStream(fs)) {
                pkg.save(os);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            encrypted = out.toByteArray();
        }
        ExtractedDocument doc = extractor.extract("sealed.docx", encrypted);
        assertThat(doc.status()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(doc.failureReason()).isEqualTo("The Office document is protected with a password, so Daylight cannot read it.");
    }

    private static byte[] ole2(String entry, byte[] data) throws IOException {
        Arrays.fill(data, (byte) 7);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(data), entry);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
