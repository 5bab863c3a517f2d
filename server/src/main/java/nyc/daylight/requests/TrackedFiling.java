package nyc.daylight.requests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.RateLimited;
import nyc.daylight.core.Text;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.notify.ReplyAddress;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.BlobTooLargeException;
import nyc.daylight.records.StoredBlob;
import org.jooq.DSLContext;

/**
 * Tracking a request the requester filed outside Daylight (NYC OpenRecords, an agency's portal,
 * FOIA.gov, their own e-mail, post, in person). It becomes a request like any other: its ledger's
 * first event is SUBMITTED at the receipt the requester records, so the same deadline engine runs
 * from that moment (after-hours and holiday receipt included) with no special case; it carries its
 * channel and the agency's own number; it gets a reply address to forward the portal's notices to.
 * Nothing is sent to the agency. It may be paired with the parallel request on the other side
 * (a city FOIL request and the federal FOIA request to ICE about the same communications).
 */
final class TrackedFiling {
    /** An unknown time of day counts as noon: neither after the agency's close nor before it opens. */
    static final LocalTime UNKNOWN_TIME = LocalTime.NOON;

    private final DSLContext dsl;
    private final AgencyService agencies;
    private final RequestStatus status;
    private final Clock clock;
    private final BlobStore blobs;
    private final FilingRepository filings = new FilingRepository();
    private final LedgerRepository ledgers = new LedgerRepository();
    private final TrackingRepository tracking = new TrackingRepository();
    private final RequestRepository requests = new RequestRepository();

    TrackedFiling(DSLContext dsl, AgencyService agencies, RequestStatus status, Clock clock, BlobStore blobs) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.status = status;
        this.clock = clock;
        this.blobs = blobs;
    }

    /** Records the request; returns its Daylight number. A repeated submission (same key) returns the first one's. */
    String track(User requester, Tracked form, String idempotencyKey, Upload upload) {
        if (requester == null) throw AccessDenied.of("refusal.signIn.toFile");
        if (idempotencyKey == null || idempotencyKey.length() < 16 || idempotencyKey.length() > 100) {
            throw BadInput.of("form", "error.form.staleResubmit");
        }
        Optional<Long> earlier = filings.filingByKey(dsl, idempotencyKey);
        if (earlier.isPresent()) return repeated(requester, earlier.get());
        Agency agency = agencies.find(Text.orEmpty(form.agencySlug()).strip())
                .orElseThrow(() -> BadInput.of("agency", "error.tracked.agency"));
        Channel channel = Channel.named(Text.orEmpty(form.channel())).orElseThrow(() -> BadInput.of("channel", "error.tracked.channel"));
        if (!channel.serves(agency.regime())) throw BadInput.of("channel", "error.tracked.channelAgency");
        String title = Text.orEmpty(form.title()).strip();
        if (title.length() < 5) throw BadInput.of("title", "error.tooShort", Message.of("what.title"), 5);
        if (title.length() > Composition.MAX_TITLE) throw BadInput.of("title", "error.tooLong", Message.of("what.title"), Composition.MAX_TITLE);
        String agencyNumber = TrackingNumber.normalise(form.trackingNumber());
        OffsetDateTime receipt = receipt(form.submittedOn(), form.submittedTime());
        String text = Text.blankToNull(Text.orEmpty(form.sentText()).strip());
        if (text == null && upload == null) throw BadInput.of("sentText", "error.tracked.copyMissing");
        if (text != null && text.length() > Tracked.MAX_TEXT) throw BadInput.of("sentText", "error.tracked.copyTooLong", Tracked.MAX_TEXT);
        if (agencyNumber != null) {
            tracking.sameAgencyNumber(dsl, requester.id(), agency.id(), agencyNumber).ifPresent(n -> {
                throw BadInput.of("trackingNumber", "error.tracked.numberKnown", n);
            });
        }
        StoredRequest pair = pairFor(requester, Text.blankToNull(Text.orEmpty(form.pairWith()).strip()), agency);
        int recent = filings.filingsSince(dsl, requester.id(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusHours(24));
        if (recent >= RequestFiling.MAX_FILINGS_PER_DAY) {
            throw new RateLimited(Message.of("refusal.filing.dailyLimit", RequestFiling.MAX_FILINGS_PER_DAY));
        }
        // Stored before the transaction (the blob store is content-addressed: an unused blob is harmless).
        StoredBlob blob = upload == null ? null : store(upload);
        String number = dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Optional<Long> filing = filings.insertFiling(t, requester.id(), idempotencyKey);
            if (filing.isEmpty()) return null; // a concurrent twin won
            String n = "DL-" + receipt.atZoneSameInstant(BusinessCalendar.NEW_YORK).getYear() + "-"
                    + String.format("%06d", filings.nextNumber(t));
            NewRequest.Filed filed = new NewRequest.Filed(filing.get(), null, null, "ELECTRONIC", null, null,
                    RequesterIdentity.choose(null, null, false, requester.displayName()), null, null, ReplyAddress.newToken());
            long id = filings.insertRequest(t, new NewRequest(n, agency.id(), requester.id(), title, text == null ? title : text,
                    receipt, null, text, filed, null));
            tracking.setTracking(t, id, channel, agencyNumber);
            // The receipt the requester recorded is the ledger's first event: the engine counts from it as from any filing.
            int seq = ledgers.appendEvent(t, id, EventType.SUBMITTED, receipt, requester.id(), null, null, null);
            if (blob != null) ledgers.insertAttachment(t, id, seq, blob, upload.safeName(), requester.id(), "REQUESTER_REPORTED");
            if (pair != null) tracking.pair(t, id, pair.id());
            status.refresh(t, id, agency);
            return n;
        });
        return number != null ? number : repeated(requester, filings.filingByKey(dsl, idempotencyKey).orElseThrow());
    }

    private String repeated(User requester, long filingId) {
        Optional<Long> owner = filings.filingOwner(dsl, filingId);
        if (owner.isEmpty() || owner.get() != requester.id()) throw BadInput.of("form", "error.form.staleResubmit");
        return filings.numbersOf(dsl, filingId).getFirst();
    }

    /**
     * When it reached the agency, in New York time: a day (required, 2015 or later), a time if
     * known, never in the future.
     */
    OffsetDateTime receipt(String day, String time) {
        if (day == null || day.isBlank()) throw BadInput.of("submittedOn", "error.tracked.submittedMissing");
        LocalDate on;
        try {
            on = LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw BadInput.of("submittedOn", "error.date.format");
        }
        if (on.getYear() < BusinessCalendar.FIRST_YEAR) throw BadInput.of("submittedOn", "error.tracked.submittedTooEarly", BusinessCalendar.FIRST_YEAR);
        LocalTime at = UNKNOWN_TIME;
        if (time != null && !time.isBlank()) {
            try {
                at = LocalTime.parse(time.strip());
            } catch (DateTimeParseException e) {
                throw BadInput.of("submittedTime", "error.tracked.timeFormat");
            }
        }
        OffsetDateTime receipt = on.atTime(at).atZone(BusinessCalendar.NEW_YORK).toOffsetDateTime();
        if (receipt.toInstant().isAfter(clock.instant())) {
            throw BadInput.of(on.isAfter(LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK))) ? "submittedOn" : "submittedTime",
                    "error.tracked.submittedInFuture");
        }
        return receipt;
    }

    /** The requester's own request on the other side (city ↔ federal), not yet paired; null when none was named. */
    private StoredRequest pairFor(User requester, String number, Agency agency) {
        if (number == null) return null;
        StoredRequest other = requests.byNumber(dsl, number).filter(r -> r.requesterId() == requester.id())
                .orElseThrow(() -> BadInput.of("pairWith", "error.tracked.pairUnknown", number));
        Agency otherAgency = agencies.byId().get(other.agencyId());
        if (otherAgency.regime() == agency.regime()) throw BadInput.of("pairWith", "error.tracked.pairSameSide");
        if (tracking.paired(dsl, other.id())) throw BadInput.of("pairWith", "error.tracked.pairTaken", number);
        return other;
    }

    private StoredBlob store(Upload upload) {
        try (InputStream in = upload.open()) {
            return blobs.put(in, Correspondence.MAX_UPLOAD_BYTES);
        } catch (BlobTooLargeException e) {
            throw BadInput.of("attachment", "error.fileTooBig", Correspondence.MAX_UPLOAD_BYTES / (1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload", e);
        }
    }
}
