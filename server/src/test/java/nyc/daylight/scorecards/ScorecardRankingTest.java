package nyc.daylight.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.requests.DemoData;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ranking computes every card in one grouped pass per aggregate; a card alone is computed on its own. They must agree. */
@ExtendWith(PostgresExtension.class)
class ScorecardRankingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T16:00:00Z"), ZoneOffset.UTC);

    @Test
    void a_ranking_counts_each_agency_as_its_own_card_does_and_the_city_card_adds_them_up(TestDatabase db) {
        AgencyService filler = new AgencyService(db.dsl());
        new DemoData(db.dsl(), filler, new RequestLedger(filler, CLOCK), CLOCK).fill(300);
        // An agency nobody has asked yet is ranked too (with zeros), whatever the demo data's draw.
        db.dsl().insertInto(nyc.daylight.sql.jooq.Tables.AGENCIES).set(nyc.daylight.sql.jooq.Tables.AGENCIES.SLUG, "unasked")
                .set(nyc.daylight.sql.jooq.Tables.AGENCIES.NAME, "An agency nobody asked").set(nyc.daylight.sql.jooq.Tables.AGENCIES.REGIME, "NY_FOIL")
                .set(nyc.daylight.sql.jooq.Tables.AGENCIES.CALENDAR, "NEW_YORK").execute();
        AgencyService agencies = new AgencyService(db.dsl());
        Period year = Period.parse("year", null, null, null, LocalDate.of(2026, 6, 15));
        // The ranking is computed in grouped passes, each card alone in its own; fresh services so neither reads the other's cache.
        List<Scorecard> ranking = new ScorecardService(db.dsl(), agencies, CLOCK, () -> false).ranking(year, ScorecardService.Filters.NONE);
        assertThat(ranking).hasSize(agencies.all().size());
        for (Scorecard ranked : ranking) {
            Scorecard alone = new ScorecardService(db.dsl(), agencies, CLOCK, () -> false).card(ranked.slug(), year, ScorecardService.Filters.NONE).orElseThrow();
            assertThat(ranked).as(ranked.slug()).usingRecursiveComparison().isEqualTo(alone);
        }
        Scorecard city = new ScorecardService(db.dsl(), agencies, CLOCK, () -> false).card(ScorecardService.CITY, year, ScorecardService.Filters.NONE).orElseThrow();
        List<Scorecard> ny = ranking.stream().filter(c -> c.regime().equals("NY_FOIL")).toList();
        assertThat(city.received()).isPositive().isEqualTo(ny.stream().mapToInt(Scorecard::received).sum());
        assertThat(city.overdueNow()).isEqualTo(ny.stream().mapToInt(Scorecard::overdueNow).sum());
        assertThat(city.businessDaysOverdue()).isEqualTo(ny.stream().mapToInt(Scorecard::businessDaysOverdue).sum());
        assertThat(city.outcomes().get("GRANTED")).isEqualTo(ny.stream().mapToInt(c -> c.outcomes().get("GRANTED")).sum());
        assertThat(city.daysToDetermination().stream().mapToInt(Scorecard.Bucket::count).sum())
                .isEqualTo(ny.stream().flatMap(c -> c.daysToDetermination().stream()).mapToInt(Scorecard.Bucket::count).sum());
        assertThat(ranking).anySatisfy(c -> assertThat(c.received()).isZero());
    }
}
