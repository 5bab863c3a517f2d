package nyc.daylight.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.deadlines.Standing;
import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link CrossCheck} of a pair both of whose pages the viewer may already see (the
 * request reader decided that). Whoever looks, the requester included, sees only published
 * records: the cross-check is the public comparison, and a record in review is nobody's to cite yet.
 */
final class CrossCheckReader {
    private final DSLContext dsl;
    private final Clock clock;
    private final RequestRepository requests = new RequestRepository();
    private final SiblingRepository ledgers = new SiblingRepository();
    private final CrossCheckRepository records = new CrossCheckRepository();
    private final JsonMapper json = JsonMapper.builder().build();

    CrossCheckReader(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The cross-check of a request and its pair, city side first whichever page asks. */
    CrossCheck of(RequestView one, RequestView other) {
        RequestView city = one.agency().regime() == Regime.NY_FOIL ? one : other;
        RequestView federal = city == one ? other : one;
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            long cityId = requests.byNumber(t, city.number()).orElseThrow().id();
            long federalId = requests.byNumber(t, federal.number()).orElseThrow().id();
            Map<Long, List<SiblingRepository.Entry>> byId = ledgers.ledgers(t, List.of(cityId, federalId));
            Map<String, List<CrossCheckRepository.Published>> published = records.published(t, List.of(city.number(), federal.number()), today);
            List<Long> documentIds = published.values().stream().flatMap(List::stream).map(CrossCheckRepository.Published::id).toList();
            Map<Long, Set<String>> redactions = records.redactionExemptions(t, documentIds);
            return CrossCheck.of(side(city, byId.getOrDefault(cityId, List.of()), published.getOrDefault(city.number(), List.of()), redactions),
                    side(federal, byId.getOrDefault(federalId, List.of()), published.getOrDefault(federal.number(), List.of()), redactions));
        });
    }

    private CrossCheck.Side side(RequestView v, List<SiblingRepository.Entry> ledger, List<CrossCheckRepository.Published> published,
                                 Map<Long, Set<String>> redactions) {
        EventType last = null;
        Set<String> exemptions = new LinkedHashSet<>();
        for (SiblingRepository.Entry e : ledger) {
            EventType type = e.event().type();
            if (EventType.DETERMINATIONS.contains(type) || EventType.APPEAL_DECISIONS.contains(type)) last = type;
            if (type == EventType.DENIED || type == EventType.PARTIALLY_GRANTED || EventType.FINAL_DENIALS.contains(type)) {
                JsonNode list = json.readTree(e.data()).get("exemptions");
                if (list != null) list.forEach(n -> exemptions.add(n.asString()));
            }
        }
        List<CrossCheck.Released> released = new ArrayList<>();
        for (CrossCheckRepository.Published p : published) {
            released.add(new CrossCheck.Released(p.id(), p.title(), p.pages()));
            exemptions.addAll(redactions.getOrDefault(p.id(), Set.of()));
        }
        String shortName = v.agency().shortName() == null || v.agency().shortName().isBlank() ? v.agency().name() : v.agency().shortName();
        return new CrossCheck.Side(v.number(), v.agency().name(), shortName,
                CrossCheck.answer(last, Standing.valueOf(v.standing()), !released.isEmpty()), List.copyOf(released), List.copyOf(exemptions));
    }
}
