package nyc.daylight.records.extract;

import static nyc.daylight.records.extract.EmailExtractionTest.child;
import static nyc.daylight.records.extract.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The formats agencies release that the bundled libraries read, each from a fixture built in code. */
class FormatExtractionTest {
    private final Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.none());

    @AfterEach
    void close() {
        extractor.close();
    }

    @Test
    void an_outlook_msg_reads_like_an_eml_with_its_attachment_as_a_child() {
        byte[] msg = FormatFixtures.msg("Records for FOIL-2024-0117", "Please find the roster attached.\r\nRegards,\r\nRecords Unit",
                "Records Unit", "records@dcas.nyc.gov", "Jane Doe", Instant.parse("2024-05-02T15:04:00Z"),
                "roster.csv", utf8("Name,Title\nA. Diaz,Clerk\nK. Osei,Analyst\n"));

        ExtractedDocument doc = extractor.extract("reply.msg", msg);

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.kind()).isEqualTo("email");
        assertThat(doc.contentType()).isEqualTo("application/vnd.ms-outlook");
        assertThat(doc.typeName()).isEqualTo("Outlook message");
        assertThat(doc.fields()).containsEntry("from", "Records Unit <records@dcas.nyc.gov>")
                .containsEntry("to", "Jane Doe").containsEntry("subject", "Records for FOIL-2024-0117")
                .containsEntry("date", "2024-05-02T15:04:00Z");
        assertThat(doc.title()).isEqualTo("Records for FOIL-2024-0117");
        assertThat(doc.recordDate()).isEqualTo(Instant.parse("2024-05-02T15:04:00Z"));
        assertThat(doc.text()).startsWith("From: Records Unit <records@dcas.nyc.gov>\n").contains("Please find the roster attached.");
        assertThat(child(doc, "roster.csv").text()).contains("Name: A. Diaz; Title: Clerk");
    }

    @Test
    void an_rtf_letter_gives_its_text_title_and_date() {
        ExtractedDocument doc = extractor.extract("letter.rtf", FormatFixtures.rtf());

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.kind()).isEqualTo("word");
        assertThat(doc.typeName()).isEqualTo("Rich Text document");
        assertThat(doc.text()).startsWith("Dear Ms. Pérez,")
                .contains("Your request under §87(2)(b) – the café permits — is granted in part.")
                .endsWith("Records Access Officer")
                .doesNotContain("Calibri", "Riched20", "0102030405");
        assertThat(doc.title()).isEqualTo("Notice of determination");
        assertThat(doc.recordDate()).isEqualTo(Instant.parse("2023-11-14T10:05:00Z"));
    }

    @Test
    void an_odt_reads_as_text_with_its_title_and_creation_date() {
        byte[] odt = FormatFixtures.odt("Stop-and-frisk audit", "2022-09-01T08:15:00", "Audit of 2021 stops", "Findings  and method");
        ExtractedDocument doc = extractor.extract("audit.odt", odt);

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.kind()).isEqualTo("word");
        assertThat(doc.contentType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(doc.typeName()).isEqualTo("OpenDocument text");
        assertThat(doc.text()).isEqualTo("Audit of 2021 stops\nFindings  and method");
        assertThat(doc.title()).isEqualTo("Stop-and-frisk audit");
        assertThat(doc.recordDate()).isEqualTo(Instant.parse("2022-09-01T08:15:00Z"));
    }

    @Test
    void a_style_template_with_no_content_xml_reads_its_headers_and_footers_instead_of_failing() {
        // LibreOffice ships its own style templates so (share/template/common/styles/Default.ott).
        ExtractedDocument doc = extractor.extract("Default.ott", FormatFixtures.odtStylesOnly("Office of the Commissioner"));
        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.text()).isEqualTo("Office of the Commissioner");
        assertThat(doc.title()).isEqualTo("Default");
    }

    @Test
    void a_sheet_of_one_row_is_read_as_that_row_not_dropped_as_a_header_over_nothing() throws Exception {
        // R's gdata ships such a workbook (wide.xls/.xlsx: one row, every column); lists laid out across look the same.
        byte[] xlsx;
        byte[] xls;
        try (var x = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var h = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
                var xo = new java.io.ByteArrayOutputStream(); var ho = new java.io.ByteArrayOutputStream()) {
            for (org.apache.poi.ss.usermodel.Workbook wb : java.util.List.of(x, h)) {
                var row = wb.createSheet("Precincts").createRow(0);
                row.createCell(0).setCellValue("1st");
                row.createCell(2).setCellValue("5th");
                row.createCell(3).setCellValue(7);
            }
            x.write(xo);
            h.write(ho);
            xlsx = xo.toByteArray();
            xls = ho.toByteArray();
        }
        byte[] ods = FormatFixtures.ods("Precincts", new String[] {"1st", "5th", "7"});
        for (byte[] file : java.util.List.of(xlsx, xls, ods)) {
            assertThat(extractor.extract("precincts", file).text()).isEqualTo("Sheet: Precincts\n\n1st; 5th; 7");
        }
    }

    @Test
    void a_powerpoint_deck_reads_one_page_a_slide_with_its_speaker_notes() {
        ExtractedDocument pptx = extractor.extract("training.pptx", FormatFixtures.pptx("Say: detainers are not warrants.",
                "Detainer training, 2024", "Step one: check for a judicial warrant"));
        assertThat(pptx.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(pptx.kind()).isEqualTo("presentation");
        assertThat(pptx.typeName()).isEqualTo("PowerPoint presentation");
        assertThat(pptx.pages()).hasSize(2);
        assertThat(pptx.pages().get(0).text()).contains("Detainer training, 2024", "Say: detainers are not warrants.");
        assertThat(pptx.pages().get(1).text()).isEqualTo("Step one: check for a judicial warrant");

        ExtractedDocument ppt = extractor.extract("briefing.ppt", FormatFixtures.ppt("Briefing for precinct commanders", "Questions"));
        assertThat(ppt.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(ppt.contentType()).isEqualTo("application/vnd.ms-powerpoint");
        assertThat(ppt.pages()).extracting(ExtractedPage::text).containsExactly("Briefing for precinct commanders", "Questions");
    }

    @Test
    void an_ods_reads_like_a_spreadsheet_and_its_padding_costs_nothing() {
        byte[] ods = FormatFixtures.ods("Detainers", new String[] {"Date", "Facility", "Count"},
                new String[] {"2024-01-03", "Rikers", "4"}, new String[] {"2024-01-04", "Brooklyn", "2"});
        ExtractedDocument doc = extractor.extract("detainers.ods", ods);

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.kind()).isEqualTo("spreadsheet");
        assertThat(doc.text()).isEqualTo("Sheet: Detainers\n\nDate: 2024-01-03; Facility: Rikers; Count: 4\n"
                + "Date: 2024-01-04; Facility: Brooklyn; Count: 2");
    }

    @Test
    void an_odf_package_without_its_stored_mimetype_is_still_recognised_by_its_entries() {
        byte[] zip = Fixtures.zip(Fixtures.entries("META-INF/manifest.xml", utf8("<manifest/>"), "content.xml", utf8(
                "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                        + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                        + "<text:p>Minutes of the board</text:p></office:text></office:body></office:document-content>")));
        ExtractedDocument doc = extractor.extract("minutes.odt", zip);
        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.kind()).isEqualTo("word");
        assertThat(doc.text()).isEqualTo("Minutes of the board");
    }

    @Test
    void an_excel_95_workbook_is_read_with_the_old_excel_reader() {
        ExtractedDocument doc = extractor.extract("budget95.xls", FormatFixtures.biff5("FY1996", "Agency", "Amount", "DOC", "Overtime"));

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.kind()).isEqualTo("spreadsheet");
        assertThat(doc.text()).contains("Agency", "Amount", "DOC", "Overtime", "1995");
    }

    @Test
    void an_ole2_file_with_lower_case_stream_names_is_read() {
        byte[] xls = FormatFixtures.lowerCaseStreams(FormatFixtures.xls("Plate", "Fine", "ABC123", "65"));
        ExtractedDocument doc = extractor.extract("tickets.xls", xls);

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.contentType()).isEqualTo(TypeSniffer.XLS);
        assertThat(doc.text()).contains("Plate: ABC123; Fine: 65");
    }

    @Test
    void an_xlsx_under_excels_default_password_opens_without_asking_for_one() {
        ExtractedDocument doc = extractor.extract("roster.xlsx", FormatFixtures.velvetSweatshopXlsx("Officer", "Sgt. Alvarez"));
        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        // Shown as what it is: the wrapper is no more than Excel's way of saving it.
        assertThat(doc.kind()).isEqualTo("spreadsheet");
        assertThat(doc.contentType()).isEqualTo(TypeSniffer.XLSX);
        assertThat(doc.text()).isEqualTo("Sheet: Roster\n\nOfficer: Sgt. Alvarez");

    }

    @Test
    void tab_separated_text_that_tika_calls_a_matlab_file_is_read_as_a_table() {
        byte[] tsv = utf8("MATLAB\tSeats\tDivision\nR2021a\t12\tTraffic\nR2022b\t30\tParks\n");
        ExtractedDocument doc = extractor.extract("licenses.tsv", tsv);

        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.contentType()).isEqualTo(TypeSniffer.TSV);
        assertThat(doc.kind()).isEqualTo("csv");
        assertThat(doc.text()).isEqualTo("MATLAB: R2021a; Seats: 12; Division: Traffic\nMATLAB: R2022b; Seats: 30; Division: Parks");
    }

    @Test
    void a_winmail_dat_on_its_own_gives_its_text_and_files() {
        ExtractedDocument doc = extractor.extract("winmail.dat", FormatFixtures.tnef("Response letter", "See the attached letter.",
                "letter.txt", utf8("The records are attached.")));
        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.contentType()).isEqualTo(TypeSniffer.TNEF);
        assertThat(doc.text()).contains("Subject: Response letter", "See the attached letter.");
        assertThat(child(doc, "letter.txt").text()).isEqualTo("The records are attached.");
    }

    @Test
    void a_pdf_gives_its_title_and_creation_date() throws Exception {
        byte[] pdf;
        try (var d = org.apache.pdfbox.Loader.loadPDF(Fixtures.pdf("Body"))) {
            d.getDocumentInformation().setTitle("Use-of-force report 2024");
            var when = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(Instant.parse("2024-02-29T12:00:00Z").toEpochMilli());
            d.getDocumentInformation().setCreationDate(when);
            var out = new java.io.ByteArrayOutputStream();
            d.save(out);
            pdf = out.toByteArray();
        }
        ExtractedDocument doc = extractor.extract("uof.pdf", pdf);
        assertThat(doc.title()).isEqualTo("Use-of-force report 2024");
        assertThat(doc.recordDate()).isEqualTo(Instant.parse("2024-02-29T12:00:00Z"));
        assertThat(doc.typeName()).isEqualTo("PDF");
    }

    @Test
    void human_names_never_show_an_internal_media_type() {
        assertThat(TypeNames.of("application/pdf")).isEqualTo("PDF");
        assertThat(TypeNames.of("application/x-tika-ooxml")).isEqualTo("File");
        assertThat(TypeNames.of("application/x-tika-msoffice")).isEqualTo("File");
        assertThat(TypeNames.of("text/csv; charset=UTF-8")).isEqualTo("CSV file");
        assertThat(TypeNames.of("image/webp")).isEqualTo("Image");
        assertThat(TypeNames.of(null)).isEqualTo("File");
    }
}
