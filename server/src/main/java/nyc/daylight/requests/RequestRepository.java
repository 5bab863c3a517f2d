package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.noCondition;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nyc.daylight.db.Keyset;
import nyc.daylight.db.RequestVisibility;
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
        return dsl.selectFrom(REQUESTS).where(REQUESTS.ID.eq(requestId)).fetchOptional(RequestRepository::projectionOf);
    }

    /** No date sorts after every date: a keyset cannot compare nulls, so closed requests get the last day there is. */
    private static final LocalDate NO_DATE = LocalDate.of(9999, 12, 31);
    private static final org.jooq.Field<LocalDate> DUE_KEY = DSL.coalesce(REQUESTS.NEXT_DUE, DSL.inline(NO_DATE));

    /** The list's orders ({@link ListSort}), each two keys ending in the unique id. */
    static Keyset keyset(ListSort sort) {
        return switch (sort) {
            case NEWEST -> Keyset.of(false, REQUESTS.SUBMITTED_AT, REQUESTS.ID);
            case OLDEST -> Keyset.of(true, REQUESTS.SUBMITTED_AT, REQUESTS.ID);
            case DUE -> Keyset.of(true, DUE_KEY, REQUESTS.ID);
        };
    }

    /** A row's sort key as text, in the keyset's order. */
    private static List<String> key(ListSort sort, RequestsRecord r) {
        String first = sort == ListSort.DUE ? (r.getNextDue() == null ? NO_DATE : r.getNextDue()).toString() : r.getSubmittedAt().toString();
        return List.of(first, Long.toString(r.getId()));
    }

    /**
     * Public listing: never drafts, hidden requests, or requests under embargo on {@code today}. A
     * keyset page (its cost independent of how deep it is) and a count up to {@link Page#COUNT_CAP}.
     * The count of the whole list (no agency, no search: the home page's and {@code /requests}'
     * own) is kept in {@code cache} under every agency's requests generation, read first, and the
     * day; a search's words would only crowd the cache.
     */
    Page<StoredRequest> list(DSLContext dsl, RequestFilter f, LocalDate today, nyc.daylight.db.CountCache cache) {
        Condition c = RequestVisibility.listedOn(today).and(REQUESTS.SUBMITTED_AT.isNotNull());
        if (f.agencySlug() != null) {
            c = c.and(REQUESTS.AGENCY_ID.in(DSL.select(AGENCIES.ID).from(AGENCIES).where(AGENCIES.SLUG.eq(f.agencySlug()))));
        }
        c = c.and(f.status() == null ? noCondition() : REQUESTS.STATUS.eq(f.status()));
        c = c.and(f.channel() == null ? noCondition() : RequestFilter.DAYLIGHT.equals(f.channel())
                ? REQUESTS.CHANNEL.isNull().and(REQUESTS.IMPORTED_SOURCE.isNull()) : REQUESTS.CHANNEL.eq(f.channel()));
        // The search finds a title's words, Daylight's number, or the agency's own (an OpenRecords FOIL-… number).
        c = c.and(f.query() == null ? noCondition() : REQUESTS.TITLE.containsIgnoreCase(f.query())
                .or(REQUESTS.NUMBER.equalIgnoreCase(f.query())).or(REQUESTS.EXTERNAL_NUMBER.containsIgnoreCase(f.query())));
        Condition counted = c;
        java.util.function.Supplier<Integer> count = () -> dsl.fetchCount(dsl.selectOne().from(REQUESTS).where(counted).limit(Page.COUNT_CAP + 1));
        int total = f.agencySlug() == null && f.query() == null
                ? cache.get(new nyc.daylight.db.CountCache.Key("requests", 0, 0, today,
                        java.util.Arrays.asList(new nyc.daylight.db.RequestGenerations().all(dsl), f.status(), f.channel())), count)
                : count.get();
        Keyset keyset = keyset(f.sort());
        List<RequestsRecord> rows = dsl.selectFrom(REQUESTS).where(c).and(keyset.seek(f.cursor()))
                .orderBy(keyset.order(f.cursor()))
                .limit(f.pageSize() + 1)
                .fetch();
        Keyset.Page<StoredRequest> page = keyset.page(rows, f.cursor(), f.pageSize(), r -> key(f.sort(), r)).map(RequestRepository::stored);
        return new Page<>(page.items(), page.next(), page.previous(), Math.min(total, Page.COUNT_CAP), total > Page.COUNT_CAP);
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

    void setProjection(DSLContext dsl, long requestId, RequestProjection p) {
        dsl.update(REQUESTS).set(REQUESTS.STATUS, p.status()).set(REQUESTS.NEXT_DUE, p.nextDue())
                .set(REQUESTS.REQUESTER_DUE, p.requesterDue()).set(REQUESTS.LIVE_MISS_DUE, p.liveMissDue())
                .set(REQUESTS.LIVE_MISS_KIND, p.liveMissKind())
                .set(REQUESTS.PROJECTION_VALID_UNTIL, p.validUntil() == null ? null
                        : p.validUntil().atOffset(java.time.ZoneOffset.UTC))
                .set(REQUESTS.UPDATED_AT, DSL.currentOffsetDateTime()).where(REQUESTS.ID.eq(requestId)).execute();
    }

    /**
     * Up to {@code limit} submitted requests after id {@code after} whose projection's validity has
     * passed at {@code now} (or was never known), in id order, locked (rows another transaction
     * holds are skipped: the next pass takes them).
     */
    List<StoredRequest> stale(DSLContext tx, long after, java.time.Instant now, int limit) {
        return tx.selectFrom(REQUESTS)
                .where(REQUESTS.SUBMITTED_AT.isNotNull()).and(REQUESTS.ID.gt(after))
                .and(REQUESTS.PROJECTION_VALID_UNTIL.isNull()
                        .or(REQUESTS.PROJECTION_VALID_UNTIL.le(now.atOffset(java.time.ZoneOffset.UTC))))
                .orderBy(REQUESTS.ID).limit(limit).forUpdate().skipLocked().fetch(RequestRepository::stored);
    }

    static RequestProjection projectionOf(RequestsRecord r) {
        return new RequestProjection(r.getStatus(), r.getNextDue(), r.getRequesterDue(), r.getLiveMissDue(), r.getLiveMissKind(),
                r.getProjectionValidUntil() == null ? null : r.getProjectionValidUntil().toInstant());
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
