package nyc.daylight.lifecycle;

import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import org.jooq.DSLContext;

/**
 * What the queue page shows beside the rows the queue lists: each row's badges (what is waiting
 * on the agency) and channel mark, and the agency's officers, for the bulk-assign choice. Reads
 * only, in one statement whatever the number of rows (so one snapshot, without a transaction).
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
    private final BadgeRepository repo = new BadgeRepository();

    QueueExtras(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The model entries {@code badges} and {@code marks} (by request number) and {@code officers}. */
    Map<String, Object> forQueue(Agency agency, List<String> numbers) {
        BadgeRepository.Extras e = repo.extras(dsl, agency.id(), numbers);
        return Map.of("badges", e.badges(), "officers", e.officers(), "marks", e.marks());
    }
}
