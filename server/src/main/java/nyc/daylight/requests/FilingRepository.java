package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.FILINGS;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.jooq.DSLContext;

/** Writing new requests: filings (one composer submission), request numbers and the rows; jOOQ only. */
final class FilingRepository {

    /** The filing with this key, if a submission already used it. */
    Optional<Long> filingByKey(DSLContext dsl, String key) {
        return dsl.select(FILINGS.ID).from(FILINGS).where(FILINGS.IDEMPOTENCY_KEY.eq(key)).fetchOptional(FILINGS.ID);
    }

    /** Inserts the filing; empty if another submission with the same key won the race. */
    Optional<Long> insertFiling(DSLContext dsl, long requesterId, String key) {
        return dsl.insertInto(FILINGS).set(FILINGS.REQUESTER_ID, requesterId).set(FILINGS.IDEMPOTENCY_KEY, key)
                .onConflictDoNothing().returning(FILINGS.ID).fetchOptional(FILINGS.ID);
    }

    Optional<Long> filingOwner(DSLContext dsl, long filingId) {
        return dsl.select(FILINGS.REQUESTER_ID).from(FILINGS).where(FILINGS.ID.eq(filingId)).fetchOptional(FILINGS.REQUESTER_ID);
    }

    /** The numbers of the requests one filing made, in the order it made them. */
    List<String> numbersOf(DSLContext dsl, long filingId) {
        return dsl.select(REQUESTS.NUMBER).from(REQUESTS).where(REQUESTS.FILING_ID.eq(filingId))
                .orderBy(REQUESTS.ID).fetch(REQUESTS.NUMBER);
    }

    int filingsSince(DSLContext dsl, long requesterId, OffsetDateTime since) {
        return dsl.fetchCount(FILINGS, FILINGS.REQUESTER_ID.eq(requesterId).and(FILINGS.CREATED_AT.gt(since)));
    }

    long nextNumber(DSLContext dsl) {
        return dsl.nextval("request_number_seq").longValue();
    }

    long insertRequest(DSLContext dsl, NewRequest n) {
        RequestsRecord r = new RequestsRecord();
        r.setNumber(n.number());
        r.setAgencyId(n.agencyId());
        r.setRequesterId(n.requesterId());
        r.setTitle(n.title());
        r.setDescription(n.description());
        r.setSubmittedAt(n.submittedAt());
        r.setTopic(n.topic());
        r.setLetterText(n.letterText());
        r.setStatus("ON_TIME");
        if (n.filed() != null) {
            NewRequest.Filed f = n.filed();
            r.setFilingId(f.filingId());
            r.setRecordsFrom(f.recordsFrom());
            r.setRecordsTo(f.recordsTo());
            r.setPreferredFormat(f.preferredFormat());
            r.setFeeWaiverReason(f.feeWaiverReason());
            r.setExpediteReason(f.expediteReason());
            r.setShowRequesterName(f.identity().nameShown());
            r.setSignatureKind(f.identity().kind().name());
            r.setSignatureName(f.identity().signature());
            r.setTemplate(f.template());
            r.setEmbargoUntil(f.embargoUntil());
            r.setReplyToken(f.replyToken());
        }
        if (n.imported() != null) {
            r.setImportedSource(n.imported().source());
            r.setExternalNumber(n.imported().externalNumber());
        }
        return dsl.insertInto(REQUESTS).set(r).returning(REQUESTS.ID).fetchOne(REQUESTS.ID);
    }
}
