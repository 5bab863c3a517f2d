package nyc.daylight.scorecards;

import java.io.IOException;
import java.util.List;
import nyc.daylight.web.PdfPages;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * The brief's month-by-month chart drawn with PDFBox: for each month received, a light bar for the
 * requests received and a dark one for those decided on time, on one scale from zero, as the
 * page's SVG chart draws them. The figures themselves follow as text, so nothing is only in the picture.
 */
final class MonthlyChartPdf {
    static final float HEIGHT = 170;
    private static final float AXIS = 24;
    private static final float LABELS = 16;

    private MonthlyChartPdf() {
    }

    static void draw(PDPageContentStream cs, PDType1Font font, float x, float top, float width, List<Scorecard.Month> months)
            throws IOException {
        int max = 1;
        for (Scorecard.Month m : months) max = Math.max(max, m.received());
        float baseline = top - HEIGHT + LABELS;
        float plot = HEIGHT - LABELS - 8;
        float left = x + AXIS;
        float slot = (width - AXIS) / months.size();
        cs.setStrokingColor(0.53f, 0.53f, 0.53f);
        cs.setLineWidth(0.5f);
        cs.moveTo(left, baseline);
        cs.lineTo(x + width, baseline);
        cs.moveTo(left, baseline);
        cs.lineTo(left, baseline + plot);
        cs.stroke();
        PdfPages.show(cs, font, 7, x, baseline + plot - 6, Integer.toString(max));
        PdfPages.show(cs, font, 7, x + AXIS - 8, baseline, "0");
        // One label every few months when there are many, as on the page.
        int every = months.size() <= 12 ? 1 : (months.size() + 11) / 12;
        for (int i = 0; i < months.size(); i++) {
            Scorecard.Month m = months.get(i);
            float bx = left + i * slot + slot * 0.1f;
            float bw = slot * 0.4f;
            float received = plot * m.received() / max;
            float onTime = plot * m.onTime() / max;
            cs.setNonStrokingColor(0.75f, 0.78f, 0.82f);
            cs.addRect(bx, baseline, bw, received);
            cs.fill();
            cs.setNonStrokingColor(0.12f, 0.23f, 0.42f);
            cs.addRect(bx + bw, baseline, bw, onTime);
            cs.fill();
            cs.setNonStrokingColor(0f, 0f, 0f);
            if (i % every == 0) PdfPages.show(cs, font, 6.5f, bx, baseline - 10, m.month().substring(2));
        }
    }
}
