package nyc.daylight.db;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * V31's triggers move an agency's requests generation for every change a count reads, once per
 * transaction however many rows it writes, and not for what no count reads (a projection's
 * validity, a title); a request moved to another agency moves both; a rolled-back write moves
 * nothing.
 */
@ExtendWith(PostgresExtension.class)
class RequestGenerationsTest {
    private final RequestGenerations generations = new RequestGenerations();

    @Test
    void each_change_a_count_reads_moves_its_agencies_generation_once_per_transaction(TestDatabase db) {
        DSLContext dsl = db.dsl();
        long doc = dsl.fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq("doc"));
        long acs = dsl.fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq("acs"));
        long requester = People.requester(dsl, "gen@example.org", "G");
        long before = generations.of(dsl, doc);

        dsl.transaction(t -> {
            for (int i = 0; i < 20; i++) {
                t.dsl().insertInto(REQUESTS).set(REQUESTS.NUMBER, String.format("DL-2026-%06d", 900 + i)).set(REQUESTS.AGENCY_ID, doc)
                        .set(REQUESTS.REQUESTER_ID, requester).set(REQUESTS.TITLE, "Gen " + i).set(REQUESTS.DESCRIPTION, "Records.")
                        .set(REQUESTS.STATUS, "ON_TIME").set(REQUESTS.SUBMITTED_AT, OffsetDateTime.parse("2026-03-02T15:00:00Z")).execute();
            }
        });
        assertThat(generations.of(dsl, doc)).as("twenty inserts, one transaction").isEqualTo(before + 1);

        dsl.update(REQUESTS).set(REQUESTS.PROJECTION_VALID_UNTIL, OffsetDateTime.parse("2030-01-01T00:00:00Z"))
                .set(REQUESTS.TITLE, "Renamed").where(REQUESTS.AGENCY_ID.eq(doc)).execute();
        assertThat(generations.of(dsl, doc)).as("validity and title: no count reads them").isEqualTo(before + 1);

        var one = REQUESTS.NUMBER.eq("DL-2026-000900");
        long g = generations.of(dsl, doc);
        for (var change : java.util.List.<java.util.function.Consumer<DSLContext>>of(
                d -> d.update(REQUESTS).set(REQUESTS.STATUS, "OVERDUE").where(one).execute(),
                d -> d.update(REQUESTS).set(REQUESTS.NEXT_DUE, LocalDate.parse("2026-03-09")).where(one).execute(),
                d -> d.update(REQUESTS).set(REQUESTS.LIVE_MISS_DUE, LocalDate.parse("2026-03-09")).where(one).execute(),
                d -> d.update(REQUESTS).set(REQUESTS.ASSIGNED_TO, requester).where(one).execute(),
                d -> d.update(REQUESTS).set(REQUESTS.HIDDEN_AT, OffsetDateTime.parse("2026-03-10T15:00:00Z")).where(one).execute(),
                d -> d.update(REQUESTS).set(REQUESTS.EMBARGO_UNTIL, LocalDate.parse("2026-06-01")).where(one).execute(),
                d -> d.update(REQUESTS).set(REQUESTS.TOPIC, "ICE").where(one).execute(),
                d -> d.update(REQUESTS).set(REQUESTS.IMPORTED_SOURCE, "A log").where(one).execute())) {
            change.accept(dsl);
            assertThat(generations.of(dsl, doc)).isEqualTo(++g);
        }

        long acsBefore = generations.of(dsl, acs);
        dsl.update(REQUESTS).set(REQUESTS.AGENCY_ID, acs).where(one).execute();
        assertThat(generations.of(dsl, doc)).as("moved away").isEqualTo(++g);
        assertThat(generations.of(dsl, acs)).as("moved in").isEqualTo(acsBefore + 1);
        assertThat(generations.all(dsl)).containsEntry(doc, g).containsEntry(acs, acsBefore + 1);

        try {
            dsl.transaction(t -> {
                t.dsl().update(REQUESTS).set(REQUESTS.STATUS, "GRANTED").where(REQUESTS.AGENCY_ID.eq(doc)).execute();
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException e) {
            // expected
        }
        assertThat(generations.of(dsl, doc)).as("a rolled-back write").isEqualTo(g);

        dsl.deleteFrom(REQUESTS).where(REQUESTS.NUMBER.eq("DL-2026-000901")).execute();
        assertThat(generations.of(dsl, doc)).as("deleted").isEqualTo(g + 1);
    }
}
