package nyc.daylight.records.extract;

import static nyc.daylight.records.extract.Fixtures.utf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The team's own corpus: one generated file for every class of file issue #30 found Daylight
 * failing on, plus ordinary ones, for the corpus harness to read. Nothing third-party.
 */
final class CorpusFixtures {
    private CorpusFixtures() {}

    static Map<String, byte[]> all() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("pdf/letter.pdf", Fixtures.pdf("Determination letter", "Page two of the letter"));
        files.put("pdf/broken-middle-page.pdf", PdfPageFallbackTest.pdfWithBrokenMiddlePage());
        files.put("pdf/scan.pdf", Fixtures.scannedPdf("SCANNED"));
        files.put("office/outlook.msg", FormatFixtures.msg("Records for FOIL-2024-0117", "Please find the roster attached.",
                "Records Unit", "records@dcas.nyc.gov", "Jane Doe", Instant.parse("2024-05-02T15:04:00Z"), "roster.csv",
                utf8("Name,Title\nA. Diaz,Clerk\nK. Osei,Analyst\n")));
        files.put("office/letter.rtf", FormatFixtures.rtf());
        files.put("office/audit.odt", FormatFixtures.odt("Audit", "2022-09-01T08:15:00", "Audit of 2021 stops", "Findings"));
        files.put("office/detainers.ods", FormatFixtures.ods("Detainers", new String[] {"Date", "Count"}, new String[] {"2024-01-03", "4"}));
        files.put("office/budget95.xls", FormatFixtures.biff5("FY1996", "Agency", "Amount", "DOC", "Overtime"));
        files.put("office/lower-case-streams.xls", FormatFixtures.lowerCaseStreams(FormatFixtures.xls("Plate", "Fine", "ABC123", "65")));
        files.put("office/velvet-sweatshop.xlsx", FormatFixtures.velvetSweatshopXlsx("Officer", "Sgt. Alvarez"));
        files.put("office/tickets.xls", FormatFixtures.xls("Plate", "Fine", "XYZ789", "115"));
        files.put("text/licenses.tsv", utf8("MATLAB\tSeats\tDivision\nR2021a\t12\tTraffic\nR2022b\t30\tParks\n"));
        files.put("text/memo.txt", utf8("To: The Commissioner\nFrom: Jane Smith, Deputy\nRe: Overtime § 12\n\nDear Commissioner,\n"));
        files.put("text/notes.txt", utf8("Meeting notes\nMessage-ID: <abc123@agency.nyc.gov>\n\nPresent: § 87 committee\n"));
        files.put("mail/outlook.eml", MailFixtures.outlook());
        files.put("mail/lotus-notes.eml", MailFixtures.lotusNotes());
        files.put("mail/apple-mail.eml", MailFixtures.appleMail());
        files.put("mail/exchange-tnef.eml", MailFixtures.exchangeTnef());
        files.put("mail/gmail-takeout.mbox", MailFixtures.gmailMbox());
        files.put("mail/exim-bounce.eml", MailFixtures.eximBounce());
        files.put("mail/microsoft-dsn.eml", MailFixtures.microsoftDsn());
        files.put("mail/broken-part.eml", MailFixtures.brokenPart());
        files.put("mail/winmail.dat", FormatFixtures.tnef("Response", "See the attached letter.", "letter.txt", utf8("Granted.")));
        files.put("archive/release.zip", Fixtures.zip(Fixtures.entries("counts.csv", utf8("Year,Count\n2023,4\n2024,9\n"),
                "cover\u0000.txt", utf8("Cover letter"))));
        return files;
    }

    static void writeTo(Path dir) throws IOException {
        try {
            for (Map.Entry<String, byte[]> f : all().entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, f.getValue());
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Could not generate the fixtures", e);
        }
    }
}
