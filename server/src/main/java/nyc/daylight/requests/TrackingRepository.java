package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Records;

/** Requests filed elsewhere: their channel, the agency's number, and city/federal pairs; jOOQ only. */
final class TrackingRepository {

    /** How a listed request was filed, for the lists' channel mark. */
    record Label(String number, String channel, String agencyNumber) {}

    void setTracking(DSLContext tx, long requestId, Channel channel, String agencyNumber) {
        tx.update(REQUESTS).set(REQUESTS.CHANNEL, channel.name()).set(REQUESTS.EXTERNAL_NUMBER, agencyNumber)
                .where(REQUESTS.ID.eq(requestId)).execute();
    }

    /** The request's channel mark and the agency's own number, for those of {@code numbers} that have either. */
    Map<String, Label> labels(DSLContext dsl, Collection<String> numbers) {
        if (numbers.isEmpty()) return Map.of();
        return dsl.select(REQUESTS.NUMBER, REQUESTS.CHANNEL, REQUESTS.EXTERNAL_NUMBER).from(REQUESTS)
                .where(REQUESTS.NUMBER.in(numbers)).and(REQUESTS.CHANNEL.isNotNull().or(REQUESTS.EXTERNAL_NUMBER.isNotNull()))
                .fetch(Records.mapping(Label::new)).stream().collect(Collectors.toMap(Label::number, l -> l));
    }

    /** The number of the request this requester already tracks at this agency under that agency number. */
    Optional<String> sameAgencyNumber(DSLContext dsl, long requesterId, long agencyId, String agencyNumber) {
        return dsl.select(REQUESTS.NUMBER).from(REQUESTS).where(REQUESTS.REQUESTER_ID.eq(requesterId))
                .and(REQUESTS.AGENCY_ID.eq(agencyId)).and(REQUESTS.EXTERNAL_NUMBER.equalIgnoreCase(agencyNumber))
                .fetchOptional(REQUESTS.NUMBER);
    }

    /** Pairs two requests both ways, in the caller's transaction. */
    void pair(DSLContext tx, long a, long b) {
        tx.update(REQUESTS).set(REQUESTS.PAIRED_REQUEST_ID, b).where(REQUESTS.ID.eq(a)).execute();
        tx.update(REQUESTS).set(REQUESTS.PAIRED_REQUEST_ID, a).where(REQUESTS.ID.eq(b)).execute();
    }

    /** The number of the request paired with this one. */
    Optional<String> pairedNumber(DSLContext dsl, String number) {
        var other = REQUESTS.as("other");
        return dsl.select(other.NUMBER).from(REQUESTS).join(other).on(other.ID.eq(REQUESTS.PAIRED_REQUEST_ID))
                .where(REQUESTS.NUMBER.eq(number)).fetchOptional(other.NUMBER);
    }

    /**
     * Pairs two requests both ways only while neither is paired. False when either already was: the
     * first row may have changed by then, so the caller rolls its transaction back.
     */
    boolean pairIfFree(DSLContext tx, long a, long b) {
        // Both rows locked first, in id order: A→B and B→A asked at once would otherwise each hold
        // one row and wait for the other, and PostgreSQL would end one with a deadlock (a 500).
        tx.select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.ID.in(a, b)).orderBy(REQUESTS.ID).forUpdate().fetch();
        int first = tx.update(REQUESTS).set(REQUESTS.PAIRED_REQUEST_ID, b).where(REQUESTS.ID.eq(a)).and(REQUESTS.PAIRED_REQUEST_ID.isNull()).execute();
        if (first == 0) return false;
        return tx.update(REQUESTS).set(REQUESTS.PAIRED_REQUEST_ID, a).where(REQUESTS.ID.eq(b)).and(REQUESTS.PAIRED_REQUEST_ID.isNull()).execute() == 1;
    }

    /** Undoes the pair of {@code a} and {@code b} both ways; false when they were not paired with each other. */
    boolean unpair(DSLContext tx, long a, long b) {
        int n = tx.update(REQUESTS).setNull(REQUESTS.PAIRED_REQUEST_ID)
                .where(REQUESTS.ID.eq(a).and(REQUESTS.PAIRED_REQUEST_ID.eq(b)).or(REQUESTS.ID.eq(b).and(REQUESTS.PAIRED_REQUEST_ID.eq(a))))
                .execute();
        return n == 2;
    }

    /** A requester's request that could be paired: its number, title and agency. */
    record Candidate(String number, String title, long agencyId) {}

    /** The requester's own unpaired requests at any of these agencies (the other side's), newest first; one page of choices at most. */
    java.util.List<Candidate> unpairedOf(DSLContext dsl, long requesterId, Collection<Long> agencyIds) {
        if (agencyIds.isEmpty()) return java.util.List.of();
        return dsl.select(REQUESTS.NUMBER, REQUESTS.TITLE, REQUESTS.AGENCY_ID).from(REQUESTS)
                .where(REQUESTS.REQUESTER_ID.eq(requesterId)).and(REQUESTS.PAIRED_REQUEST_ID.isNull())
                .and(REQUESTS.SUBMITTED_AT.isNotNull()) // a draft is not a request yet
                .and(REQUESTS.AGENCY_ID.in(agencyIds))
                .orderBy(REQUESTS.ID.desc()).limit(200)
                .fetch(Records.mapping(Candidate::new));
    }

    /** Whether the request is already paired. */
    boolean paired(DSLContext dsl, long requestId) {
        return dsl.fetchExists(REQUESTS, REQUESTS.ID.eq(requestId).and(REQUESTS.PAIRED_REQUEST_ID.isNotNull()));
    }
}
