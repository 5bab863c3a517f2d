package nyc.daylight.records.correspondents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nyc.daylight.records.extract.ExtractionLimits;
import nyc.daylight.records.extract.Extractor;
import nyc.daylight.records.extract.Ocr;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** The case end to end in the library: a released printout PDF, its text layer, its domains by page. */
class PrintoutPdfTest {
    @Test
    void the_federal_domains_of_a_redacted_printout_pdf_are_found_on_their_pages() throws IOException {
        byte[] pdf = pdf(new String[][] {
            {"From: [REDACTED (b)(6)] <[REDACTED (b)(6)]@ice.dhs.gov>", "Sent: Tuesday, March 3, 2026 4:12 PM",
                "To: Detainer Unit <detainers@doc.nyc.gov>", "Subject: detainer", "", "Enforcement and Removal Operations",
                "New York Field Office"},
            {"Meeting notes, no e-mail on this page."},
            {"From: Lee, Kim (MOIA) <klee@immigrants.nyc.gov>", "Sent: Friday, May 8, 2026 1:00 PM",
                "To: hsi.newyork@ice.dhs.gov", "Cc: info@cbp.dhs.gov", "Subject: FW: request"}});
        var doc = new Extractor(ExtractionLimits.defaults(), Ocr.none()).extract("printout.pdf", pdf);
        Map<String, TreeSet<Integer>> federalPages = new TreeMap<>();
        for (var page : doc.pages()) {
            for (var message : HeaderBlocks.parse(page.text())) {
                for (var party : message.parties()) {
                    if (Offices.classify(party.domain(), page.text()).side() == Offices.Side.FEDERAL) {
                        federalPages.computeIfAbsent(party.domain(), d -> new TreeSet<>()).add(page.number());
                    }
                }
                assertFalse(message.parties().toString().contains("(b)(6)"));
            }
        }
        assertEquals(Map.of("ice.dhs.gov", new TreeSet<>(java.util.List.of(1, 3)),
                "cbp.dhs.gov", new TreeSet<>(java.util.List.of(3))), federalPages);
        assertEquals("ICE ERO New York Field Office",
                Offices.classify("ice.dhs.gov", doc.pages().get(0).text()).name());
    }

    private static byte[] pdf(String[][] pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String[] lines : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    out.beginText();
                    out.setFont(helvetica, 11);
                    out.setLeading(14);
                    out.newLineAtOffset(72, 700);
                    for (String line : lines) {
                        out.showText(line);
                        out.newLine();
                    }
                    out.endText();
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }
}
