package nyc.daylight.deadlines;

/** Where a request stands today against its deadlines. */
public enum Standing {
    /**
     * The request letter came back undelivered and nothing since shows the agency has it: no
     * deadline runs, nothing is late ({@link Receipt}).
     */
    NOT_STARTED("Not started"),
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

    /** Nothing more is owed: the agency decided, or the requester withdrew. */
    public boolean closed() {
        return this == DECIDED || this == WITHDRAWN;
    }

    /**
     * The values of {@code requests.status} that owe nothing (a draft not yet filed, and the closed
     * standings): the one definition every open-request count, queue and watcher uses.
     */
    public static final java.util.List<String> CLOSED_STATUSES = java.util.List.of("DRAFT", DECIDED.name(), WITHDRAWN.name());

    /** Whether a {@code requests.status} value owes nothing (see {@link #CLOSED_STATUSES}). */
    public static boolean closedStatus(String status) {
        return CLOSED_STATUSES.contains(status);
    }
}
