package nyc.daylight.requests;

import java.util.List;
import java.util.Optional;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.User;
import org.jooq.DSLContext;

/** The composer's drafts: saved as the requester types, listed on their page, each only theirs. */
final class Drafts {
    private final DSLContext dsl;
    private final DraftRepository drafts = new DraftRepository();

    Drafts(DSLContext dsl) {
        this.dsl = dsl;
    }

    long save(User user, Long draftId, String title, String payloadJson) {
        if (payloadJson.length() > 100_000) throw BadInput.of("description", "error.draft.tooLong");
        String t = title == null ? "" : title.strip();
        return drafts.saveDraft(dsl, user.id(), draftId, t.length() > 300 ? t.substring(0, 300) : t, payloadJson);
    }

    Optional<String> payload(User user, long draftId) {
        return drafts.draftPayload(dsl, user.id(), draftId);
    }

    List<Draft> of(User user) {
        return drafts.drafts(dsl, user.id());
    }
}
