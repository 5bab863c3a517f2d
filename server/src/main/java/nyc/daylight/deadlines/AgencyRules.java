package nyc.daylight.deadlines;

import java.time.LocalTime;

/**
 * The numbers of one agency's regime, kept as data so an admin can record an agency's own
 * published practice. Defaults follow the statutes in docs/foil-deadlines.md.
 *
 * @param responseDays NY: business days to grant, deny or acknowledge (POL §89(3)(a)); unused federally
 * @param determinationDays NY: business days after acknowledgment before a date certain needs a
 *     written reason; federal: working days after receipt (§552(a)(6)(A)(i))
 * @param extensionDays federal unusual-circumstances extension (§552(a)(6)(B)(i)); unused in NY
 * @param appealFilingDays calendar days the requester has to appeal (NY 30, POL §89(4)(a);
 *     federal at least 90, §552(a)(6)(A)(i)(III)(aa))
 * @param appealDecisionDays business days to decide an appeal (NY 10; federal 20 working days)
 * @param dueSoonDays business days before a due date at which a request is "due soon"
 */
public record AgencyRules(
        Regime regime,
        LocalTime closeOfBusiness,
        int responseDays,
        int determinationDays,
        int extensionDays,
        int appealFilingDays,
        int appealDecisionDays,
        int dueSoonDays) {

    public static final LocalTime DEFAULT_CLOSE = LocalTime.of(17, 0);

    public AgencyRules {
        if (responseDays < 1 || determinationDays < 1 || appealFilingDays < 1 || appealDecisionDays < 1
                || extensionDays < 0 || dueSoonDays < 0) {
            throw new IllegalArgumentException("Deadline periods must be positive");
        }
    }

    public static AgencyRules nyFoil() {
        return new AgencyRules(Regime.NY_FOIL, DEFAULT_CLOSE, 5, 20, 0, 30, 10, 2);
    }

    public static AgencyRules federalFoia() {
        return new AgencyRules(Regime.FEDERAL_FOIA, DEFAULT_CLOSE, 20, 20, 10, 90, 20, 2);
    }

    public static AgencyRules defaultsFor(Regime regime) {
        return regime == Regime.NY_FOIL ? nyFoil() : federalFoia();
    }
}
