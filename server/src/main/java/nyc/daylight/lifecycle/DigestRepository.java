package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.DAILY_DIGESTS;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.OFFICER_AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nyc.daylight.deadlines.Standing;
import nyc.daylight.sql.types.InboundStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;

/**
 * The daily digest's reads, and its once-a-day record (daily_digests: one row per person per New
 * York day, written in the same transaction as the message). Runs on the context it is handed.
 */
final class DigestRepository {

    /** One request in a digest section: its number, title and the date (or event) that put it there. */
    record Line(String number, String title, LocalDate date, String event) {}

    /** A section's first lines and how many requests it has in all. */
    record Section(List<Line> lines, int total) {}

    /**
     * People whose digest for {@code day} is not settled yet: officers of an agency, and requesters
     * with at least {@code minOpen} open requests; only accounts that can sign in and want it.
     */
    List<Long> due(DSLContext tx, LocalDate day, int minOpen) {
        Condition wants = USERS.DAILY_DIGEST.isTrue().and(USERS.PASSWORD_HASH.isNotNull())
                .and(notExists(selectOne().from(DAILY_DIGESTS).where(DAILY_DIGESTS.USER_ID.eq(USERS.ID)).and(DAILY_DIGESTS.DAY.eq(day))));
        Condition officer = exists(selectOne().from(OFFICER_AGENCIES).where(OFFICER_AGENCIES.USER_ID.eq(USERS.ID)));
        Condition manyRequests = USERS.ID.in(tx.select(REQUESTS.REQUESTER_ID).from(REQUESTS).where(open())
                .groupBy(REQUESTS.REQUESTER_ID).having(count().ge(minOpen)));
        return tx.select(USERS.ID).from(USERS).where(wants.and(officer.or(manyRequests))).orderBy(USERS.ID).fetch(USERS.ID);
    }

    /** The previous digest of a person: when it was made, and the last ledger entry it had seen. */
    record Previous(OffsetDateTime at, long eventsSeen) {}

    /**
     * True when this person's digest for the day was not settled yet (and now is, until the
     * caller's transaction rolls back), marked with the last ledger entry this transaction sees.
     */
    boolean claim(DSLContext tx, long userId, LocalDate day, OffsetDateTime at) {
        return tx.insertInto(DAILY_DIGESTS).set(DAILY_DIGESTS.USER_ID, userId).set(DAILY_DIGESTS.DAY, day)
                .set(DAILY_DIGESTS.SENT_AT, at)
                .set(DAILY_DIGESTS.EVENTS_SEEN, tx.select(org.jooq.impl.DSL.coalesce(max(REQUEST_EVENTS.ID), 0L)).from(REQUEST_EVENTS))
                .onConflictDoNothing().execute() == 1;
    }

    void sent(DSLContext tx, long userId, LocalDate day, long outboxId) {
        tx.update(DAILY_DIGESTS).set(DAILY_DIGESTS.OUTBOX_ID, outboxId)
                .where(DAILY_DIGESTS.USER_ID.eq(userId)).and(DAILY_DIGESTS.DAY.eq(day)).execute();
    }

    /** The person's latest digest before {@code day}: what is "new" is what came after it. */
    Optional<Previous> previous(DSLContext tx, long userId, LocalDate day) {
        return tx.select(DAILY_DIGESTS.SENT_AT, DAILY_DIGESTS.EVENTS_SEEN).from(DAILY_DIGESTS)
                .where(DAILY_DIGESTS.USER_ID.eq(userId)).and(DAILY_DIGESTS.DAY.lt(day))
                .orderBy(DAILY_DIGESTS.DAY.desc()).limit(1)
                .fetchOptional(r -> new Previous(r.value1(), r.value2()));
    }

    List<Long> agenciesOf(DSLContext tx, long userId) {
        return tx.select(OFFICER_AGENCIES.AGENCY_ID).from(OFFICER_AGENCIES).where(OFFICER_AGENCIES.USER_ID.eq(userId))
                .orderBy(OFFICER_AGENCIES.AGENCY_ID).fetch(OFFICER_AGENCIES.AGENCY_ID);
    }

    boolean wants(DSLContext tx, long userId) {
        return Boolean.TRUE.equals(tx.select(USERS.DAILY_DIGEST).from(USERS).where(USERS.ID.eq(userId)).fetchOne(USERS.DAILY_DIGEST));
    }

    void setWants(DSLContext tx, long userId, boolean wants) {
        tx.update(USERS).set(USERS.DAILY_DIGEST, wants).where(USERS.ID.eq(userId)).execute();
    }

    /** The agency's open requests whose next date falls from today through {@code until}. */
    Section dueSoon(DSLContext tx, long agencyId, LocalDate today, LocalDate until, int limit) {
        Condition c = ofAgency(agencyId).and(REQUESTS.NEXT_DUE.between(today, until));
        return section(tx, c, REQUESTS.NEXT_DUE, List.of(REQUESTS.NEXT_DUE.asc(), REQUESTS.NUMBER.asc()), limit);
    }

    /** The agency's requests past a date, longest overdue first. */
    Section overdue(DSLContext tx, long agencyId, int limit) {
        Condition c = ofAgency(agencyId).and(REQUESTS.STATUS.in(QueueRepository.LATE));
        return section(tx, c, REQUESTS.LIVE_MISS_DUE, List.of(REQUESTS.LIVE_MISS_DUE.asc().nullsLast(), REQUESTS.NUMBER.asc()), limit);
    }

    /** The agency's requests with an e-mailed reply waiting for a person (its step, or its text's review). */
    Section repliesToConfirm(DSLContext tx, long agencyId, int limit) {
        Condition c = ofAgency(agencyId).and(exists(selectOne().from(INBOUND_MESSAGES).where(INBOUND_MESSAGES.REQUEST_ID.eq(REQUESTS.ID))
                .and(INBOUND_MESSAGES.STATUS.eq(InboundStatus.MATCHED).or(INBOUND_MESSAGES.REVIEW.eq("PENDING")))));
        return section(tx, c, REQUESTS.NEXT_DUE, List.of(REQUESTS.NEXT_DUE.asc().nullsLast(), REQUESTS.NUMBER.asc()), limit);
    }

    /** The agency's open requests given to this officer since {@code since}. */
    Section newlyAssigned(DSLContext tx, long agencyId, long userId, OffsetDateTime since, int limit) {
        Condition c = ofAgency(agencyId).and(REQUESTS.ASSIGNED_TO.eq(userId)).and(REQUESTS.ASSIGNED_AT.gt(since));
        return section(tx, c, REQUESTS.NEXT_DUE, List.of(REQUESTS.NEXT_DUE.asc().nullsLast(), REQUESTS.NUMBER.asc()), limit);
    }

    /**
     * A requester's requests on which someone else (the agency, the watcher, an e-mail) added an
     * entry after the previous digest's mark (the first digest: one that happened in the last
     * day), with the latest such entry's type.
     */
    Section news(DSLContext tx, long userId, Optional<Previous> previous, OffsetDateTime dayAgo, int limit) {
        Condition c = REQUESTS.REQUESTER_ID.eq(userId).and(REQUESTS.SUBMITTED_AT.isNotNull());
        Condition after = previous.map(p -> REQUEST_EVENTS.ID.gt(p.eventsSeen())).orElse(REQUEST_EVENTS.OCCURRED_AT.gt(dayAgo));
        Condition news = REQUEST_EVENTS.REQUEST_ID.eq(REQUESTS.ID).and(after)
                .and(REQUEST_EVENTS.ACTOR_ID.isNull().or(REQUEST_EVENTS.ACTOR_ID.ne(userId)));
        Condition any = c.and(exists(selectOne().from(REQUEST_EVENTS).where(news)));
        var latest = org.jooq.impl.DSL.field(tx.select(REQUEST_EVENTS.TYPE).from(REQUEST_EVENTS).where(news)
                .orderBy(REQUEST_EVENTS.SEQ.desc()).limit(1));
        List<Line> lines = tx.select(REQUESTS.NUMBER, REQUESTS.TITLE, latest).from(REQUESTS).where(any)
                .orderBy(REQUESTS.NUMBER).limit(limit)
                .fetch(r -> new Line(r.value1(), r.value2(), null, r.value3()));
        return new Section(lines, lines.size() < limit ? lines.size() : tx.fetchCount(REQUESTS, any));
    }

    private static Section section(DSLContext tx, Condition c, Field<LocalDate> date, List<SortField<?>> order, int limit) {
        List<Line> lines = tx.select(REQUESTS.NUMBER, REQUESTS.TITLE, date).from(REQUESTS).where(c).orderBy(order).limit(limit)
                .fetch(r -> new Line(r.value1(), r.value2(), r.value3(), null));
        // Counted only when the list is full: a quiet day costs one query per section.
        return new Section(lines, lines.size() < limit ? lines.size() : tx.fetchCount(REQUESTS, c));
    }

    /** Open, live (not history imported from a FOIL log: nobody is reminded of those, as NoticePlan says). */
    private static Condition open() {
        return REQUESTS.SUBMITTED_AT.isNotNull().and(REQUESTS.STATUS.notIn(Standing.CLOSED_STATUSES)).and(REQUESTS.IMPORTED_SOURCE.isNull());
    }

    private static Condition ofAgency(long agencyId) {
        return REQUESTS.AGENCY_ID.eq(agencyId).and(open());
    }
}
