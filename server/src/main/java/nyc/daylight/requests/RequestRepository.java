package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.noCondition;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nyc.daylight.db.RequestVisibility;
import nyc.daylight.deadlines.Owed;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;

/** Stored requests: reading them, their stored projection, hiding; jOOQ only, in the caller's transaction. */
final class RequestRepository {

    Optional<StoredRequest> byNumber(DSLContext dsl, String number) {
        return row(dsl, number).map(RequestRepository::stored);
    }

    /** Holds the request's row until the transaction ends, so two clicks cannot both act. */
    void lock(DSLContext tx, String number) {
        tx.selectOne().from(REQUESTS).where(REQUESTS.NUMBER.eq(number)).forUpdate().execute();
    }

    /** The generated row, only for {@link RequestLedger}'s older callers until they read {@link StoredRequest}. */
    Optional<RequestsRecord> row(DSLContext dsl, String number) {
        return dsl.selectFrom(REQUESTS).where(REQUESTS.NUMBER.eq(number)).fetchOptional();
    }

    Optional<RequestProjection> projection(DSLContext dsl, long requestId) {
        return dsl.select(REQUESTS.STATUS, REQUESTS.NEXT_DUE, REQUESTS.REQUESTER_DUE, REQUESTS.LIVE_MISS_DUE, REQUESTS.LIVE_MISS_KIND)
                .from(REQUESTS).where(REQUESTS.ID.eq(requestId)).fetchOptional(Records.mapping(RequestProjection::new));
    }

    /** Public listing: never drafts, hidden requests, or requests under embargo on {@code today}. */
    Page<StoredRequest> list(DSLContext dsl, RequestFilter f, LocalDate today) {
        Condition c = RequestVisibility.listedOn(today).and(REQUESTS.SUBMITTED_AT.isNotNull());
        if (f.agencySlug() != null) {
            c = c.and(REQUESTS.AGENCY_ID.in(DSL.select(AGENCIES.ID).from(AGENCIES).where(AGENCIES.SLUG.eq(f.agencySlug()))));
        }
        c = c.and(f.status() == null ? noCondition() : REQUESTS.STATUS.eq(f.status()));
        // The search finds a title's words, Daylight's number, or the agency's own (an OpenRecords FOIL-… number).
        c = c.and(f.query() == null ? noCondition() : REQUESTS.TITLE.containsIgnoreCase(f.query())
                .or(REQUESTS.NUMBER.equalIgnoreCase(f.query())).or(REQUESTS.EXTERNAL_NUMBER.containsIgnoreCase(f.query())));
        int total = dsl.fetchCount(REQUESTS, c);
        List<StoredRequest> rows = dsl.selectFrom(REQUESTS).where(c)
                .orderBy(REQUESTS.SUBMITTED_AT.desc(), REQUESTS.ID.desc())
                .limit(f.pageSize()).offset((f.page() - 1) * f.pageSize())
                .fetch(RequestRepository::stored);
        return new Page<>(rows, f.page(), f.pageSize(), total);
    }

    List<StoredRequest> byRequester(DSLContext dsl, long requesterId) {
        return dsl.selectFrom(REQUESTS).where(REQUESTS.REQUESTER_ID.eq(requesterId))
                .orderBy(REQUESTS.SUBMITTED_AT.desc().nullsLast(), REQUESTS.ID.desc()).fetch(RequestRepository::stored);
    }

    String requesterName(DSLContext dsl, long userId) {
        return dsl.select(coalesce(USERS.DISPLAY_NAME, DSL.val(""))).from(USERS).where(USERS.ID.eq(userId)).fetchOne(0, String.class);
    }

    void hide(DSLContext dsl, long requestId, String reason) {
        dsl.update(REQUESTS).set(REQUESTS.HIDDEN_AT, DSL.currentOffsetDateTime()).set(REQUESTS.HIDDEN_REASON, reason)
                .where(REQUESTS.ID.eq(requestId)).execute();
    }

    void setProjection(DSLContext dsl, long requestId, String status, Owed owed) {
        dsl.update(REQUESTS).set(REQUESTS.STATUS, status).set(REQUESTS.NEXT_DUE, owed.agencyDue())
                .set(REQUESTS.REQUESTER_DUE, owed.requesterDue()).set(REQUESTS.LIVE_MISS_DUE, owed.missedDue())
                .set(REQUESTS.LIVE_MISS_KIND, owed.liveMiss() == null ? null : owed.liveMiss().kind().name())
                .set(REQUESTS.UPDATED_AT, DSL.currentOffsetDateTime()).where(REQUESTS.ID.eq(requestId)).execute();
    }

    /** A request whose stored projection has a live miss (the overdue list filters and counts the days). */
    record LiveMiss(String number, String title, long agencyId, LocalDate due, String kind, String importedSource) {}

    /** Listed requests with a live miss, optionally of one agency or topic and without imported history. */
    List<LiveMiss> liveMisses(DSLContext dsl, LocalDate today, String agencySlug, String topic, boolean hideImported) {
        return dsl.select(REQUESTS.NUMBER, REQUESTS.TITLE, REQUESTS.AGENCY_ID, REQUESTS.LIVE_MISS_DUE,
                        REQUESTS.LIVE_MISS_KIND, REQUESTS.IMPORTED_SOURCE)
                .from(REQUESTS).join(AGENCIES).on(AGENCIES.ID.eq(REQUESTS.AGENCY_ID))
                .where(REQUESTS.LIVE_MISS_DUE.isNotNull())
                .and(RequestVisibility.listedOn(today))
                .and(hideImported ? REQUESTS.IMPORTED_SOURCE.isNull() : noCondition())
                .and(agencySlug == null ? noCondition() : AGENCIES.SLUG.eq(agencySlug))
                .and(topic == null ? noCondition() : REQUESTS.TOPIC.eq(topic))
                .fetch(Records.mapping(LiveMiss::new));
    }

    static RequestProjection projectionOf(RequestsRecord r) {
        return new RequestProjection(r.getStatus(), r.getNextDue(), r.getRequesterDue(), r.getLiveMissDue(), r.getLiveMissKind());
    }

    static StoredRequest stored(RequestsRecord r) {
        return new StoredRequest(r.getId(), r.getNumber(), r.getAgencyId(), r.getRequesterId(), r.getFilingId(), r.getTitle(),
                r.getDescription(), r.getRecordsFrom(), r.getRecordsTo(), r.getPreferredFormat(), r.getSubmittedAt(),
                r.getHiddenAt(), r.getEmbargoUntil(), r.getLetterText(), r.getReplyToken(), Boolean.TRUE.equals(r.getAutoFollowUp()),
                r.getImportedSource(),
                new StoredRequest.Signature(r.getSignatureKind() == null ? RequesterIdentity.Kind.SELF
                        : RequesterIdentity.Kind.valueOf(r.getSignatureKind()), r.getSignatureName(),
                        Boolean.TRUE.equals(r.getShowRequesterName())),
                projectionOf(r));
    }
}
