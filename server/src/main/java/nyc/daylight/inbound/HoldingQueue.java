package nyc.daylight.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import nyc.daylight.inbound.InboundRepository.Kept;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.extract.ParsedMail;
import org.jooq.DSLContext;

/**
 * The administrators' holding queue: every message Daylight could not vouch for, private, until an
 * administrator puts it on a request's timeline (as if it had arrived matched) or discards it
 * (kept for the record, out of the queue).
 */
public final class HoldingQueue {
    private static final int PAGE_SIZE = 25;

    public record Held(long id, OffsetDateTime receivedAt, String channel, String from, String recipient, String subject,
                       String reason, String status, long sizeBytes, String headers, String body, List<String> attachments,
                       String parseNotes) {}

    private final DSLContext dsl;
    private final InboundRepository repo = new InboundRepository();
    private final RequestFactsRepository requests = new RequestFactsRepository();
    private final BlobStore blobs;
    private final MessageFiling filing;
    private final Clock clock;
    private final AuditLog audit = new AuditLog();

    public HoldingQueue(DSLContext dsl, BlobStore blobs, MessageFiling filing, Clock clock) {
        this.dsl = dsl;
        this.blobs = blobs;
        this.filing = filing;
        this.clock = clock;
    }

    HeldPage<Held> held(User admin, int page, boolean includeDiscarded) {
        requireAdmin(admin);
        int p = Math.max(1, page);
        return new HeldPage<>(repo.held(dsl, includeDiscarded, (p - 1) * PAGE_SIZE, PAGE_SIZE).stream().map(this::held).toList(), p,
                PAGE_SIZE, repo.heldCount(dsl, includeDiscarded));
    }

    Held heldMessage(User admin, long id) {
        requireAdmin(admin);
        return repo.find(dsl, id).filter(m -> m.requestId() == null || "DISCARDED".equals(m.status()) || "HELD".equals(m.status()))
                .map(this::held).orElseThrow(() -> NotFound.of("refusal.held.none"));
    }

    private Held held(Kept m) {
        return new Held(m.id(), m.receivedAt(), m.channel(), m.from(), m.recipient(), m.subject(), m.holdReason(), m.status(),
                m.sizeBytes(), m.headers(), m.body(), repo.attachmentNames(dsl, m.id()), m.parseNotes() == null ? "" : m.parseNotes());
    }

    /** The message exactly as received, for an administrator to inspect offline. */
    Optional<InputStream> raw(User admin, long id) {
        requireAdmin(admin);
        return repo.find(dsl, id).filter(m -> m.rawSha256() != null).map(m -> {
            try {
                return blobs.open(m.rawSha256());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** An administrator vouches for a held message and puts it on a request's timeline. */
    void assign(User admin, long id, String number, String ip) {
        requireAdmin(admin);
        Kept m = repo.find(dsl, id).filter(x -> "HELD".equals(x.status()))
                .orElseThrow(() -> BadInput.of("number", "refusal.held.gone"));
        if ("OVERSIZED".equals(m.holdReason()) || m.rawSha256() == null) {
            throw BadInput.of("number", "refusal.held.contentNotKept");
        }
        RequestFacts r = requests.byNumber(dsl, number == null ? "" : number.strip().toUpperCase())
                .filter(RequestFacts::submitted)
                .orElseThrow(() -> BadInput.of("number", "refusal.request.unknown", Optional.ofNullable(number).orElse("")));
        ParsedMail mail;
        try (var in = blobs.open(m.rawSha256())) {
            mail = ParsedMail.parse(in.readAllBytes());
        } catch (IOException e) {
            throw BadInput.of("number", "refusal.held.unreadable");
        }
        filing.assign(id, new InboundMail.Incoming(m.channel(), m.envelopeFrom(), m.recipient(), null, null, m.sizeBytes()), mail, r,
                admin, ip);
    }

    void discard(User admin, long id, String ip) {
        requireAdmin(admin);
        dsl.transaction(t -> {
            if (!repo.discard(t.dsl(), id, admin.id(), clock.instant())) {
                throw BadInput.of("message", "refusal.held.gone");
            }
            audit.record(t.dsl(), admin.id(), "discard-inbound", "message " + id, null, ip);
        });
    }

    private static void requireAdmin(User user) {
        if (user == null || !user.isAdmin()) throw NotFound.of("refusal.page.none");
    }
}
