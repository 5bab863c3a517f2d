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

    /**
     * The generation's row is locked only at commit: two writers of one agency's requests that wait
     * for each other's request rows do not deadlock over it. T1 writes r1, T2 writes r2, T1 then
     * waits for r2; an immediate bump would have T1 holding the generation's row while T2 waits for
     * it holding r2. Here T2 commits, T1 follows, and the generation moves twice.
     */
    @Test
    void two_writers_of_one_agency_waiting_for_each_others_rows_do_not_deadlock(TestDatabase db) throws Exception {
        DSLContext dsl = db.dsl();
        long doi = dsl.fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq("doi"));
        long requester = People.requester(dsl, "locks@example.org", "L");
        for (int i = 0; i < 2; i++) {
            dsl.insertInto(REQUESTS).set(REQUESTS.NUMBER, String.format("DL-2026-%06d", 950 + i)).set(REQUESTS.AGENCY_ID, doi)
                    .set(REQUESTS.REQUESTER_ID, requester).set(REQUESTS.TITLE, "Lock " + i).set(REQUESTS.DESCRIPTION, "Records.")
                    .set(REQUESTS.STATUS, "ON_TIME").set(REQUESTS.SUBMITTED_AT, OffsetDateTime.parse("2026-03-02T15:00:00Z")).execute();
        }
        long before = generations.of(dsl, doi);
        var r1 = REQUESTS.NUMBER.eq("DL-2026-000950");
        var r2 = REQUESTS.NUMBER.eq("DL-2026-000951");
        try (java.sql.Connection c1 = db.dataSource().getConnection(); java.sql.Connection c2 = db.dataSource().getConnection()) {
            c1.setAutoCommit(false);
            c2.setAutoCommit(false);
            DSLContext t1 = org.jooq.impl.DSL.using(c1, org.jooq.SQLDialect.POSTGRES);
            DSLContext t2 = org.jooq.impl.DSL.using(c2, org.jooq.SQLDialect.POSTGRES);
            t1.update(REQUESTS).set(REQUESTS.STATUS, "OVERDUE").where(r1).execute();
            t2.update(REQUESTS).set(REQUESTS.STATUS, "OVERDUE").where(r2).execute();
            var waiting = java.util.concurrent.CompletableFuture.runAsync(() -> {
                t1.update(REQUESTS).set(REQUESTS.ASSIGNED_TO, requester).where(r2).execute();
                try {
                    c1.commit();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            // Until T1 is waiting for r2: its backend, in this test's database, waits on a lock.
            while (dsl.fetchCount(org.jooq.impl.DSL.table("pg_stat_activity"),
                    org.jooq.impl.DSL.condition("wait_event_type = 'Lock' and datname = current_database()")) == 0) {
                Thread.onSpinWait();
            }
            c2.commit();
            waiting.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(generations.of(dsl, doi)).as("both committed, each moved it once").isEqualTo(before + 2);
        assertThat(dsl.fetchValue(REQUESTS.ASSIGNED_TO, r2)).isEqualTo(requester);
    }
}
