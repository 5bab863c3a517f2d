package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import nyc.daylight.agencies.AgencyCache;
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
 * The public list and the overdue list read a fixed number of statements whatever the number of
 * rows (no ledger per row), and their keyset pages neither repeat nor lose a row when many rows tie
 * on the sort key, forward and back.
 */
@ExtendWith(PostgresExtension.class)
class BoundedListsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T15:00:00Z"), ZoneOffset.UTC);
    private static final OffsetDateTime FILED = OffsetDateTime.parse("2026-03-02T15:00:00Z");
    private static final LocalDate MISSED = LocalDate.parse("2026-04-01");

    /** {@code n} requests to the agency filed at the same instant and missed on the same day: every row ties. */
    private static List<String> requests(DSLContext dsl, String slug, int from, int n) {
        long agency = dsl.fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq(slug));
        long requester = dsl.fetchOptional(nyc.daylight.sql.jooq.Tables.USERS, nyc.daylight.sql.jooq.Tables.USERS.EMAIL.eq("lists@example.org"))
                .map(u -> u.getId()).orElseGet(() -> People.requester(dsl, "lists@example.org", "L"));
        List<String> numbers = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            String number = String.format("DL-2026-%06d", i);
            long id = dsl.insertInto(REQUESTS).set(REQUESTS.NUMBER, number).set(REQUESTS.AGENCY_ID, agency)
                    .set(REQUESTS.REQUESTER_ID, requester).set(REQUESTS.TITLE, "Tied " + i).set(REQUESTS.DESCRIPTION, "Records.")
                    .set(REQUESTS.STATUS, "CONSTRUCTIVELY_DENIED").set(REQUESTS.SUBMITTED_AT, FILED)
                    .set(REQUESTS.LIVE_MISS_DUE, MISSED).set(REQUESTS.LIVE_MISS_KIND, "DETERMINATION")
                    .set(REQUESTS.PROJECTION_VALID_UNTIL, OffsetDateTime.parse("2030-01-01T00:00:00Z"))
                    .returning(REQUESTS.ID).fetchOne(REQUESTS.ID);
            dsl.insertInto(REQUEST_EVENTS).set(REQUEST_EVENTS.REQUEST_ID, id).set(REQUEST_EVENTS.SEQ, 1)
                    .set(REQUEST_EVENTS.TYPE, "SUBMITTED").set(REQUEST_EVENTS.OCCURRED_AT, FILED).execute();
            numbers.add(number);
        }
        return numbers;
    }

    @Test
    void lists_cost_the_same_statements_for_three_rows_as_for_sixty(TestDatabase db) {
        DSLContext dsl = db.dsl();
        requests(dsl, "acs", 100, 3);
        AtomicInteger statements = new AtomicInteger();
        DSLContext counted = DSL.using(dsl.configuration().derive(ExecuteListener.onExecuteStart(c -> statements.incrementAndGet())));
        // The app's cache, warmed once: agencies and calendars are then not read again.
        AgencyService agencies = new AgencyService(counted, new AgencyCache());
        RequestReader reader = new RequestReader(counted, agencies, new RequestStatus(agencies, CLOCK), CLOCK, null);
        // Counting every time (the app keeps counts until an agency's requests change): the cost of counting itself.
        OverdueList overdue = new OverdueList(counted, agencies, CLOCK, nyc.daylight.db.CountCache.off());
        reader.list(RequestFilter.first("acs", null, null, 100));
        overdue.page(OverdueList.Filter.first("acs", null, false));
        statements.set(0);

        assertThat(reader.list(RequestFilter.first("acs", null, null, 100)).items()).hasSize(3);
        int listFew = statements.getAndSet(0);
        assertThat(overdue.page(OverdueList.Filter.first("acs", null, false)).items()).hasSize(3);
        int overdueFew = statements.getAndSet(0);

        requests(dsl, "acs", 200, 57);
        assertThat(reader.list(RequestFilter.first("acs", null, null, 100)).items()).hasSize(60);
        assertThat(statements.getAndSet(0)).as("/requests, 60 rows").isEqualTo(listFew).isLessThanOrEqualTo(5);
        assertThat(overdue.page(OverdueList.Filter.first("acs", null, false)).items()).hasSize(50);
        assertThat(statements.getAndSet(0)).as("overdue list, 50 rows").isEqualTo(overdueFew).isLessThanOrEqualTo(4);
    }

    @Test
    void pages_of_tied_rows_neither_repeat_nor_lose_one_forward_and_back(TestDatabase db) {
        DSLContext dsl = db.dsl();
        Set<String> all = new LinkedHashSet<>(requests(dsl, "probation", 1000, 45));
        AgencyService agencies = new AgencyService(dsl);
        RequestReader reader = new RequestReader(dsl, agencies, new RequestStatus(agencies, CLOCK), CLOCK, null);
        OverdueList overdue = new OverdueList(dsl, agencies, CLOCK);

        walk(all, c -> reader.list(new RequestFilter("probation", null, null, c, 20)).map(RequestSummary::number));
        // Every sort a user may choose ties here on its first key (one instant, one due date or none): the id decides.
        dsl.update(REQUESTS).set(REQUESTS.NEXT_DUE, MISSED).where(REQUESTS.NUMBER.le("DL-2026-001020")).execute();
        for (ListSort sort : ListSort.values()) {
            walk(all, c -> reader.list(new RequestFilter("probation", null, null, c, 20, sort)).map(RequestSummary::number));
        }
        List<String> due = reader.list(new RequestFilter("probation", null, null, null, 20, ListSort.DUE)).items().stream()
                .map(RequestSummary::number).toList();
        assertThat(due).as("the requests with a due date come first").allMatch(n -> n.compareTo("DL-2026-001020") <= 0);
        walk(all, c -> overdue.page(new OverdueList.Filter("probation", null, false, c, 20)).map(OverdueList.Item::number));
        walk(all, c -> overdue.page(new OverdueList.Filter("probation", null, false, c, 20, true)).map(OverdueList.Item::number));
    }

    /** Follows next links to the end (20 + 20 + 5), then previous links back to the start. */
    private static void walk(Set<String> all, Function<Cursor, Page<String>> read) {
        List<List<String>> forward = new ArrayList<>();
        Page<String> p = read.apply(null);
        assertThat(p.hasPrevious()).isFalse();
        forward.add(p.items());
        while (p.hasNext()) {
            p = read.apply(Cursor.parse(p.nextToken(), "cursor", 2));
            forward.add(p.items());
        }
        assertThat(forward).extracting(List::size).containsExactly(20, 20, 5);
        List<String> seen = forward.stream().flatMap(List::stream).toList();
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(p.total()).isEqualTo(45);
        Page<String> back = read.apply(Cursor.parse(p.previousToken(), "cursor", 2));
        assertThat(back.items()).isEqualTo(forward.get(1));
        back = read.apply(Cursor.parse(back.previousToken(), "cursor", 2));
        assertThat(back.items()).isEqualTo(forward.get(0));
        assertThat(back.hasPrevious()).isFalse();
        assertThat(back.nextToken()).isNotNull();
    }
}
