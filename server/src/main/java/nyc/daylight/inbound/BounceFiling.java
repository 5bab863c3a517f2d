package nyc.daylight.inbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Receipt;
import nyc.daylight.notify.Email;
import nyc.daylight.notify.LetterDeliveries;
import nyc.daylight.notify.Mailer;
import nyc.daylight.notify.Recipient;
import nyc.daylight.notify.SentLetter;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.BlobTooLargeException;
import nyc.daylight.records.StoredBlob;
import nyc.daylight.records.extract.ParsedMail;
import nyc.daylight.requests.RequestLedger;
import org.jooq.DSLContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bounce that reached a request's reply address (Daylight sends its letters with that address
 * as envelope sender, so the agency's server returns them there). The letter it names is marked
 * BOUNCED with the DSN's reason; the timeline says the letter came back, with that reason and not
 * the DSN's text (a returned letter quotes the request's reply address and the requester's
 * name). When the request letter itself came back, the agency never got the request: the
 * requester is told what to do, and the administrators that the agency's address may be wrong.
 * The returned files stay private with the message; they are never records.
 */
final class BounceFiling {
    private final DSLContext dsl;
    private final InboundRepository repo = new InboundRepository();
    private final RequestFactsRepository requests = new RequestFactsRepository();
    private final LetterDeliveries deliveries = new LetterDeliveries();
    private final AgencyService agencies;
    private final RequestLedger ledger;
    private final Mailer mailer;
    private final BlobStore blobs;
    private final java.time.Clock clock;
    private final String baseUrl;
    private final JsonMapper json = JsonMapper.builder().build();

    BounceFiling(DSLContext dsl, AgencyService agencies, RequestLedger ledger, Mailer mailer, BlobStore blobs, java.time.Clock clock,
                 String baseUrl) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.ledger = ledger;
        this.mailer = mailer;
        this.blobs = blobs;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** Keeps the bounce once and marks its letter; returns the message's id (the earlier one's, for a redelivery). */
    long file(InboundMail.Incoming in, ParsedMail mail, StoredBlob raw, RequestFacts request, String dedupKey, String headers,
              IdentityMask mask) {
        BounceReport report = BounceReport.of(mail);
        List<StoredBlob> stored = store(mail);
        Agency agency = agencies.byId().get(request.agencyId());
        Optional<Long> id = dsl.transactionResult(t -> {
            DSLContext tx = t.dsl();
            Optional<Long> mid = repo.insert(tx, in, mail, headers, raw, dedupKey, request.id(), "AUTOMATIC", null, "{}", clock.instant());
            if (mid.isEmpty()) return mid;
            repo.insertAttachments(tx, mid.get(), mail.attachments(), stored);
            Optional<SentLetter> letter = deliveries.find(tx, "request:" + request.number(), report.outboxId(), report.messageIds(),
                    in.recipient());
            // The DSN's reason names the agency's address and its server's words; the mask takes anything of the requester's.
            String reason = mask.apply(report.reason());
            OffsetDateTime received = repo.receivedAt(tx, mid.get());
            if (letter.isPresent() && letter.get().alreadyBounced()) return mid; // the same letter's second DSN: kept, nothing new
            // A report long after the letter left is no server's (they give up within days): kept, but
            // it neither marks the letter nor stops the clock, and only the administrators are told.
            boolean late = letter.isPresent() && letter.get().sentAt() != null && !Receipt.withinBounceWindow(letter.get().sentAt().toInstant(), received.toInstant());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("inboundMessageId", mid.get());
            letter.ifPresent(l -> data.put("outboxId", l.id()));
            if (late) data.put("late", true);
            EventType type = letter.isEmpty() ? EventType.AUTOMATIC_REPLY
                    : late ? EventType.LATE_DELIVERY_REPORT
                    : letter.get().requestLetter() ? EventType.REQUEST_UNDELIVERED : EventType.LETTER_UNDELIVERED;
            int seq = ledger.append(tx, request.id(), type, received, null, null, reason, null, json.writeValueAsString(data));
            repo.setEventSeq(tx, mid.get(), seq);
            if (late) {
                tellAdminsOfLateReport(tx, request, agency, letter.get());
            } else if (letter.isPresent()) {
                deliveries.bounced(tx, letter.get().id(), reason, clock.instant(), mid.get());
                if (letter.get().requestLetter()) tell(tx, request, agency, letter.get(), reason);
            }
            ledger.refresh(tx, request.id(), agency);
            return mid;
        });
        return id.orElseGet(() -> repo.idByDedupKey(dsl, dedupKey));
    }

    /** The requester: what happened and what to do; every administrator: the agency's address may be wrong. */
    private void tell(DSLContext tx, RequestFacts request, Agency agency, SentLetter letter, String reason) {
        String page = baseUrl + "/requests/" + request.number();
        Recipient requester = Recipient.of(tx, request.requesterId());
        String body = requester.text("mail.undelivered.body", agency.name(), letter.to(), reason)
                + "\n\n" + requester.text("mail.undelivered.todo") + "\n\n" + requester.text("mail.request.footer", request.title(), page);
        mailer.enqueue(tx, Email.of(requester.email(), request.number() + ": " + requester.text("mail.undelivered.subject", agency.name()),
                requester.letter(body), "request:" + request.number()));
        for (long adminId : requests.adminIds(tx)) {
            Recipient admin = Recipient.of(tx, adminId);
            String text = admin.text("mail.undelivered.admin.body", request.number(), agency.name(), letter.to(), reason)
                    + "\n\n" + baseUrl + "/admin/agencies/" + agency.slug() + "\n" + page;
            mailer.enqueue(tx, Email.of(admin.email(), request.number() + ": " + admin.text("mail.undelivered.admin.subject", agency.name()),
                    admin.letter(text), "agency:" + agency.slug()));
        }
    }

    /** Every administrator: a delivery report came too late to be the letter's own; it may be forged. */
    private void tellAdminsOfLateReport(DSLContext tx, RequestFacts request, Agency agency, SentLetter letter) {
        String page = baseUrl + "/requests/" + request.number();
        for (long adminId : requests.adminIds(tx)) {
            Recipient admin = Recipient.of(tx, adminId);
            String text = admin.text("mail.lateBounce.admin.body", request.number(), agency.name(), letter.to(),
                    Receipt.BOUNCE_WINDOW.toDays()) + "\n\n" + page;
            mailer.enqueue(tx, Email.of(admin.email(), request.number() + ": " + admin.text("mail.lateBounce.admin.subject"),
                    admin.letter(text), "request:" + request.number()));
        }
    }

    private List<StoredBlob> store(ParsedMail mail) {
        List<StoredBlob> out = new ArrayList<>();
        for (ParsedMail.File f : mail.attachments().subList(0, Math.min(50, mail.attachments().size()))) {
            try {
                out.add(blobs.put(new ByteArrayInputStream(f.content()), Long.MAX_VALUE));
            } catch (BlobTooLargeException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not store a bounce's file", e);
            }
        }
        return out;
    }
}
