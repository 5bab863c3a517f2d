package nyc.daylight.deadlines;

/** Who owes the next step. */
public enum Party {
    AGENCY,
    APPEALS_OFFICER,
    REQUESTER,
    NOBODY
}
