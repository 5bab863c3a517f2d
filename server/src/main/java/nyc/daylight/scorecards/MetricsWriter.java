package nyc.daylight.scorecards;

import static nyc.daylight.sql.jooq.Tables.ATTACHMENTS;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_METRICS;

import java.util.ArrayList;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.LedgerEvent;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps request_metrics in step with a request's ledger; called in the same transaction as each event. */
public final class MetricsWriter {
    private final JsonMapper json = JsonMapper.builder().build();

    public void write(DSLContext tx, long requestId, Agency agency, DeadlineReport report, List<LedgerEvent> events,
                      BusinessCalendar calendar) {
        List<String> exemptions = new ArrayList<>();
        for (JSONB data : tx.select(REQUEST_EVENTS.DATA).from(REQUEST_EVENTS)
                .where(REQUEST_EVENTS.REQUEST_ID.eq(requestId))
                .and(REQUEST_EVENTS.TYPE.in(EventType.PARTIALLY_GRANTED.name(), EventType.DENIED.name()))
                .fetch(REQUEST_EVENTS.DATA)) {
            JsonNode list = json.readTree(data.data()).get("exemptions");
            if (list != null) list.forEach(n -> exemptions.add(n.asString()));
        }
        int files = tx.fetchCount(ATTACHMENTS, ATTACHMENTS.REQUEST_ID.eq(requestId).and(ATTACHMENTS.SOURCE.eq("AGENCY_RELEASE")));
        var request = tx.select(REQUESTS.TOPIC, REQUESTS.IMPORTED_SOURCE).from(REQUESTS).where(REQUESTS.ID.eq(requestId)).fetchSingle();
        RequestMetrics m = RequestMetrics.of(agency.regime(), report, events, calendar, exemptions, files);
        var row = tx.newRecord(REQUEST_METRICS);
        row.setRequestId(requestId);
        row.setAgencyId(agency.id());
        row.setRegime(agency.regime().name());
        row.setTopic(request.value1());
        row.setImported(request.value2() != null);
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
        tx.insertInto(REQUEST_METRICS).set(row)
                .onConflict(REQUEST_METRICS.REQUEST_ID).doUpdate().set(row)
                .execute();
    }
}
