package nyc.daylight.lifecycle;

import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import org.jooq.DSLContext;

/**
 * What the queue page shows beside the rows the queue lists: each row's badges (what is waiting
 * on the agency) and the agency's officers, for the bulk-assign choice. Reads only, in one
 * transaction, a fixed number of queries whatever the number of rows.
 */
final class QueueExtras {
    /**
     * @param repliesToConfirm agency replies e-mailed in whose step nobody has confirmed yet, or whose text awaits review
     * @param clarificationAnswered the requester answered a clarification and the agency has not acted since
     * @param appealFiled an appeal waits for the appeals officer's decision
     */
    public record Badges(int repliesToConfirm, boolean clarificationAnswered, boolean appealFiled) {
        public boolean any() {
            return repliesToConfirm > 0 || clarificationAnswered || appealFiled;
        }
    }

    private final DSLContext dsl;
    private final CaseFiles cases;
    private final BadgeRepository badges = new BadgeRepository();
    private final ChannelRepository channels = new ChannelRepository();

    QueueExtras(DSLContext dsl, CaseFiles cases) {
        this.dsl = dsl;
        this.cases = cases;
    }

    /** The model entries {@code badges} (by request number) and {@code officers}. */
    Map<String, Object> forQueue(Agency agency, List<String> numbers) {
        return dsl.transactionResult(t -> Map.of(
                "badges", badges.badges(t.dsl(), agency.id(), numbers),
                "officers", cases.officersOf(t.dsl(), agency.id()),
                "marks", channels.marks(t.dsl(), agency.id(), numbers)));
    }
}
