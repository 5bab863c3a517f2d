package nyc.daylight.court;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import nyc.daylight.core.Formats;
import nyc.daylight.core.Message;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.Holiday;
import nyc.daylight.requests.RequestView;
import nyc.daylight.requests.TimelineEntry;
import nyc.daylight.web.PdfPages;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The exhibit bundle as a PDF a requester (or their lawyer) can file or hand a judge: a cover page
 * with the dates that matter and an index, then each exhibit starting on its own page under its
 * letter. Every date is written exactly as the request page writes it ({@link Formats#day}), from
 * the same computed deadlines, so the bundle and the page cannot disagree.
 */
final class ExhibitPdf {
    private ExhibitPdf() {
    }

    /**
     * @param pageUrl  the request's public page, printed so a paper copy says where the record lives
     * @param fullCopy the requester's own copy (their name as they see it), not the public one
     */
    static byte[] write(Exhibits x, Locale l, LocalDate prepared, String pageUrl, boolean fullCopy) {
        RequestView r = x.request();
        Formats fmt = new Formats(l);
        String title = t(l, "a78.title", r.number());
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setCreator("Daylight");
            info.setSubject(r.title());
            doc.setDocumentInformation(info);
            PdfPages p = new PdfPages(doc, null);
            cover(p, x, l, fmt, prepared, pageUrl, fullCopy, title);
            for (Exhibits.Exhibit e : x.items()) {
                p.newPage();
                p.text(t(l, "a78.exhibit", e.letter()), 16, true);
                p.text(e.title().in(l), 12, true);
                p.gap(8);
                switch (e.letter()) {
                    case Exhibits.FILED -> body(p, r.letter() != null ? r.letter() : r.description());
                    case Exhibits.TIMELINE -> timeline(p, r, l, fmt);
                    case Exhibits.DEADLINES -> deadlines(p, x, l, fmt);
                    default -> body(p, e.entry().body());
                }
            }
            p.finish(n -> t(l, "a78.footer", r.number(), n, p.pageCount()));
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the exhibit bundle", e);
        }
    }

    private static void cover(PdfPages p, Exhibits x, Locale l, Formats fmt, LocalDate prepared, String pageUrl, boolean fullCopy,
                              String title) throws IOException {
        RequestView r = x.request();
        p.text(title, 18, true);
        p.text(r.title(), 13, true);
        p.gap(6);
        p.text(t(l, "a78.cover.agency", r.agency().name()), 11, false);
        if (r.requesterName() != null) p.text(t(l, "a78.cover.requester", r.requesterName()), 11, false);
        p.text(t(l, "a78.cover.filed", fmt.dayTime(r.submittedAt().atZoneSameInstant(BusinessCalendar.NEW_YORK))), 11, false);
        if (r.report().effectiveReceipt() != null) {
            p.text(t(l, "a78.cover.receipt", fmt.day(r.report().effectiveReceipt())), 11, false);
        }
        p.text(t(l, "a78.cover.standing", r.standingLabel()), 11, false);
        if (x.constructiveDenial().isPresent()) p.text(t(l, "a78.cover.constructive", fmt.day(x.constructiveDenial().get())), 11, true);
        if (x.court().isPresent()) p.text(t(l, "a78.cover.court", fmt.day(x.court().get().due()), x.court().get().citation()), 11, true);
        p.gap(10);
        p.heading(t(l, "a78.index"), 13);
        for (Exhibits.Exhibit e : x.items()) p.text(t(l, "a78.exhibit", e.letter()) + "  " + e.title().in(l), 10, false);
        p.gap(10);
        p.text(t(l, fullCopy ? "a78.cover.fullCopy" : "a78.cover.publicCopy"), 9, false);
        p.text(t(l, "a78.cover.source", pageUrl, fmt.day(prepared)), 9, false);
        p.text(t(l, "a78.cover.notAdvice"), 9, false);
    }

    private static void timeline(PdfPages p, RequestView r, Locale l, Formats fmt) throws IOException {
        for (TimelineEntry e : r.timeline()) {
            p.text(fmt.dayTime(e.occurredAt().atZoneSameInstant(BusinessCalendar.NEW_YORK)) + "  " + t(l, "event." + e.type()), 10, true);
            if (e.dueDate() != null) p.text(t(l, "show.dateGiven", fmt.day(e.dueDate())), 10, false);
            if (e.reason() != null && !e.reason().isBlank()) p.text(e.reason(), 9, false);
            p.gap(4);
        }
    }

    private static void deadlines(PdfPages p, Exhibits x, Locale l, Formats fmt) throws IOException {
        RequestView r = x.request();
        p.text(t(l, "a78.deadlines.intro", r.agency().name()), 10, false);
        p.gap(6);
        for (RequestView.DeadlineRow d : r.deadlines()) {
            p.text(d.label().in(l), 11, true);
            p.text(t(l, "a78.deadlines.row", fmt.day(d.due()), t(l, "party." + d.owedBy()), d.status().in(l)), 10, false);
            if (d.note() != null) p.text(d.note().in(l), 9, false);
            p.text(d.citation(), 9, false);
            p.gap(6);
        }
        p.heading(t(l, "a78.deadlines.skipped"), 12);
        if (x.holidays().isEmpty()) p.text(t(l, "a78.deadlines.noHolidays"), 10, false);
        for (Holiday h : x.holidays()) p.text(fmt.day(h.date()) + "  " + h.name(), 10, false);
        p.text(t(l, "a78.deadlines.weekends"), 9, false);
    }

    /** A letter's or e-mail's text, line by line as it was written. */
    private static void body(PdfPages p, String text) throws IOException {
        if (text == null || text.isBlank()) return;
        for (String line : text.strip().split("\\R", -1)) {
            if (line.isBlank()) p.gap(6);
            else p.text(line, 10, false);
        }
    }


    private static String t(Locale l, String key, Object... args) {
        return Message.text(l, key, args);
    }
}
