package nyc.daylight.scorecards;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nyc.daylight.agencies.Agency;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The council brief as a PDF a council member can print or attach: headline numbers, oldest open requests, denials. */
final class BriefPdf {
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * MARGIN;

    private BriefPdf() {
    }

    static byte[] write(Agency agency, Scorecard c, List<ScorecardService.OpenRequest> oldest,
                        List<ScorecardService.Denial> denials) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(agency.name() + ": FOIL timeliness brief", 16, true));
        lines.add(new Line("Requests received " + c.period().from() + " to " + c.period().to() + ". Source: Daylight, methodology "
                + c.methodology() + ".", 9, false));
        lines.add(new Line("", 9, false));
        lines.add(new Line(c.received() + " requests received", 12, true));
        if ("NY_FOIL".equals(c.regime())) {
            lines.add(new Line(pct(c.responsePct()) + " answered within the 5 business days the law requires", 12, true));
        }
        lines.add(new Line(pct(c.onTimePct()) + " decided by the date the law required", 12, true));
        lines.add(new Line(c.overdueNow() + " requests overdue today (" + c.businessDaysOverdue() + " business days in all)", 12, true));
        lines.add(new Line("Grade " + c.grade().letter() + ": " + c.grade().formula(), 10, false));
        lines.add(new Line("", 9, false));
        lines.add(new Line("Longest-open requests", 13, true));
        if (oldest.isEmpty()) lines.add(new Line("None open.", 10, false));
        for (var o : oldest) {
            lines.add(new Line(o.number() + "  " + o.title() + " (received " + o.receivedOn()
                    + (o.overdueSince() == null ? "" : ", overdue since " + o.overdueSince()) + ")", 10, false));
        }
        lines.add(new Line("", 9, false));
        lines.add(new Line("Notable denials", 13, true));
        if (denials.isEmpty()) lines.add(new Line("No denials in this period.", 10, false));
        for (var d : denials) {
            lines.add(new Line(d.number() + "  " + d.title() + ": " + d.outcome().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (d.exemptions().isEmpty() ? "" : ", citing " + String.join(", ", d.exemptions().stream().map(x -> "§" + x).toList())),
                    10, false));
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(agency.name() + ": FOIL timeliness brief");
            info.setCreator("Daylight");
            doc.setDocumentInformation(info);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPage page = null;
            PDPageContentStream text = null;
            float y = 0;
            for (Line line : lines) {
                PDType1Font font = line.bold() ? bold : regular;
                for (String wrapped : wrap(safe(line.text()), font, line.size())) {
                    if (page == null || y < MARGIN + line.size()) {
                        if (text != null) text.close();
                        page = new PDPage(PDRectangle.LETTER);
                        doc.addPage(page);
                        text = new PDPageContentStream(doc, page);
                        y = PDRectangle.LETTER.getHeight() - MARGIN;
                    }
                    y -= line.size() * 1.4f;
                    text.beginText();
                    text.setFont(font, line.size());
                    text.newLineAtOffset(MARGIN, y);
                    text.showText(wrapped);
                    text.endText();
                }
            }
            if (text != null) text.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Line(String text, float size, boolean bold) {}

    private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !line.isEmpty()) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        out.add(line.toString());
        return out;
    }

    /** The standard fonts speak WinAnsi; anything else (a title in another script) becomes '?'. */
    private static String safe(String s) {
        StringBuilder b = new StringBuilder();
        java.nio.charset.CharsetEncoder enc = java.nio.charset.Charset.forName("windows-1252").newEncoder();
        for (char ch : s.toCharArray()) b.append(ch >= 32 && enc.canEncode(ch) ? ch : '?');
        return b.toString();
    }

    private static String pct(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v);
    }
}
