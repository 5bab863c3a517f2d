package nyc.daylight.deadlines;

import java.time.LocalDate;

/** Something owed or open to someone, by a date when the law sets one. */
public record NextStep(Party party, String action, LocalDate by, String citation) {}
