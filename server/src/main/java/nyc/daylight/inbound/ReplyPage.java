package nyc.daylight.inbound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.User;
import nyc.daylight.lifecycle.Exemption;
import nyc.daylight.notify.ReplyAddress;
import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request's page shows of its e-mailed replies: those waiting to be confirmed, those still
 * under personal-data review, and the request's reply address. Reads only.
 */
public final class ReplyPage {
    private final DSLContext dsl;
    private final InboundRepository repo = new InboundRepository();
    private final RequestFactsRepository requests = new RequestFactsRepository();
    private final AgencyService agencies;
    private final ReplyReview review;
    private final InboundSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();

    public ReplyPage(DSLContext dsl, AgencyService agencies, ReplyReview review, InboundSettings settings) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.review = review;
        this.settings = settings;
    }

    /**
     * What a request's page adds for this viewer, from one lookup of the request: the replies to
     * confirm (for the requester, the agency's officers and admins) and the reply address (for the
     * agency's officers and admins only: its token is what vouches that a message came from someone
     * Daylight wrote to, and the agency already has it in every letter's Reply-To).
     */
    public Map<String, Object> forViewer(String number, Optional<User> viewer) {
        if (viewer.isEmpty()) return Map.of();
        Optional<RequestFacts> found = requests.byNumber(dsl, number);
        if (found.isEmpty() || !found.get().involves(viewer.get())) return Map.of();
        RequestFacts r = found.get();
        User u = viewer.get();
        Map<String, Object> extras = new HashMap<>();
        extras.put("replies", pending(r, u));
        extras.put("underReview", review.underReview(u, r));
        if (settings.enabled() && r.ofAgencyFor(u)) {
            extras.put("replyAddress", new ReplyAddress(r.number(), r.replyToken()).at(settings.replyDomain()));
        } else if (settings.enabled() && u.id() == r.requesterId()) {
            // The requester forwards portal notices (NYC OpenRecords) there; shown only on their own view.
            extras.put("forwardAddress", new ReplyAddress(r.number(), r.replyToken()).at(settings.replyDomain()));
        }
        return extras;
    }

    /**
     * Of these requests, the ones with an e-mailed reply waiting to be confirmed (or kept as
     * correspondence): what the officer queue's "reply to confirm" badge reads. Plugged into a lower
     * feature by boot, as {@code replyPage::awaitingConfirmation}; the caller has already limited
     * {@code requestIds} to what its viewer may see.
     */
    public java.util.Set<Long> awaitingConfirmation(java.util.Collection<Long> requestIds) {
        return repo.withPending(dsl, requestIds);
    }

    /** One reply still waiting on a request this user may confirm replies for. */
    Optional<PendingReply> pendingReply(User user, String number, long messageId) {
        Optional<RequestFacts> found = requests.byNumber(dsl, number);
        if (found.isEmpty() || user == null || !found.get().involves(user)) return Optional.empty();
        return pending(found.get(), user).stream().filter(p -> p.id() == messageId).findFirst();
    }

    private List<PendingReply> pending(RequestFacts r, User viewer) {
        Agency agency = agencies.byId().get(r.agencyId());
        String requesterEmail = requests.userEmail(dsl, r.requesterId());
        return repo.pending(dsl, r.id()).stream().map(m -> {
            JsonNode s = json.readTree(m.suggestionJson());
            List<String> codes = new ArrayList<>();
            if (s.has("exemptions")) s.get("exemptions").forEach(e -> codes.add(e.asString()));
            return new PendingReply(m.id(), m.from(), m.receivedAt(), m.sentAt(), m.subject(),
                    s.has("type") ? s.get("type").asString() : "", s.has("date") ? s.get("date").asString() : "",
                    String.join(", ", codes), s.has("evidence") ? s.get("evidence").asString() : "",
                    Exemption.forRegime(agency.regime()), s.has("notice") ? s.get("notice").asString() : "",
                    s.has("reason") ? s.get("reason").asString() : "",
                    r.mayRecordDecision(viewer, requesterEmail, m.from(), m.envelopeFrom()));
        }).toList();
    }
}
