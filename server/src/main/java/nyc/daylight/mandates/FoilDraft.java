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
public record FoilDraft(String agencySlug, String title, String description, Frequency.Period period) {

    static FoilDraft of(MandatedReport report, Frequency.Period period, Locale locale) {
        Formats fmt = new Formats(locale);
        String span = report.frequency() == Frequency.ONCE ? fmt.shortDay(period.start())
                : Message.text(locale, "mandates.period.span", fmt.shortDay(period.start()), fmt.shortDay(period.end()));
        String title = Message.text(locale, "mandates.foil.title", report.titleIn(locale), span);
        String basis = report.verified()
                ? Message.text(locale, "mandates.foil.basis.verified", report.citation())
                : Message.text(locale, "mandates.foil.basis.unverified", report.citation());
        String description = Message.text(locale, "mandates.foil.body", report.titleIn(locale), span, basis,
                fmt.shortDay(Overdue.dueDate(period, report.daysAfterEnd())));
        return new FoilDraft(report.agencySlug(), title.length() > 300 ? title.substring(0, 300) : title, description, period);
    }
}
