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
    PERSON_NAME("Person's name");

    private final String label;

    PiiType(String label) {
        this.label = label;
    }

    /** What this is, in words a records officer would use. */
    public String label() {
        return label;
    }
}
