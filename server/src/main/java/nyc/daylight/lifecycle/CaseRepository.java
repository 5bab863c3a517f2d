package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.INTERNAL_NOTES;
import static nyc.daylight.sql.jooq.Tables.OFFICER_AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.USERS;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Records;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The lifecycle's reads and writes of a request's own row, its officers and its internal notes.
 * Every method runs on the context it is handed (the caller's transaction); none opens one.
 * The columns written here (assignment, follow-ups, embargo) are the lifecycle's own; status and
 * dates are the ledger's ({@link RequestLedger}).
 */
final class CaseRepository {

    /** The submitter's account, as letters sign and address it. */
    record Account(String email, String displayName) {}

    Optional<CaseRequest> byNumber(DSLContext tx, String number) {
        return tx.selectFrom(REQUESTS).where(REQUESTS.NUMBER.eq(number)).fetchOptional(CaseRepository::toRequest);
    }

    /**
     * The numbers of the requests filed together with {@code number} (itself included) that
     * {@code requesterId} filed, in filing order; empty when the request is not theirs or has no filing.
     */
    List<String> siblingNumbers(DSLContext tx, String number, long requesterId) {
        var anchor = REQUESTS.as("anchor");
        return tx.select(REQUESTS.NUMBER).from(REQUESTS)
                .join(anchor).on(anchor.FILING_ID.eq(REQUESTS.FILING_ID))
                .where(anchor.NUMBER.eq(number)).and(anchor.REQUESTER_ID.eq(requesterId))
                .and(REQUESTS.REQUESTER_ID.eq(requesterId)).and(REQUESTS.SUBMITTED_AT.isNotNull())
                .orderBy(REQUESTS.ID).fetch(REQUESTS.NUMBER);
    }

    CaseRequest byId(DSLContext tx, long requestId) {
        return toRequest(tx.selectFrom(REQUESTS).where(REQUESTS.ID.eq(requestId)).fetchSingle());
    }

    /** Holds the request's row until the caller's transaction ends: one action at a time per request. */
    void lock(DSLContext tx, String number) {
        tx.selectOne().from(REQUESTS).where(REQUESTS.NUMBER.eq(number)).forUpdate().execute();
    }

    /**
     * The report for a read, writing the projection only if time moved it.
     * {@link RequestLedger#currentReport} takes the stored row, which only a repository may hold.
     */
    DeadlineReport currentReport(DSLContext tx, RequestLedger ledger, long requestId, Agency agency, BusinessCalendar calendar) {
        return ledger.currentReport(tx, requestId, agency, calendar);
    }

    void assign(DSLContext tx, long requestId, Long assigneeId) {
        tx.update(REQUESTS).set(REQUESTS.ASSIGNED_TO, assigneeId).where(REQUESTS.ID.eq(requestId)).execute();
    }

    void setAutoFollowUp(DSLContext tx, long requestId, boolean on) {
        tx.update(REQUESTS).set(REQUESTS.AUTO_FOLLOW_UP, on).where(REQUESTS.ID.eq(requestId)).execute();
    }

    void setEmbargo(DSLContext tx, long requestId, LocalDate until) {
        tx.update(REQUESTS).set(REQUESTS.EMBARGO_UNTIL, until).where(REQUESTS.ID.eq(requestId)).execute();
    }

    void endEmbargo(DSLContext tx, long requestId, OffsetDateTime at) {
        tx.update(REQUESTS).setNull(REQUESTS.EMBARGO_UNTIL).set(REQUESTS.EMBARGO_ENDED_AT, at)
                .where(REQUESTS.ID.eq(requestId)).execute();
    }

    /** Ends every embargo due by {@code today}; returns the requests' ids (the update matches each only once). */
    List<Long> endEmbargoesDue(DSLContext tx, LocalDate today, OffsetDateTime at) {
        return tx.update(REQUESTS).setNull(REQUESTS.EMBARGO_UNTIL).set(REQUESTS.EMBARGO_ENDED_AT, at)
                .where(REQUESTS.EMBARGO_UNTIL.le(today)).returning(REQUESTS.ID).fetch(REQUESTS.ID);
    }

    /** Officers of an agency who can sign in, for assignment and reminders. */
    List<Officer> officersOf(DSLContext tx, long agencyId) {
        return tx.fetch(officersSelect(agencyId)).map(Records.mapping(Officer::new));
    }

    /** The same officers as a field of another statement (the queue's extras read them with the badges). */
    static Field<List<Officer>> officers(long agencyId) {
        return DSL.multiset(officersSelect(agencyId)).convertFrom(r -> r.map(Records.mapping(Officer::new)));
    }

    private static Select<Record4<Long, String, String, Boolean>> officersSelect(long agencyId) {
        return DSL.select(USERS.ID, USERS.EMAIL, USERS.DISPLAY_NAME, OFFICER_AGENCIES.APPEALS_OFFICER)
                .from(OFFICER_AGENCIES).join(USERS).on(USERS.ID.eq(OFFICER_AGENCIES.USER_ID))
                .where(OFFICER_AGENCIES.AGENCY_ID.eq(agencyId)).and(USERS.PASSWORD_HASH.isNotNull())
                .orderBy(USERS.EMAIL);
    }

    Account account(DSLContext tx, long userId) {
        return tx.select(USERS.EMAIL, USERS.DISPLAY_NAME).from(USERS).where(USERS.ID.eq(userId))
                .fetchOne(r -> new Account(r.value1(), r.value2()));
    }

    void addNote(DSLContext tx, long requestId, long authorId, String body) {
        tx.insertInto(INTERNAL_NOTES).set(INTERNAL_NOTES.REQUEST_ID, requestId)
                .set(INTERNAL_NOTES.AUTHOR_ID, authorId).set(INTERNAL_NOTES.BODY, body).execute();
    }

    List<OfficerActions.Note> notes(DSLContext tx, long requestId) {
        return tx.select(INTERNAL_NOTES.CREATED_AT, USERS.EMAIL, INTERNAL_NOTES.BODY).from(INTERNAL_NOTES)
                .join(USERS).on(USERS.ID.eq(INTERNAL_NOTES.AUTHOR_ID))
                .where(INTERNAL_NOTES.REQUEST_ID.eq(requestId)).orderBy(INTERNAL_NOTES.CREATED_AT)
                .fetch(r -> new OfficerActions.Note(r.value1(), r.value2(), r.value3()));
    }

    /** When the request got its current assignee (null: nobody): the digest's "newly assigned to you" reads it. */
    void assignedAt(DSLContext tx, long requestId, OffsetDateTime at) {
        tx.update(REQUESTS).set(REQUESTS.ASSIGNED_AT, at).where(REQUESTS.ID.eq(requestId)).execute();
    }

    private static CaseRequest toRequest(RequestsRecord r) {
        return new CaseRequest(r.getId(), r.getNumber(), r.getTitle(), r.getDescription(), r.getAgencyId(), r.getRequesterId(),
                r.getSubmittedAt(), r.getAssignedTo(), r.getReplyToken(), r.getEmbargoUntil(), r.getEmbargoEndedAt(),
                Boolean.TRUE.equals(r.getAutoFollowUp()), r.getImportedSource(), r.getSignatureKind(), r.getSignatureName(),
                Boolean.TRUE.equals(r.getShowRequesterName()));
    }
}
