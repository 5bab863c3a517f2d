package nyc.daylight.mandates;

import java.util.Locale;
import nyc.daylight.core.Formats;
import nyc.daylight.core.Message;

/**
 * The FOIL request a reader can file for a report period that is overdue: addressed to the
 * agency the law names, asking for the report itself and, failing that, the records it would be
 * drawn from. Written in the reader's language, since they read and edit it before filing; an
 * unverified citation is put as the requester's understanding, not as fact.
 */
/** {@code period} is the records' date range, or null for a report required once. */
public record FoilDraft(String agencySlug, String title, String description, Frequency.Period period) {

    static FoilDraft of(MandatedReport report, Frequency.Period period, Locale locale) {
        Formats fmt = new Formats(locale);
        String name = report.titleIn(locale);
        String basis = report.verified()
                ? Message.text(locale, "mandates.foil.basis.verified", report.citation())
                : Message.text(locale, "mandates.foil.basis.unverified", report.citation());
        String due = fmt.shortDay(Overdue.dueDate(period, report.daysAfterEnd()));
        if (report.frequency() == Frequency.ONCE) {
            // A single report covers no period of its own: ask for it, without narrowing the records' dates.
            return new FoilDraft(report.agencySlug(), cut(Message.text(locale, "mandates.foil.title.once", name)),
                    Message.text(locale, "mandates.foil.body.once", name, basis, due), null);
        }
        String span = Message.text(locale, "mandates.period.span", fmt.shortDay(period.start()), fmt.shortDay(period.end()));
        return new FoilDraft(report.agencySlug(), cut(Message.text(locale, "mandates.foil.title", name, span)),
                Message.text(locale, "mandates.foil.body", name, span, basis, due), period);
    }

    private static String cut(String title) {
        return title.length() > 300 ? title.substring(0, 300) : title;
    }
}
