package nyc.daylight.requests;

/**
 * The FOIA letter the request page drafts for the federal side of a city request ("also ask
 * ICE"): the same question asked of the federal agency, citing 5 U.S.C. §552 and its 20-working-day
 * determination period, for the requester to paste into FOIA.gov or ICE's own portal. Agencies
 * read English; the letter is not translated (the page around it is).
 */
public final class FederalLetter {
    private FederalLetter() {
    }

    /** The drafted letter, signed with {@code signature} (blank: left for the requester to sign). */
    public static String draft(String federalAgency, String cityAgency, String cityNumber, String title, String description,
                               String signature) {
        return """
                FOIA Officer
                %s

                Re: Freedom of Information Act request

                Under the Freedom of Information Act, 5 U.S.C. § 552, I request copies of records of communications between \
                %s and the New York City %s about the following: %s

                %s

                This request parallels a New York Freedom of Information Law request to the %s (Daylight number %s). \
                I ask for the records in electronic form and for a determination within 20 working days of receipt, as \
                5 U.S.C. § 552(a)(6)(A)(i) requires. If any part is withheld, please cite the exemption for each withholding \
                and release all reasonably segregable parts (5 U.S.C. § 552(b)).

                Sincerely,
                %s
                """.formatted(federalAgency, federalAgency, cityAgency, title, description, cityAgency, cityNumber,
                signature == null || signature.isBlank() ? "" : signature);
    }
}
