package nyc.daylight.inbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nyc.daylight.core.User;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyMailDomains;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.db.AuditLog;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.lifecycle.Exemption;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.ReplyAddress;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.BlobTooLargeException;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.records.extract.ParsedMail;
import nyc.daylight.requests.Page;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.requests.RequesterIdentity;
import nyc.daylight.requests.Upload;
import nyc.daylight.sql.jooq.tables.records.InboundMessagesRecord;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every e-mail that reaches Daylight, from the SMTP listener or the IMAP poller, goes through
 * {@link #receive}. A message that names a request by its reply address, with the right token,
 * from the agency that owes the answer, joins the request's timeline (its files join the records
 * review) and the requester is told; anything else waits in the administrators' holding queue,
 * private. Nothing changes a request's status until a person confirms what the message says.
 */
public final class InboundMail {
    private static final Logger log = LoggerFactory.getLogger(InboundMail.class);
    static final int MAX_ATTACHMENTS = 50;

    /** Told about each file a matched message carried, once stored: the records pipeline listens. */
    @FunctionalInterface
    public interface EmailedFiles {
        EmailedFiles NONE = (requestId, agencyId, attachmentId, blob, name, received) -> { };

        void received(long requestId, long agencyId, long attachmentId, StoredBlob blob, String name, LocalDate received);
    }

    /** A message as a transport hands it over; {@code raw} is null when it exceeded the size limit. */
    public record Incoming(String channel, String envelopeFrom, String recipient, byte[] raw, byte[] head, long size) {}

    private final DSLContext dsl;
    private final InboundRepository repo = new InboundRepository();
    private final AgencyService agencies;
    private final RequestLedger ledger;
    private final Mailer mailer;
    private final BlobStore blobs;
    private final EmailedFiles files;
    private final InboundSettings settings;
    private final Clock clock;
    private final String baseUrl;
    private final ReplyClassifier classifier = new ReplyClassifier();
    private final ReplyReview review;
    private final AuditLog audit = new AuditLog();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AgencyMailDomains mailDomains;
    private final StepConfirmation steps;

    public InboundMail(DSLContext dsl, AgencyService agencies, RequestLedger ledger, Mailer mailer, BlobStore blobs,
                       EmailedFiles files, InboundSettings settings, Clock clock, String baseUrl) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.ledger = ledger;
        this.mailer = mailer;
        this.blobs = blobs;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.review = new ReplyReview(dsl, agencies, clock);
        this.mailDomains = new AgencyMailDomains(dsl, agencies, clock);
        this.steps = new StepConfirmation(repo, agencies, ledger, clock);
    }

    public InboundSettings settings() {
        return settings;
    }

    /** The personal-data review of replies matched here. */
    public ReplyReview review() {
        return review;
    }

    /** What the SMTP listener lets in before anything is stored. */
    RecipientPolicy recipientPolicy() {
        return new RecipientPolicy(dsl, settings, clock);
    }

    // --- receiving ----------------------------------------------------------------------------

    /** Stores the message once (a redelivery is recognised and ignored) and returns its id. */
    public long receive(Incoming in) {
        if (in.raw() == null) return hold(in, null, null, "OVERSIZED");
        ParsedMail mail;
        try {
            mail = ParsedMail.parse(in.raw());
        } catch (IOException e) {
            return hold(in, null, store(in.raw()), "UNREADABLE");
        }
        String recipient = ReplyAddress.parse(in.recipient(), settings.replyDomain()).isPresent() ? in.recipient()
                : mail.recipients().stream().filter(a -> ReplyAddress.parse(a, settings.replyDomain()).isPresent())
                        .findFirst().orElse(in.recipient());
        Optional<ReplyAddress> address = ReplyAddress.parse(recipient, settings.replyDomain());
        Incoming routed = new Incoming(in.channel(), in.envelopeFrom(), recipient, in.raw(), in.head(), in.size());
        StoredBlob raw = store(in.raw());
        if (address.isEmpty()) return hold(routed, mail, raw, "UNKNOWN_ADDRESS");
        Optional<RequestsRecord> request = ledger.byNumber(dsl, address.get().number()).filter(r -> r.getSubmittedAt() != null);
        if (request.isEmpty()) return hold(routed, mail, raw, "UNKNOWN_ADDRESS");
        if (!MessageDigest.isEqual(request.get().getReplyToken().getBytes(), address.get().token().getBytes())) {
            return hold(routed, mail, raw, "WRONG_TOKEN");
        }
        Agency agency = agencies.byId().get(request.get().getAgencyId());
        Optional<String> problem = SenderCheck.problem(mail.from(), mail.authenticationResults(), settings.trustedRelay(),
                senders(agency));
        if (problem.isPresent()) return hold(routed, mail, raw, problem.get());
        return match(routed, mail, raw, request.get(), null, null, null);
    }

    /** The agency's listed mailboxes and its verified domains; never its officers' own addresses. */
    private AgencySenders senders(Agency agency) {
        Set<String> mailboxes = new HashSet<>();
        if (agency.foil().email() != null) mailboxes.add(agency.foil().email());
        if (agency.appeals().email() != null) mailboxes.add(agency.appeals().email());
        return new AgencySenders(mailboxes, mailDomains.domainsOf(agency.id()));
    }

    private long hold(Incoming in, ParsedMail mail, StoredBlob raw, String reason) {
        List<StoredBlob> stored = mail == null ? List.of() : storeAttachments(mail);
        Optional<Long> id = dsl.transactionResult(t -> {
            Optional<Long> created = repo.insert(t.dsl(), in, mail, headersOf(in, mail), raw, dedupKey(in, mail), null, "HELD", reason,
                    "{}", clock.instant());
            created.ifPresent(mid -> repo.insertAttachments(t.dsl(), mid, mail == null ? List.of() : mail.attachments(), stored));
            return created;
        });
        if (id.isPresent()) log.info("Held inbound message {} for an administrator: {}", id.get(), reason);
        return id.orElseGet(() -> repo.idByDedupKey(dsl, dedupKey(in, mail)));
    }

    /**
     * Puts a message on its request's timeline. {@code admin} is set when an administrator
     * assigned a held message by hand (then {@code existingId} is that message).
     */
    private long match(Incoming in, ParsedMail mail, StoredBlob raw, RequestsRecord request, User admin, Long existingId,
                       String adminIp) {
        Agency agency = agencies.byId().get(request.getAgencyId());
        List<StoredBlob> stored = existingId == null ? storeAttachments(mail) : repo.storedAttachments(dsl, existingId);
        List<Long> attachmentIds = new ArrayList<>();
        Optional<Long> id = dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            var events = ledger.events(tx, request.getId());
            boolean acknowledged = events.stream().anyMatch(e -> e.type() == EventType.ACKNOWLEDGED);
            IdentityMask mask = mask(tx, request);
            String shown = mask.apply(ReplyText.withoutQuote(mail.body()));
            ReplyReview.Scanned scanned = review.scan(mask.apply(mail.subject() == null ? "" : mail.subject()),
                    shown.isBlank() ? "(no text; see the attached files)" : shown);
            // The subject usually repeats the request's own title ("RE: … denied permits"): its words are not the agency's.
            String subject = mail.subject() == null ? "" : mail.subject().replace(request.getTitle(), "");
            // Relative dates ("within 20 business days") count from receipt: the Date: header is the sender's to write.
            LocalDate writtenOn = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
            Suggestion s = classifier.classify(subject, shown, !mail.attachments().isEmpty(), agency.regime(), acknowledged, writtenOn);
            Optional<Long> mid;
            if (existingId == null) {
                mid = repo.insert(tx, in, mail, headersOf(in, mail), raw, dedupKey(in, mail), request.getId(), "MATCHED", null,
                        suggestionJson(s), clock.instant());
                if (mid.isEmpty()) return Optional.<Long>empty(); // delivered before: nothing more to do
                repo.insertAttachments(tx, mid.get(), mail.attachments(), stored);
            } else {
                if (!repo.assign(tx, existingId, request.getId(), suggestionJson(s), admin.id(), clock.instant())) {
                    throw new BadInput("number", "This message is no longer in the holding queue.");
                }
                mid = Optional.of(existingId);
            }
            // On the ledger at Daylight's own receipt; sent_at keeps only what the Date: header claims.
            OffsetDateTime sent = repo.receivedAt(tx, mid.get());
            String from = mail.from() == null ? "an unknown sender" : mail.from();
            // The text is public at once only when the scanner found nothing; else the entry stays empty until review.
            int seq = ledger.append(tx, request.getId(), EventType.EMAIL_RECEIVED, sent, admin == null ? null : admin.id(), null,
                    from, scanned.clean() ? scanned.text() : null,
                    // The ledger is append-only: a subject with personal data in it must never be written there.
                    json.writeValueAsString(Map.of("inboundMessageId", mid.get(), "subject", scanned.clean() ? scanned.subject() : "")));
            repo.setEventSeq(tx, mid.get(), seq);
            review.store(tx, mid.get(), scanned);
            for (int i = 0; i < stored.size(); i++) {
                attachmentIds.add(ledger.attach(tx, request.getId(), seq, stored.get(i), Upload.safeName(mail.attachments().get(i).name()),
                        null, "EMAIL"));
            }
            ledger.refresh(tx, request.getId(), agency);
            nyc.daylight.notify.Recipient requester = nyc.daylight.notify.Recipient.of(tx, request.getRequesterId());
            String body = requester.text("mail.reply.body", agency.name(), mail.attachments().size())
                    + (s.any() ? "\n\n" + requester.text("mail.reply.suggestion", requester.text("replies.type." + s.type().name())) : "")
                    + "\n\n" + requester.text("mail.reply.confirm") + "\n" + baseUrl + "/requests/" + request.getNumber() + "#replies"
                    + "\n\n" + requester.text("mail.request.footer", request.getTitle(), baseUrl + "/requests/" + request.getNumber());
            mailer.enqueue(tx, Email.of(requester.email(),
                    request.getNumber() + ": " + requester.text("mail.reply.subject", agency.name()), requester.letter(body),
                    "request:" + request.getNumber()));
            if (admin != null) audit.record(tx, admin.id(), "assign-inbound", request.getNumber(), "message " + mid.get(), adminIp);
            return mid;
        });
        if (id.isEmpty()) return repo.idByDedupKey(dsl, dedupKey(in, mail));
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        for (int i = 0; i < attachmentIds.size(); i++) {
            try {
                files.received(request.getId(), agency.id(), attachmentIds.get(i), stored.get(i),
                        Upload.safeName(mail.attachments().get(i).name()), today);
            } catch (RuntimeException e) {
                // The message stands; the file is read again at the next start (RecordPipeline.ingestMissing).
                log.error("Reading e-mailed file {} failed", mail.attachments().get(i).name(), e);
            }
        }
        return id.get();
    }

    /**
     * Hides the requester's identity and the request's reply address. The names are the ones
     * {@link RequesterIdentity} keeps off every public surface: the name signed at filing as well as
     * the account's name now, since the agency greets the requester by the name in its letter.
     */
    private IdentityMask mask(DSLContext tx, RequestsRecord request) {
        String email = repo.userEmail(tx, request.getRequesterId());
        RequesterIdentity identity = RequesterIdentity.of(request, repo.userName(tx, request.getRequesterId()));
        // A name the requester chose to show is not masked word by word (its parts would vanish from the reply).
        List<String> names = identity.kind() == RequesterIdentity.Kind.SELF && identity.nameShown() ? List.of() : identity.hiddenNames();
        String address = new ReplyAddress(request.getNumber(), request.getReplyToken()).at(settings.replyDomain());
        return IdentityMask.hiding(names, email, address, request.getReplyToken());
    }

    private String suggestionJson(Suggestion s) {
        if (!s.any()) return "{}";
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("type", s.type().name());
        if (s.date() != null) m.put("date", s.date().toString());
        m.put("exemptions", s.exemptions());
        m.put("evidence", s.evidence());
        return json.writeValueAsString(m);
    }

    private static String dedupKey(Incoming in, ParsedMail mail) {
        if (mail != null && mail.messageId() != null && !mail.messageId().isBlank()) {
            String id = mail.messageId().strip();
            // Per recipient: one e-mail answering two requests is delivered (and kept) once for each.
            String key = id + "|" + (in.recipient() == null ? "" : in.recipient().strip().toLowerCase(java.util.Locale.ROOT));
            return "mid:" + (key.length() > 700 ? key.substring(0, 700) : key);
        }
        try {
            byte[] bytes = in.raw() != null ? in.raw() : (in.head() + "|" + in.size() + "|" + in.recipient()).getBytes();
            return "sha:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String headersOf(Incoming in, ParsedMail mail) {
        if (mail != null) return mail.headers();
        byte[] head = in.head() == null ? new byte[0] : in.head();
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) end = text.indexOf("\n\n");
        return (end < 0 ? text : text.substring(0, end)).replace("\r\n", "\n");
    }

    private StoredBlob store(byte[] bytes) {
        try {
            return blobs.put(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an inbound message", e);
        }
    }

    private List<StoredBlob> storeAttachments(ParsedMail mail) {
        List<StoredBlob> stored = new ArrayList<>();
        for (ParsedMail.File f : mail.attachments().subList(0, Math.min(MAX_ATTACHMENTS, mail.attachments().size()))) {
            try {
                stored.add(blobs.put(new ByteArrayInputStream(f.content()), settings.maxMessageBytes()));
            } catch (BlobTooLargeException e) {
                throw new IllegalStateException("an attachment larger than its message", e);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not store an e-mailed file", e);
            }
        }
        return stored;
    }

    // --- what the request page shows ------------------------------------------------------------

    /** A reply waiting for someone to say what it is, with the classifier's guess. */
    public record PendingReply(long id, String from, OffsetDateTime receivedAt, OffsetDateTime claimedSentAt, String subject,
                               String type, String date, String exemptions, String evidence, List<Exemption> choices) {
        /** The day Daylight received it in New York: the earliest a confirmed step can take effect. */
        public LocalDate receivedOn() {
            return receivedAt.atZoneSameInstant(BusinessCalendar.NEW_YORK).toLocalDate();
        }
    }

    /**
     * What a request's page adds for this viewer, from one lookup of the request: the replies to
     * confirm (for the requester, the agency's officers and admins) and the reply address (for the
     * agency's officers and admins only: its token is what vouches that a message came from someone
     * Daylight wrote to, and the agency already has it in every letter's Reply-To).
     */
    public Map<String, Object> forViewer(String number, Optional<User> viewer) {
        if (viewer.isEmpty()) return Map.of();
        Optional<RequestsRecord> found = ledger.byNumber(dsl, number);
        if (found.isEmpty() || !mayConfirm(viewer.get(), found.get())) return Map.of();
        RequestsRecord r = found.get();
        User u = viewer.get();
        Map<String, Object> extras = new java.util.HashMap<>();
        extras.put("replies", pending(r));
        extras.put("underReview", review.underReview(u, r));
        if (settings.enabled() && (u.isAdmin() || u.agencyIds().contains(r.getAgencyId()))) {
            extras.put("replyAddress", new ReplyAddress(r.getNumber(), r.getReplyToken()).at(settings.replyDomain()));
        }
        return extras;
    }

    /** One reply still waiting on a request this user may confirm replies for. */
    public Optional<PendingReply> pendingReply(User user, String number, long messageId) {
        Optional<RequestsRecord> found = ledger.byNumber(dsl, number);
        if (found.isEmpty() || user == null || !mayConfirm(user, found.get())) return Optional.empty();
        return pending(found.get()).stream().filter(p -> p.id() == messageId).findFirst();
    }

    private List<PendingReply> pending(RequestsRecord r) {
        Agency agency = agencies.byId().get(r.getAgencyId());
        return repo.pending(dsl, r.getId()).stream().map(m -> {
            JsonNode s = json.readTree(m.getSuggestion().data());
            List<String> codes = new ArrayList<>();
            if (s.has("exemptions")) s.get("exemptions").forEach(e -> codes.add(e.asString()));
            return new PendingReply(m.getId(), m.getFromAddress(), m.getReceivedAt(), m.getSentAt(), m.getSubject(),
                    s.has("type") ? s.get("type").asString() : "", s.has("date") ? s.get("date").asString() : "",
                    String.join(", ", codes), s.has("evidence") ? s.get("evidence").asString() : "",
                    Exemption.forRegime(agency.regime()));
        }).toList();
    }

    private static boolean mayConfirm(User user, RequestsRecord r) {
        return user.isAdmin() || user.id() == r.getRequesterId() || user.agencyIds().contains(r.getAgencyId());
    }

    // --- confirming --------------------------------------------------------------------------

    /** The steps a reply can be confirmed as. */
    public static final List<EventType> STEPS = List.of(EventType.ACKNOWLEDGED, EventType.EXTENDED,
            EventType.CLARIFICATION_REQUESTED, EventType.RECORDS_RELEASED, EventType.GRANTED, EventType.PARTIALLY_GRANTED,
            EventType.DENIED, EventType.NO_RECORDS);

    /**
     * Records what the reply says as a step in the request's ledger (see {@link StepConfirmation}:
     * effective at Daylight's receipt, held to the officer's own form's rules). Returns the request
     * number. A reply already confirmed (a double submit, a second tab) is refused with a clear
     * message and nothing is appended twice.
     */
    public String confirm(User user, long messageId, StepConfirmation.Form form, String ip) {
        return dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            InboundMessagesRecord m = confirmable(tx, user, messageId);
            RequestsRecord r = repo.request(tx, m.getRequestId());
            // One step at a time per request, as the officer's actions: a denial confirmed here and a
            // grant recorded by an officer at the same moment cannot both become the determination.
            repo.lockRequest(tx, r.getId());
            return steps.confirm(tx, user, m, r, form, ip);
        });
    }

    /** The reply is ordinary correspondence: it stays on the timeline and changes nothing. */
    public String notAStep(User user, long messageId, String ip) {
        return dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            InboundMessagesRecord m = confirmable(tx, user, messageId);
            RequestsRecord r = repo.request(tx, m.getRequestId());
            repo.decide(tx, messageId, "NOT_A_STEP", null, user.id(), clock.instant());
            audit.record(tx, user.id(), "dismiss-inbound", r.getNumber(), "message " + messageId, ip);
            return r.getNumber();
        });
    }

    /** Locks a matched reply for someone who may confirm it: who may comes first, so others learn nothing. */
    private InboundMessagesRecord confirmable(DSLContext tx, User user, long messageId) {
        InboundMessagesRecord m = repo.lock(tx, messageId).orElseThrow(() -> new NotFound("There is no such message for you."));
        RequestsRecord r = m.getRequestId() == null ? null : repo.request(tx, m.getRequestId());
        if (r == null || !mayConfirm(user, r)) throw new NotFound("There is no such message for you.");
        if (!"MATCHED".equals(m.getStatus())) throw new BadInput("type", "Someone already recorded what this message says.");
        return m;
    }

    // --- the holding queue -----------------------------------------------------------------

    public record Held(long id, OffsetDateTime receivedAt, String channel, String from, String recipient, String subject,
                       String reason, String status, long sizeBytes, String headers, String body, List<String> attachments) {}

    public Page<Held> held(User admin, int page, boolean includeDiscarded) {
        requireAdmin(admin);
        int size = 25;
        int p = Math.max(1, page);
        return new Page<>(repo.held(dsl, includeDiscarded, (p - 1) * size, size).stream().map(this::held).toList(), p, size,
                repo.heldCount(dsl, includeDiscarded));
    }

    public Held heldMessage(User admin, long id) {
        requireAdmin(admin);
        return repo.find(dsl, id).filter(m -> m.getRequestId() == null || "DISCARDED".equals(m.getStatus()) || "HELD".equals(m.getStatus()))
                .map(this::held).orElseThrow(() -> new NotFound("There is no such message in the holding queue."));
    }

    private Held held(InboundMessagesRecord m) {
        return new Held(m.getId(), m.getReceivedAt(), m.getChannel(), m.getFromAddress(), m.getRecipient(), m.getSubject(),
                m.getHoldReason(), m.getStatus(), m.getSizeBytes(), m.getHeaders(), m.getBodyText(), repo.attachmentNames(dsl, m.getId()));
    }

    /** The message exactly as received, for an administrator to inspect offline. */
    public Optional<java.io.InputStream> raw(User admin, long id) {
        requireAdmin(admin);
        return repo.find(dsl, id).filter(m -> m.getRawSha256() != null).map(m -> {
            try {
                return blobs.open(m.getRawSha256());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** An administrator vouches for a held message and puts it on a request's timeline. */
    public void assign(User admin, long id, String number, String ip) {
        requireAdmin(admin);
        InboundMessagesRecord m = repo.find(dsl, id).filter(x -> "HELD".equals(x.getStatus()))
                .orElseThrow(() -> new BadInput("number", "This message is no longer in the holding queue."));
        if ("OVERSIZED".equals(m.getHoldReason()) || m.getRawSha256() == null) {
            throw new BadInput("number", "Daylight did not keep this message's content; ask the agency to send it again in smaller parts.");
        }
        RequestsRecord r = ledger.byNumber(dsl, number == null ? "" : number.strip().toUpperCase())
                .filter(x -> x.getSubmittedAt() != null)
                .orElseThrow(() -> new BadInput("number", "There is no request " + Optional.ofNullable(number).orElse("") + "."));
        ParsedMail mail;
        try (var in = blobs.open(m.getRawSha256())) {
            mail = ParsedMail.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new BadInput("number", "This message cannot be read, so it cannot be put on a request.");
        }
        match(new Incoming(m.getChannel(), m.getEnvelopeFrom(), m.getRecipient(), null, null, m.getSizeBytes()), mail,
                null, r, admin, id, ip);
    }

    public void discard(User admin, long id, String ip) {
        requireAdmin(admin);
        dsl.transaction(t -> {
            if (!repo.discard(t.dsl(), id, admin.id(), clock.instant())) {
                throw new BadInput("message", "This message is no longer in the holding queue.");
            }
            audit.record(t.dsl(), admin.id(), "discard-inbound", "message " + id, null, ip);
        });
    }

    private static void requireAdmin(User user) {
        if (user == null || !user.isAdmin()) throw new NotFound("There is no such page.");
    }
}
