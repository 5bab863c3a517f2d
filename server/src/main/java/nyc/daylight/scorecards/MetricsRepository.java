package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.ATTACHMENTS;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;

import java.util.List;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.sql.jooq.tables.records.RequestMetricsRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** What request_metrics is computed from, and the row itself; jOOQ only, in the transaction it is handed. */
final class MetricsRepository {

    /** The request's facts a scorecard filters on. */
    record Facts(String topic, boolean imported) {}

    /** The data (JSON objects) of the request's denials and partial grants, which name the exemptions cited. */
    List<String> withholdingEventData(DSLContext tx, long requestId) {
        return tx.select(REQUEST_EVENTS.DATA).from(REQUEST_EVENTS)
                .where(REQUEST_EVENTS.REQUEST_ID.eq(requestId))
                .and(REQUEST_EVENTS.TYPE.in(EventType.PARTIALLY_GRANTED.name(), EventType.DENIED.name()))
                .fetch(REQUEST_EVENTS.DATA).stream().map(JSONB::data).toList();
    }

    /** How many files the agency released in answer to the request. */
    int filesReleased(DSLContext tx, long requestId) {
        return tx.fetchCount(ATTACHMENTS, ATTACHMENTS.REQUEST_ID.eq(requestId).and(ATTACHMENTS.SOURCE.eq("AGENCY_RELEASE")));
    }

    Facts facts(DSLContext tx, long requestId) {
        return tx.select(REQUESTS.TOPIC, REQUESTS.IMPORTED_SOURCE).from(REQUESTS).where(REQUESTS.ID.eq(requestId))
                .fetchSingle(r -> new Facts(r.value1(), r.value2() != null));
    }

    /** Writes the request's row, replacing the one there was. */
    void upsert(DSLContext tx, long requestId, long agencyId, String regime, Facts facts, RequestMetrics m) {
        RequestMetricsRecord row = tx.newRecord(REQUEST_METRICS);
        row.setRequestId(requestId);
        row.setAgencyId(agencyId);
        row.setRegime(regime);
        row.setTopic(facts.topic());
        row.setImported(facts.imported());
        row.setReceivedOn(m.receivedOn());
        row.setResponseDue(m.responseDue());
        row.setRespondedOn(m.respondedOn());
        row.setResponseMet(m.responseMet());
        row.setBusinessDaysToResponse(m.businessDaysToResponse());
        row.setDeterminedOn(m.determinedOn());
        row.setBusinessDaysToDetermination(m.businessDaysToDetermination());
        row.setDeterminationOnTime(m.determinationOnTime());
        row.setOutcome(m.outcome());
        row.setOverdueSince(m.overdueSince());
        row.setMissedDue(m.missedDue());
        row.setConstructiveDenial(m.constructiveDenial());
        row.setExtensions(m.extensions());
        row.setExtensionBusinessDays(m.extensionBusinessDays());
        row.setExemptions(m.exemptions().toArray(String[]::new));
        row.setAppealFiled(m.appealFiled());
        row.setAppealDecidedOnTime(m.appealDecidedOnTime());
        row.setAppealReversed(m.appealReversed());
        row.setFilesReleased(m.filesReleased());
        row.setPromisedBusinessDays(m.promisedBusinessDays().toArray(Integer[]::new));
        tx.insertInto(REQUEST_METRICS).set(row)
                .onConflict(REQUEST_METRICS.REQUEST_ID).doUpdate().set(row)
                .execute();
    }
}
