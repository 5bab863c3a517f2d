package nyc.daylight.requests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.User;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.BlobTooLargeException;
import nyc.daylight.records.StoredBlob;
import org.jooq.DSLContext;

/**
 * Correspondence the agency sent outside Daylight, pasted in (and optionally attached) by the
 * requester. An attached file stays private to the requester, officers and admins until the
 * records review publishes it.
 */
final class Correspondence {
    static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

    private final DSLContext dsl;
    private final Clock clock;
    private final BlobStore blobs;
    private final RequestRepository requests = new RequestRepository();
    private final LedgerRepository ledgers = new LedgerRepository();

    Correspondence(DSLContext dsl, Clock clock, BlobStore blobs) {
        this.dsl = dsl;
        this.clock = clock;
        this.blobs = blobs;
    }

    void add(User user, String number, String text, Upload upload) {
        // Checked before the upload is stored, so a stranger's file never reaches the blob store.
        StoredRequest r = Withdrawal.owned(requests, dsl, user, number);
        boolean hasText = text != null && !text.isBlank();
        if (!hasText && upload == null) {
            throw BadInput.of("correspondence", "error.correspondence.empty");
        }
        if (hasText && text.length() > 50_000) throw BadInput.of("correspondence", "error.correspondence.tooLong");
        StoredBlob blob = upload == null ? null : store(upload);
        dsl.transaction(tx -> {
            int seq = ledgers.appendEvent(tx.dsl(), r.id(), EventType.CORRESPONDENCE, OffsetDateTime.now(clock),
                    user.id(), null, "Reported by the requester", hasText ? text.strip() : null);
            if (blob != null) ledgers.insertAttachment(tx.dsl(), r.id(), seq, blob, upload.safeName(), user.id(), "REQUESTER_REPORTED");
        });
    }

    private StoredBlob store(Upload upload) {
        try (InputStream in = upload.open()) {
            return blobs.put(in, MAX_UPLOAD_BYTES);
        } catch (BlobTooLargeException e) {
            throw BadInput.of("attachment", "error.fileTooBig", MAX_UPLOAD_BYTES / (1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload", e);
        }
    }
}
