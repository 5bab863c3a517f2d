package nyc.daylight.scorecards;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import nyc.daylight.agencies.Agency;
import nyc.daylight.core.Formats;
import nyc.daylight.core.Message;
import nyc.daylight.web.PdfPages;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The council brief as a PDF a council member can print, attach or hand a judge: the brief page's
 * content from the same bundle keys, in the reader's language. Every rate carries its n and 95%
 * interval, the monthly chart is drawn (PDFBox, no charting library), denials and partial grants
 * are listed under their own names, and on demo data every page says so.
 */
final class BriefPdf {
    private BriefPdf() {
    }

    /** What the brief says, for the page and the PDF alike. */
    record Brief(Agency agency, Scorecard card, List<ScorecardService.OpenRequest> oldest,
                 List<ScorecardService.Withholding> withholdings, String methodologyUrl, Locale locale) {}

    static byte[] write(Brief b) {
        Locale l = b.locale();
        Scorecard c = b.card();
        Formats fmt = new Formats(l);
        String title = t(l, "sc.brief.h1", b.agency().name());
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setCreator("Daylight");
            info.setSubject(t(l, "sc.methodology.link", c.methodology()) + (c.demo() ? "; " + t(l, "demo.title") : ""));
            doc.setDocumentInformation(info);
            PdfPages p = new PdfPages(doc, c.demo() ? t(l, "demo.title") + " " + t(l, "demo.text") : null);
            p.text(title, 16, true);
            p.text(t(l, "sc.brief.source", fmt.shortDay(c.period().from()), fmt.shortDay(c.period().to()), c.methodology()), 9, false);
            p.text(t(l, "sc.brief.methodologyAt", c.methodology(), b.methodologyUrl() + "#grade"), 9, false);
            p.gap(8);
            p.text(c.received() + " " + t(l, "sc.brief.received"), 12, true);
            if ("NY_FOIL".equals(c.regime())) {
                p.text(rateLine(l, "sc.answered5", c.respondedWithin5(), c.responseCounted(), c.responseRate()), 11, true);
            }
            p.text(rateLine(l, "sc.decidedOnTime", c.determinedOnTime(), c.determinationCounted(), c.onTimeRate()), 11, true);
            // The on-time n (requests due) and the DOJ brackets' n (requests decided) differ: say which is which.
            p.text(t(l, "sc.brief.onTimeN", c.determinationCounted(), c.delayPatterns().determined()), 9, false);
            p.text(rateLine(l, "sc.brief.appealsOnTime", c.appealsDecidedOnTime(), c.appealsDecided(), c.appealsOnTimeRate()), 11, false);
            p.text(c.overdueNow() + " " + t(l, "sc.brief.overdue", c.businessDaysOverdue()), 11, false);
            p.text(t(l, "sc.grade") + " " + c.grade().letter() + ": " + c.grade().explanation().in(l), 10, false);
            p.gap(8);
            p.heading(t(l, "sc.brief.outcomes"), 13);
            StringBuilder outcomes = new StringBuilder();
            for (var o : c.outcomes().entrySet()) {
                if (!outcomes.isEmpty()) outcomes.append("  ·  ");
                outcomes.append(t(l, "sc.brief.outcomeCount", t(l, "outcome." + o.getKey()), o.getValue()));
            }
            p.text(outcomes.toString(), 10, false);
            p.gap(8);
            p.heading(t(l, "sc.brief.trend"), 13);
            if (c.received() == 0) {
                p.text(t(l, "sc.brief.noMonths"), 10, false);
            } else {
                p.gap(4);
                p.block(MonthlyChartPdf.HEIGHT, (cs, x, top, w) -> MonthlyChartPdf.draw(cs, p.regular, x, top, w, c.months()));
                p.text(t(l, "sc.brief.chartKey"), 8, false);
                for (Scorecard.Month m : c.months()) {
                    if (m.received() == 0) continue; // drawn as an empty slot; a line saying nothing happened adds nothing
                    p.text(t(l, "sc.brief.monthLine", m.month(), m.received(), m.onTime(), m.counted(), rate(l, m.onTimeRate())), 9, false);
                }
            }
            p.gap(8);
            BriefDelaysPdf.write(p, l, c.delayPatterns(), b.methodologyUrl());
            p.gap(8);
            p.heading(t(l, "sc.brief.longest"), 13);
            if (b.oldest().isEmpty()) p.text(t(l, "sc.brief.noneOpen"), 10, false);
            else p.text(t(l, "sc.oldest.order"), 9, false);
            for (var o : b.oldest()) {
                p.text(o.number() + "  " + o.title() + " (" + t(l, "sc.receivedOn", fmt.shortDay(o.receivedOn()))
                        + (o.overdueSince() == null ? "" : ", " + t(l, "sc.overdueSince", fmt.shortDay(o.overdueSince()))) + ")", 10, false);
            }
            p.gap(8);
            p.heading(t(l, "sc.brief.withheld"), 13);
            if (b.withholdings().isEmpty()) {
                p.text(t(l, "sc.brief.noWithheld"), 10, false);
            } else {
                p.text(t(l, "sc.brief.withheld.lead"), 9, false);
                for (String kind : List.of("DENIED", "PARTIALLY_GRANTED")) {
                    List<ScorecardService.Withholding> these = b.withholdings().stream().filter(w -> w.outcome().equals(kind)).toList();
                    if (these.isEmpty()) continue;
                    p.heading(t(l, "outcome." + kind), 11);
                    for (var w : these) {
                        p.text(w.number() + "  " + w.title() + (w.exemptions().isEmpty() ? "" : ", " + t(l, "sc.brief.citing") + " "
                                + String.join(", ", w.exemptions().stream().map(x -> "§" + x).toList())), 10, false);
                    }
                }
            }
            int pages = p.pageCount();
            String version = t(l, "sc.methodology.link", c.methodology());
            p.finish(n -> b.agency().name() + " · " + version + " · " + t(l, "sc.brief.page", n, pages)
                    + (c.demo() ? " · " + t(l, "sc.brief.demoFooter") : ""));
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Decided by the date the law required: 3 of 5, 60.0% (n = 5; 95% interval 23.1–88.2%)". */
    private static String rateLine(Locale l, String label, int successes, int n, Rate r) {
        return t(l, "sc.brief.rateLine", t(l, label), successes, n, rate(l, r));
    }

    private static String rate(Locale l, Rate r) {
        return r.message().in(l);
    }

    private static String t(Locale l, String key, Object... args) {
        return Message.text(l, key, args);
    }
}
