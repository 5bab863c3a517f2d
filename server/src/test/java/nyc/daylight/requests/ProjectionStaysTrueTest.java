package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.deadlines.EventType;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lists trust the stored projection, so it must always be what the engine says of the ledger: 12
 * requests at a New York and a federal agency take every kind of event (a seeded random script),
 * while the clock moves a day at a time for two months and the watcher's refresh of stale
 * projections runs. After every event, and every day, each stored projection still claimed valid
 * equals the ledger's evaluation; after the refresh, every one is valid and equal.
 */
@ExtendWith(PostgresExtension.class)
class ProjectionStaysTrueTest {
    private static final EnumSet<EventType> SCRIPTED = EnumSet.of(EventType.ACKNOWLEDGED, EventType.EXTENDED,
            EventType.CLARIFICATION_REQUESTED, EventType.CLARIFICATION_ANSWERED, EventType.RECORDS_RELEASED, EventType.GRANTED,
            EventType.PARTIALLY_GRANTED, EventType.DENIED, EventType.NO_RECORDS, EventType.APPEALED, EventType.APPEAL_GRANTED,
            EventType.APPEAL_PARTLY_GRANTED, EventType.APPEAL_DENIED, EventType.WITHDRAWN, EventType.CORRESPONDENCE,
            EventType.REQUEST_UNDELIVERED, EventType.REQUEST_RESENT);

    @Test
    void the_stored_projection_equals_the_ledger_after_every_event_and_every_day(TestDatabase db) {
        DSLContext dsl = db.dsl();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
        AgencyService agencies = new AgencyService(dsl);
        RequestLedger ledger = new RequestLedger(agencies, clock);
        long requester = People.requester(dsl, "projection@example.org", "P");
        List<Long> ids = new ArrayList<>();
        List<Agency> agencyOf = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Agency a = agencies.find(i % 3 == 2 ? "ice" : i % 3 == 1 ? "nypd" : "doc").orElseThrow();
            long id = dsl.insertInto(REQUESTS).set(REQUESTS.NUMBER, String.format("DL-2026-%06d", 500 + i))
                    .set(REQUESTS.AGENCY_ID, a.id()).set(REQUESTS.REQUESTER_ID, requester).set(REQUESTS.TITLE, "Projection " + i)
                    .set(REQUESTS.DESCRIPTION, "Records.").set(REQUESTS.SUBMITTED_AT, now(clock))
                    .returning(REQUESTS.ID).fetchOne(REQUESTS.ID);
            ledger.append(dsl, id, EventType.SUBMITTED, now(clock), null, null, null, null, null);
            ledger.refresh(dsl, id, a);
            ids.add(id);
            agencyOf.add(a);
        }
        assertThat(agencyOf.stream().map(Agency::regime).distinct()).as("both regimes").hasSize(2);
        checkTrusted(dsl, ledger, ids, agencyOf, clock, true);

        Random random = new Random(22);
        EventType[] kinds = SCRIPTED.toArray(new EventType[0]);
        EnumSet<EventType> seen = EnumSet.noneOf(EventType.class);
        int mostLate = 0;
        for (int day = 0; day < 60; day++) {
            clock.advance(Duration.ofDays(1));
            checkTrusted(dsl, ledger, ids, agencyOf, clock, false);
            ledger.refreshStale(dsl);
            checkTrusted(dsl, ledger, ids, agencyOf, clock, true);
            mostLate = Math.max(mostLate, dsl.fetchCount(REQUESTS, REQUESTS.STATUS.in("OVERDUE", "CONSTRUCTIVELY_DENIED")));
            for (int n = 0; n < 2; n++) {
                int i = random.nextInt(ids.size());
                EventType type = kinds[(day * 2 + n) % kinds.length];
                LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
                LocalDate date = type == EventType.ACKNOWLEDGED || type == EventType.EXTENDED ? today.plusDays(5 + random.nextInt(40)) : null;
                String reason = type == EventType.EXTENDED || EventType.ADVERSE.contains(type) ? "A reason." : null;
                dsl.transaction(t -> {
                    ledger.append(t.dsl(), ids.get(i), type, now(clock), null, date, reason, null, null);
                    ledger.refresh(t.dsl(), ids.get(i), agencyOf.get(i));
                });
                seen.add(type);
                checkTrusted(dsl, ledger, List.of(ids.get(i)), List.of(agencyOf.get(i)), clock, true);
            }
        }
        assertThat(seen).as("every kind of event was applied").isEqualTo(SCRIPTED);
        assertThat(mostLate).as("time alone made some late on some day").isPositive();
    }

    /**
     * Every projection still claimed valid equals the ledger's evaluation now; with {@code allValid},
     * every one must also still be valid (just written, or just refreshed).
     */
    private static void checkTrusted(DSLContext dsl, RequestLedger ledger, List<Long> ids, List<Agency> agencyOf,
                                     MutableClock clock, boolean allValid) {
        for (int i = 0; i < ids.size(); i++) {
            var row = dsl.selectFrom(REQUESTS).where(REQUESTS.ID.eq(ids.get(i))).fetchSingle();
            RequestProjection stored = RequestRepository.projectionOf(row);
            RequestProjection truth = RequestProjection.of(ledger.report(dsl, ids.get(i), agencyOf.get(i)));
            if (allValid) assertThat(stored.validAt(clock.instant())).as("request %d valid at %s", i, clock.instant()).isTrue();
            if (stored.validAt(clock.instant())) {
                assertThat(stored.sameAs(truth)).as("request %d at %s: stored %s, ledger %s", i, clock.instant(), stored, truth)
                        .isTrue();
            }
        }
    }

    private static OffsetDateTime now(MutableClock clock) {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
