package nyc.daylight.scorecards;

import java.util.ArrayList;
import java.util.List;
import nyc.daylight.agencies.Agency;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.LedgerEvent;
import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps request_metrics in step with a request's ledger; called in the same transaction as each event. */
public final class MetricsWriter {
    private final JsonMapper json = JsonMapper.builder().build();
    private final MetricsRepository repo = new MetricsRepository();

    /** @param tx the transaction that appends the event: the metrics commit with it or not at all */
    public void write(DSLContext tx, long requestId, Agency agency, DeadlineReport report, List<LedgerEvent> events,
                      BusinessCalendar calendar) {
        List<String> exemptions = new ArrayList<>();
        for (String data : repo.withholdingEventData(tx, requestId)) {
            JsonNode list = json.readTree(data).get("exemptions");
            if (list != null) list.forEach(n -> exemptions.add(n.asString()));
        }
        int files = repo.filesReleased(tx, requestId);
        MetricsRepository.Facts facts = repo.facts(tx, requestId);
        RequestMetrics m = RequestMetrics.of(agency.regime(), report, events, calendar, exemptions, files);
        repo.upsert(tx, requestId, agency.id(), agency.regime().name(), facts, m);
    }
}
