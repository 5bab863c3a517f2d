package nyc.daylight.deadlines;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The dates a request received at one moment would owe, before anything else happens: what the
 * public calculator and {@code /api/v1/deadlines/preview} show.
 *
 * @param acknowledgmentDue NY only: grant, deny or acknowledge (POL §89(3)(a))
 * @param determinationDue NY: 20 business days after {@code acknowledgmentDue}, the latest date an
 *     acknowledgment on its last day could set without a written reason; federal: 20 working days
 *     after receipt
 * @param extendedDeterminationDue federal only: with the unusual-circumstances extension
 * @param holidaysConsidered the named non-business weekdays the count skipped
 */
public record DeadlinePreview(
        Regime regime,
        OffsetDateTime received,
        LocalDate effectiveReceipt,
        LocalDate acknowledgmentDue,
        LocalDate determinationDue,
        LocalDate extendedDeterminationDue,
        List<Holiday> holidaysConsidered) {

    public static DeadlinePreview of(AgencyRules rules, BusinessCalendar calendar, OffsetDateTime received) {
        LocalDate receipt = calendar.effectiveReceipt(received.toInstant(), rules.closeOfBusiness());
        LocalDate receivedDay = received.atZoneSameInstant(BusinessCalendar.NEW_YORK).toLocalDate();
        if (rules.regime() == Regime.NY_FOIL) {
            LocalDate ack = calendar.addBusinessDays(receipt, rules.responseDays());
            LocalDate determination = calendar.addBusinessDays(ack, rules.determinationDays());
            return new DeadlinePreview(rules.regime(), received, receipt, ack, determination, null,
                    calendar.closuresBetween(receivedDay, determination));
        }
        LocalDate determination = calendar.addBusinessDays(receipt, rules.determinationDays());
        LocalDate extended = calendar.addBusinessDays(determination, rules.extensionDays());
        return new DeadlinePreview(rules.regime(), received, receipt, null, determination, extended,
                calendar.closuresBetween(receivedDay, extended));
    }
}
