package nyc.daylight.inbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.User;
import nyc.daylight.db.AuditLog;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import nyc.daylight.notify.ReplyAddress;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.BlobTooLargeException;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.records.extract.ParsedMail;
import nyc.daylight.records.extract.TextSafety;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.requests.RequesterIdentity;
import nyc.daylight.requests.Upload;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a message once (a redelivery is recognised by its dedup key and ignored): either in the
 * administrators' holding queue, private, or on its request's timeline, where its text (the
 * quoted letter cut, the requester masked) joins the ledger, its files join the records review,
 * and the requester is told. {@link InboundMail} decides which, on arrival; {@link HoldingQueue}
 * when an administrator vouches for a held message.
 */
public final class MessageFiling {
    private static final Logger log = LoggerFactory.getLogger(MessageFiling.class);
    private static final int MAX_ATTACHMENTS = 50;

    /** Told about each file a matched message carried, once stored: the records pipeline listens. */
    @FunctionalInterface
    public interface EmailedFiles {
        EmailedFiles NONE = (requestId, agencyId, attachmentId, blob, name, received) -> { };

        void received(long requestId, long agencyId, long attachmentId, StoredBlob blob, String name, LocalDate received);
    }

    private final DSLContext dsl;
    private final InboundRepository repo = new InboundRepository();
    private final RequestFactsRepository requests = new RequestFactsRepository();
    private final AgencyService agencies;
    private final RequestLedger ledger;
    private final Mailer mailer;
    private final BlobStore blobs;
    private final EmailedFiles files;
    private final ReplyReview review;
    private final InboundSettings settings;
    private final Clock clock;
    private final String baseUrl;
    private final ReplyClassifier classifier = new ReplyClassifier();
    private final AuditLog audit = new AuditLog();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonMapper json = JSON;
    private final BounceFiling bounces;

    public MessageFiling(DSLContext dsl, AgencyService agencies, RequestLedger ledger, Mailer mailer, BlobStore blobs,
                         EmailedFiles files, ReplyReview review, InboundSettings settings, Clock clock, String baseUrl) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.ledger = ledger;
        this.mailer = mailer;
        this.blobs = blobs;
        this.files = files;
        this.review = review;
        this.settings = settings;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.bounces = new BounceFiling(dsl, agencies, ledger, mailer, blobs, clock, baseUrl);
    }

    /** Into the holding queue, for {@code reason}; returns the message's id (the earlier one's, for a redelivery). */
    long hold(InboundMail.Incoming in, ParsedMail mail, StoredBlob raw, String reason) {
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

    /** Onto the request's timeline, as it arrived; returns the message's id (the earlier one's, for a redelivery). */
    long match(InboundMail.Incoming in, ParsedMail mail, StoredBlob raw, RequestFacts request) {
        return put(in, mail, raw, request, null, null, null, AutomaticMail.Kind.PERSON);
    }

    /**
     * Onto the request's timeline as an automatic reply (out of office, an auto-acknowledgment):
     * no step is suggested or offered, and the requester is not told an answer came.
     */
    long automatic(InboundMail.Incoming in, ParsedMail mail, StoredBlob raw, RequestFacts request) {
        return put(in, mail, raw, request, null, null, null, AutomaticMail.Kind.AUTOMATIC_REPLY);
    }

    /** A bounce at the request's reply address: see {@link BounceFiling}. */
    long bounce(InboundMail.Incoming in, ParsedMail mail, StoredBlob raw, RequestFacts request) {
        return bounces.file(in, mail, raw, request, dedupKey(in, mail), headersOf(in, mail), mask(dsl, request));
    }

    /**
     * Onto the request's timeline, from the holding queue, vouched for by {@code admin}. A held
     * bounce (one that came in by IMAP to a wrong address) goes on as an automatic reply showing
     * only its reason: it marks no letter, since nothing but the admin's word ties it to one.
     */
    void assign(long heldId, InboundMail.Incoming in, ParsedMail mail, RequestFacts request, User admin, String adminIp) {
        put(in, mail, null, request, admin, heldId, adminIp, AutomaticMail.of(mail));
    }

    /** The message exactly as received, in the blob store. */
    StoredBlob keepRaw(byte[] bytes) {
        try {
            return blobs.put(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an inbound message", e);
        }
    }

    /**
     * Puts a message on its request's timeline. {@code admin} is set when an administrator
     * assigned a held message by hand (then {@code existingId} is that message).
     */
    private long put(InboundMail.Incoming in, ParsedMail mail, StoredBlob raw, RequestFacts request, User admin, Long existingId,
                     String adminIp, AutomaticMail.Kind kind) {
        boolean automatic = kind != AutomaticMail.Kind.PERSON;
        boolean bounce = kind == AutomaticMail.Kind.BOUNCE;
        Agency agency = agencies.byId().get(request.agencyId());
        List<StoredBlob> stored = existingId == null ? storeAttachments(mail) : repo.storedAttachments(dsl, existingId);
        List<Long> attachmentIds = new ArrayList<>();
        Optional<Long> id = dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            var events = ledger.events(tx, request.id());
            boolean acknowledged = events.stream().anyMatch(e -> e.type() == EventType.ACKNOWLEDGED);
            IdentityMask mask = mask(tx, request);
            // A bounce's text is the returned letter (the reply address, the requester's name): only its reason is shown.
            // A forwarded OpenRecords notice is the forwarded part: quote-cutting would keep only the requester's "FYI".
            Optional<PortalNotice> portal = automatic ? Optional.empty() : PortalNotice.read(mail.subject(), mail.body());
            String shown = mask.apply(bounce ? BounceReport.of(mail).reason()
                    : portal.map(PortalNotice::text).orElseGet(() -> ReplyText.withoutQuote(mail.body())));
            ReplyReview.Scanned scanned = review.scan(mask.apply(mail.subject() == null ? "" : mail.subject()),
                    shown.isBlank() ? "(no text; see the attached files)" : shown);
            // The subject usually repeats the request's own title ("RE: … denied permits"): its words are not the agency's.
            String subject = mail.subject() == null ? "" : mail.subject().replace(request.title(), "");
            // Relative dates ("within 20 business days") count from receipt: the Date: header is the sender's to write.
            LocalDate writtenOn = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
            // A machine's mail says nothing about the request: no guess at a step, nothing offered to confirm.
            Suggestion s = automatic ? Suggestion.NONE
                    : portal.isPresent() ? masked(portal.get().suggestion(agency.regime()), mask)
                    : classifier.classify(subject, shown,
                            mail.attachments().stream().map(a -> a.name() == null ? "" : a.name()).toList(), agency.regime(), acknowledged, writtenOn);
            String reason = portal.flatMap(p -> Optional.ofNullable(p.reason())).map(mask::apply).orElse(null);
            Optional<Long> mid;
            if (existingId == null) {
                mid = repo.insert(tx, in, mail, headersOf(in, mail), raw, dedupKey(in, mail), request.id(), automatic ? "AUTOMATIC" : "MATCHED",
                        null, suggestionJson(s, reason), clock.instant());
                if (mid.isEmpty()) return Optional.<Long>empty(); // delivered before: nothing more to do
                repo.insertAttachments(tx, mid.get(), mail.attachments(), stored);
            } else {
                if (!repo.assign(tx, existingId, request.id(), automatic ? "AUTOMATIC" : "MATCHED", suggestionJson(s, reason), admin.id(),
                        clock.instant())) {
                    throw BadInput.of("number", "refusal.held.gone");
                }
                mid = Optional.of(existingId);
            }
            // On the ledger at Daylight's own receipt; sent_at keeps only what the Date: header claims.
            OffsetDateTime sent = repo.receivedAt(tx, mid.get());
            // A portal notice is usually forwarded by the requester: the timeline names the portal, never their address.
            String from = portal.isPresent() ? "NYC OpenRecords " + portal.get().portalId() + " (forwarded)"
                    : mask.apply(mail.from() == null ? "an unknown sender" : mail.from());
            // The text is public at once only when the scanner found nothing; else the entry stays empty until review.
            int seq = ledger.append(tx, request.id(), automatic ? EventType.AUTOMATIC_REPLY : EventType.EMAIL_RECEIVED, sent, admin == null ? null : admin.id(), null,
                    from, scanned.clean() ? scanned.text() : null,
                    // The ledger is append-only: a subject with personal data in it must never be written there.
                    json.writeValueAsString(Map.of("inboundMessageId", mid.get(), "subject", scanned.clean() ? scanned.subject() : "")));
            repo.setEventSeq(tx, mid.get(), seq);
            review.store(tx, mid.get(), scanned);
            for (int i = 0; i < (bounce ? 0 : stored.size()); i++) {
                attachmentIds.add(ledger.attach(tx, request.id(), seq, stored.get(i), Upload.safeName(mail.attachments().get(i).name()),
                        null, "EMAIL"));
            }
            ledger.refresh(tx, request.id(), agency);
            if (!automatic) tellRequester(tx, request, agency, mail.attachments().size(), s);
            if (admin != null) audit.record(tx, admin.id(), "assign-inbound", request.number(), "message " + mid.get(), adminIp);
            return mid;
        });
        if (id.isEmpty()) return repo.idByDedupKey(dsl, dedupKey(in, mail));
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        for (int i = 0; i < attachmentIds.size(); i++) {
            try {
                files.received(request.id(), agency.id(), attachmentIds.get(i), stored.get(i),
                        Upload.safeName(mail.attachments().get(i).name()), today);
            } catch (RuntimeException e) {
                // The message stands; the file is read again at the next start (RecordPipeline.ingestMissing).
                log.error("Reading e-mailed file {} failed", mail.attachments().get(i).name(), e);
            }
        }
        return id.get();
    }

    /** The requester's notice, in their language, queued in the transaction that puts the reply on the timeline. */
    private void tellRequester(DSLContext tx, RequestFacts request, Agency agency, int files, Suggestion s) {
        Recipient requester = Recipient.of(tx, request.requesterId());
        String page = baseUrl + "/requests/" + request.number();
        String body = requester.text("mail.reply.body", agency.name(), files)
                + (s.any() ? "\n\n" + requester.text("mail.reply.suggestion", requester.text("replies.type." + s.type().name())) : "")
                + (s.noticed() ? "\n\n" + requester.text("replies.notice." + s.notice().name()) : "")
                + "\n\n" + requester.text("mail.reply.confirm") + "\n" + page + "#replies"
                + "\n\n" + requester.text("mail.request.footer", request.title(), page);
        mailer.enqueue(tx, Email.of(requester.email(),
                request.number() + ": " + requester.text("mail.reply.subject", agency.name()), requester.letter(body),
                "request:" + request.number()));
    }

    /**
     * Hides the requester's identity and the request's reply address. The names are the ones
     * {@link RequesterIdentity} keeps off every public surface: the name signed at filing as well as
     * the account's name now, since the agency greets the requester by the name in its letter.
     */
    IdentityMask mask(DSLContext tx, RequestFacts request) {
        String email = requests.userEmail(tx, request.requesterId());
        RequesterIdentity identity = request.identity(requests.userName(tx, request.requesterId()));
        // A name the requester chose to show is not masked word by word (its parts would vanish from the reply).
        List<String> names = identity.kind() == RequesterIdentity.Kind.SELF && identity.nameShown() ? List.of() : identity.hiddenNames();
        String address = new ReplyAddress(request.number(), request.replyToken()).at(settings.replyDomain());
        return IdentityMask.hiding(names, email, address, request.replyToken());
    }

    /** The portal's words may repeat the requester's name or address: the evidence shown is masked like the text. */
    private static Suggestion masked(Suggestion s, IdentityMask mask) {
        return new Suggestion(s.type(), s.date(), s.exemptions(), s.evidence() == null ? null : mask.apply(s.evidence()), s.notice());
    }

    /** The stored guess: a step to offer, or a notice to name (a step the ledger cannot record), with its evidence. */
    static String suggestionJson(Suggestion s) {
        return suggestionJson(s, null);
    }

    /** @param reason the written reason the message gives (a portal notice's), proposed in the form's reason field */
    static String suggestionJson(Suggestion s, String reason) {
        if (!s.any() && !s.noticed()) return "{}";
        Map<String, Object> m = new LinkedHashMap<>();
        if (reason != null && !reason.isBlank()) m.put("reason", reason);
        if (s.noticed()) {
            m.put("notice", s.notice().name());
            if (s.evidence() != null) m.put("evidence", s.evidence());
            return JSON.writeValueAsString(m);
        }
        m.put("type", s.type().name());
        if (s.date() != null) m.put("date", s.date().toString());
        m.put("exemptions", s.exemptions());
        m.put("evidence", s.evidence());
        return JSON.writeValueAsString(m);
    }

    private static String dedupKey(InboundMail.Incoming in, ParsedMail mail) {
        if (mail != null && mail.messageId() != null && !mail.messageId().isBlank()) {
            String id = mail.messageId().strip();
            // Per recipient: one e-mail answering two requests is delivered (and kept) once for each.
            String key = id + "|" + (in.recipient() == null ? "" : in.recipient().strip().toLowerCase(Locale.ROOT));
            return "mid:" + (key.length() > 700 ? key.substring(0, 700) : key);
        }
        try {
            byte[] bytes = in.raw() != null ? in.raw() : (in.head() + "|" + in.size() + "|" + in.recipient()).getBytes();
            return "sha:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String headersOf(InboundMail.Incoming in, ParsedMail mail) {
        if (mail != null) return mail.headers();
        byte[] head = in.head() != null ? in.head() : in.raw() != null ? in.raw() : new byte[0];
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) end = text.indexOf("\n\n");
        // A message no parser could read may still hold a NUL in its head, which PostgreSQL's text refuses:
        // refusing it would answer the sender "try again" for days, and keep nothing.
        return TextSafety.clean((end < 0 ? text : text.substring(0, end)).replace("\r\n", "\n"));
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
}
