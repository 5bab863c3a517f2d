package nyc.daylight.agencies;

import java.time.LocalTime;

/** What an admin may change on an agency: its contacts and the numbers of its rules. */
public record AgencyEdit(
        String recordsOfficerTitle,
        String foilEmail,
        String postalAddress,
        String appealsOfficerTitle,
        String appealsEmail,
        String appealsAddress,
        boolean contactVerified,
        LocalTime closeOfBusiness,
        int responseDays,
        int determinationDays,
        int extensionDays,
        int appealFilingDays,
        int appealDecisionDays) {}
