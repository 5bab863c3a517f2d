package nyc.daylight.requests;

import java.util.List;
import nyc.daylight.core.Message;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Standing;

/**
 * What each side of a city/federal pair released, side by side, and one plain sentence comparing
 * them: the point of asking both sides is to see where one released what the other withheld. Pure:
 * built from what the reader already checked the public may see.
 *
 * @param city    the NY FOIL side
 * @param federal the federal FOIA side
 * @param verdict the comparison in one sentence ("DOC released 12 pages; ICE has not answered yet.")
 */
public record CrossCheck(Side city, Side federal, Message verdict) {

    /** What a side did with the request, as far as the public can tell. */
    public enum Answer {
        /** Published records are here (whatever the determination said). */
        RELEASED,
        /** Denied in full (or on appeal), nothing published. */
        DENIED,
        /** The agency said it holds no such records. */
        NO_RECORDS,
        /** Granted (in whole or part) but nothing is published here yet. */
        DECIDED_NOTHING_PUBLISHED,
        /** No answer and a deadline passed: a denial by silence. */
        SILENT_PAST_DEADLINE,
        /** No answer yet, still within its time. */
        NOT_ANSWERED,
        WITHDRAWN;

        public String key() {
            return "crossCheck.answer." + name();
        }
    }

    /** One published record of a side: its {@code /records/{id}} page, title and pages. */
    public record Released(long id, String title, int pages) {}

    /**
     * One side.
     *
     * @param exemptions the exemptions cited, by the determinations and by the published records'
     *                   redaction logs, each once in the order first cited
     */
    public record Side(String number, String agencyName, String agencyShortName, Answer answer, List<Released> records,
                       List<String> exemptions) {
        public int pages() {
            return records.stream().mapToInt(Released::pages).sum();
        }

        public boolean released() {
            return answer == Answer.RELEASED;
        }
    }

    /**
     * What a side did: published records count first (a partial grant with records is a release);
     * otherwise the last determination or appeal decision; otherwise whether time ran out.
     *
     * @param lastDecision the last determination or appeal decision on the ledger, or null
     */
    static Answer answer(EventType lastDecision, Standing standing, boolean published) {
        if (published) return Answer.RELEASED;
        if (standing == Standing.WITHDRAWN) return Answer.WITHDRAWN;
        if (lastDecision != null) {
            return switch (lastDecision) {
                case DENIED, APPEAL_DENIED -> Answer.DENIED;
                case NO_RECORDS -> Answer.NO_RECORDS;
                default -> Answer.DECIDED_NOTHING_PUBLISHED;
            };
        }
        return standing == Standing.CONSTRUCTIVELY_DENIED || standing == Standing.OVERDUE
                ? Answer.SILENT_PAST_DEADLINE : Answer.NOT_ANSWERED;
    }

    static CrossCheck of(Side city, Side federal) {
        return new CrossCheck(city, federal, verdict(city, federal));
    }

    private static Message verdict(Side city, Side federal) {
        if (city.released() && federal.released()) {
            return Message.of("crossCheck.verdict.both", city.agencyShortName(), city.pages(), federal.agencyShortName(), federal.pages());
        }
        if (!city.released() && !federal.released()) return Message.of("crossCheck.verdict.neither");
        Side gave = city.released() ? city : federal;
        Side other = city.released() ? federal : city;
        // One side released, the other did not: say plainly what the other did instead.
        return Message.of("crossCheck.verdict.only." + other.answer().name(), gave.agencyShortName(), gave.pages(), other.agencyShortName());
    }
}
