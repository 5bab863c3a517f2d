package nyc.daylight.deadlines;

import java.time.LocalDate;
import nyc.daylight.core.Message;

/**
 * One date the law (or the agency's own written promise) sets, and what became of it.
 *
 * @param resolvedOn the day it was met, answered late, moved, or used (null while open)
 * @param note plain-language detail, e.g. why Daylight holds an agency to an earlier date, in the reader's language
 */
public record Deadline(Kind kind, Party owedBy, LocalDate due, State state, LocalDate resolvedOn,
                       String citation, Message note) {

    public enum Kind {
        /** NY: grant, deny or acknowledge with an approximate date. */
        RESPONSE,
        /** The approximate date, date certain or extended date of a determination. */
        DETERMINATION,
        APPEAL_FILING,
        APPEAL_DECISION,
        /** NY: Article 78 proceeding after a final denial (CPLR 217(1)). */
        COURT
    }

    public enum State {
        PENDING,
        MET,
        /** Passed without the act owed; {@code resolvedOn} is set if it came later. */
        MISSED,
        /** Moved, before it passed, to a later date by a written extension. */
        SUPERSEDED,
        /** A requester's window that closed unused. */
        EXPIRED,
        /** No longer owed: the request was withdrawn or granted. */
        MOOT
    }

    Deadline with(State newState, LocalDate on, Message newNote) {
        return new Deadline(kind, owedBy, due, newState, on, citation, newNote == null ? note : newNote);
    }
}
