package nyc.daylight.deadlines;

/** The law an agency answers under. */
public enum Regime {
    /** New York Freedom of Information Law: Public Officers Law §§87, 89; 21 NYCRR Part 1401. */
    NY_FOIL("New York Freedom of Information Law", "Public Officers Law §89"),
    /** Freedom of Information Act: 5 U.S.C. §552. */
    FEDERAL_FOIA("Federal Freedom of Information Act", "5 U.S.C. §552");

    private final String title;
    private final String statute;

    Regime(String title, String statute) {
        this.title = title;
        this.statute = statute;
    }

    public String title() {
        return title;
    }

    public String statute() {
        return statute;
    }
}
