package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.Cursor;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The officer queue reads the stored projection: two statements (the page with the agency's requests
 * generation, and its counts) for five open requests or for 250, one when nothing changed since the
 * counts were counted, and its keyset pages over rows tied on the date owed and the
 * date received (and some with no date at all) neither repeat nor lose one.
 */
@ExtendWith(PostgresExtension.class)
class QueuePagesTest {
    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-03-02T15:00:00Z");

    private static void open(DSLContext dsl, long agency, long requester, int from, int n) {
        for (int i = from; i < from + n; i++) {
            dsl.insertInto(REQUESTS).set(REQUESTS.NUMBER, String.format("DL-2026-%06d", i)).set(REQUESTS.AGENCY_ID, agency)
                    .set(REQUESTS.REQUESTER_ID, requester).set(REQUESTS.TITLE, "Queue " + i).set(REQUESTS.DESCRIPTION, "Records.")
                    .set(REQUESTS.STATUS, "ON_TIME").set(REQUESTS.SUBMITTED_AT, RECEIVED)
                    // Two dates owed for all, and a tenth with none (they sort last).
                    .set(REQUESTS.NEXT_DUE, i % 10 == 0 ? null : LocalDate.parse(i % 2 == 0 ? "2026-03-09" : "2026-03-10"))
                    .execute();
        }
    }

    @Test
    void the_queue_costs_two_statements_and_pages_tied_rows_without_repeats_or_gaps(TestDatabase db) {
        DSLContext dsl = db.dsl();
        long agencyId = dsl.fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq("nypd"));
        long requester = People.requester(dsl, "queue@example.org", "Q");
        open(dsl, agencyId, requester, 1, 5);
        Agency agency = new AgencyService(dsl).find("nypd").orElseThrow();
        AtomicInteger statements = new AtomicInteger();
        Queue queue = new Queue(DSL.using(dsl.configuration().derive(ExecuteListener.onExecuteStart(c -> statements.incrementAndGet()))));
        LocalDate today = LocalDate.parse("2026-03-03");
        Queue.Filter all = new Queue.Filter(null, null, false, null, null);

        assertThat(queue.page(agency, all, today).items()).hasSize(5);
        int few = statements.getAndSet(0);
        open(dsl, agencyId, requester, 6, 245);
        Queue.Page first = queue.page(agency, all, today);
        assertThat(statements.getAndSet(0)).as("a page of 50 of 250 open requests").isEqualTo(few).isEqualTo(2);
        assertThat(first.counts().open()).isEqualTo(250);
        assertThat(queue.page(agency, all, today).counts()).isEqualTo(first.counts());
        assertThat(statements.getAndSet(0)).as("again, nothing changed: the counts are not counted again").isEqualTo(1);
        Queue.Page none = queue.page(agency, new Queue.Filter("OVERDUE", null, false, null, null), today);
        assertThat(none.items()).isEmpty();
        assertThat(none.counts()).isEqualTo(first.counts());
        assertThat(statements.getAndSet(0)).as("an empty page reads the generation alone").isEqualTo(2);

        List<String> seen = new ArrayList<>(first.items().stream().map(Queue.Item::number).toList());
        Queue.Page p = first;
        List<Queue.Page> pages = new ArrayList<>(List.of(first));
        while (p.next() != null) {
            p = queue.page(agency, new Queue.Filter(null, null, false, null, Cursor.parse(p.next().token(), "cursor", Queue.CURSOR_KEYS)),
                    today);
            pages.add(p);
            seen.addAll(p.items().stream().map(Queue.Item::number).toList());
        }
        assertThat(pages).extracting(x -> x.items().size()).containsExactly(50, 50, 50, 50, 50);
        assertThat(seen).hasSize(250).doesNotHaveDuplicates();
        assertThat(pages.getLast().items().getLast().nextDue()).as("no date owed sorts last").isNull();
        assertThat(pages.getFirst().items().getFirst().nextDue()).isEqualTo(LocalDate.parse("2026-03-09"));
        Queue.Page back = queue.page(agency, new Queue.Filter(null, null, false, null, p.previous()), today);
        assertThat(back.items()).isEqualTo(pages.get(3).items());
    }
}
