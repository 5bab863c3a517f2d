package nyc.daylight.deadlines;

/** Where a request stands today against its deadlines. */
public enum Standing {
    ON_TIME("On time"),
    DUE_SOON("Due soon"),
    /** Federal: a time limit passed (the requester may go to court, §552(a)(6)(C)(i)). */
    OVERDUE("Overdue"),
    /** NY: a time limit passed, which the law treats as a denial that may be appealed. */
    CONSTRUCTIVELY_DENIED("Constructively denied"),
    DECIDED("Decided"),
    WITHDRAWN("Withdrawn");

    private final String label;

    Standing(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
