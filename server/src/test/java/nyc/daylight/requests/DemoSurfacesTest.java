package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.DeadlineReport;
import nyc.daylight.deadlines.Owed;
import nyc.daylight.deadlines.Party;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What serve --demo shows (a few hundred generated ledgers): every live miss offers the requester
 * an open appeal (NY) or the courts (federal); every overdue-list entry names a live miss the page
 * and the API agree on; the stored queue date is always the agency's own.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSurfacesTest {
    private static final JsonMapper json = JsonMapper.builder().build();
    private Portal portal;
    private TestDatabase db;
    private AgencyService agencies;
    private RequestLedger ledger;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-06-15T14:00:00Z"));
        agencies = new AgencyService(db.dsl());
        ledger = new RequestLedger(agencies, portal.clock);
        new DemoData(db.dsl(), agencies, ledger, portal.clock).fill(250);
        portal.watcher.runOnce();
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    @Test
    void every_overdue_entry_names_the_live_miss_the_page_and_the_api_show() throws Exception {
        JsonNode items = json.readTree(new WebClient(portal.app).get("/api/v1/requests?status=overdue").body()).get("items");
        assertThat(items.size()).as("the demo has overdue requests").isGreaterThan(5);
        int checked = 0;
        for (JsonNode item : items) {
            if (checked++ >= 25) break; // a sample over HTTP; the stored projection is checked for all below
            String number = item.get("id").asString();
            JsonNode request = json.readTree(new WebClient(portal.app).get("/api/v1/requests/" + number).body());
            JsonNode live = request.get("owed").get("liveMiss");
            assertThat(live.isNull()).as(number + " has a live miss").isFalse();
            assertThat(live.get("due").asString()).isEqualTo(item.get("deadline").asString());
            assertThat(live.get("businessDaysOverdue").asInt()).isEqualTo(item.get("businessDaysOverdue").asInt());
            assertThat(request.get("status").asString()).isIn("CONSTRUCTIVELY_DENIED", "OVERDUE");
            String page = new WebClient(portal.app).get("/requests/" + number).body();
            assertThat(page).contains("data-testid=\"live-miss\"",
                    item.get("businessDaysOverdue").asInt() + " business day");
        }
    }

    @Test
    void every_live_miss_offers_the_requester_somewhere_to_go_and_the_queue_date_is_the_agencys() {
        Map<Long, Agency> byId = agencies.byId();
        LocalDate today = LocalDate.now(portal.clock.withZone(BusinessCalendar.NEW_YORK));
        int live = 0;
        for (var r : db.dsl().selectFrom(REQUESTS).where(REQUESTS.SUBMITTED_AT.isNotNull()).fetch()) {
            Agency agency = byId.get(r.getAgencyId());
            DeadlineReport report = ledger.report(db.dsl(), r.getId(), agency);
            Owed owed = report.owed();
            // The stored projection every list reads is the engine's one answer.
            assertThat(r.getNextDue()).as(r.getNumber() + " queue date").isEqualTo(owed.agencyDue());
            assertThat(r.getRequesterDue()).isEqualTo(owed.requesterDue());
            assertThat(r.getLiveMissDue()).isEqualTo(owed.missedDue());
            if (owed.agencyNext() != null) assertThat(owed.agencyNext().owedBy()).isNotEqualTo(Party.REQUESTER);
            if (owed.liveMiss() == null) continue;
            live++;
            boolean appealed = report.find(nyc.daylight.deadlines.Deadline.Kind.APPEAL_DECISION).isPresent();
            if (agency.regime() == Regime.NY_FOIL && !appealed) {
                assertThat(report.nextSteps()).as(r.getNumber() + " offers an open appeal")
                        .anyMatch(s -> s.party() == Party.REQUESTER && s.by() != null && !s.by().isBefore(today));
            }
        }
        assertThat(live).isPositive();
    }
}
