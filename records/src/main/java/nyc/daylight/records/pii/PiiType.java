package nyc.daylight.records.pii;



/**
 * The kinds of personal data the scanner flags in released records. Each carries a plain-English
 * label for the records officer who decides whether to redact it; the officer, not the scanner,
 * makes that call, so labels say what the thing is rather than what to do about it.
 */
public enum PiiType {
    A_NUMBER("A-number (alien registration number)"),
    SSN("Social Security number"),
    NYSID("NYSID (New York State criminal record ID)"),
    BOOKING_NUMBER("Jail booking number (NYC DOC book-and-case number)"),
    CASE_NUMBER("Court case, docket or indictment number"),
    DATE_OF_BIRTH("Date of birth"),
    PHONE("Phone number"),
    EMAIL("Email address"),
    STREET_ADDRESS("Street address"),
    PERSON_NAME("Person's name"),
    /** IRS taxpayer numbers for people who cannot get an SSN: nine digits starting with 9, written like an SSN. */
    ITIN("Individual Taxpayer Identification Number (ITIN)"),
    PASSPORT_NUMBER("Passport number"),
    DRIVERS_LICENSE_NUMBER("Driver's license or permit number"),
    /** ICE's own numbers for an encounter and a person: EARM event number, subject ID, fingerprint FIN. */
    ICE_RECORD_NUMBER("ICE event number, subject ID or FIN"),
    /**
     * An agency's or court's public address, phone line or mailbox (26 Federal Plaza, 311,
     * foil@…). Shown to the officer so nothing is hidden from review, but it is not a person's
     * data: it is not counted as such and should never be redacted by reflex.
     */
    AGENCY_CONTACT("Agency or court contact (public, not a person's data)", false);

    private final String label;
    private final boolean personal;

    PiiType(String label) {
        this(label, true);
    }

    PiiType(String label, boolean personal) {
        this.label = label;
        this.personal = personal;
    }

    /** Whether a finding of this type is about a person; false for public agency contacts. */
    public boolean personal() {
        return personal;
    }

    /** What this is, in words a records officer would use. */
    public String label() {
        return label;
    }
}
