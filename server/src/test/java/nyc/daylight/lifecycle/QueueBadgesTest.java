package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.sql.types.InboundStatus;
import nyc.daylight.testing.People;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The queue's badges are read for every row shown at once: thirty rows cost the statements one row does. */
@ExtendWith(PostgresExtension.class)
class QueueBadgesTest {

    private static long request(DSLContext dsl, String number, long agencyId, long requesterId, String... events) {
        long id = dsl.insertInto(REQUESTS).set(REQUESTS.NUMBER, number).set(REQUESTS.AGENCY_ID, agencyId)
                .set(REQUESTS.REQUESTER_ID, requesterId).set(REQUESTS.TITLE, "Badges " + number).set(REQUESTS.DESCRIPTION, "Records.")
                .set(REQUESTS.STATUS, "ON_TIME").set(REQUESTS.SUBMITTED_AT, OffsetDateTime.now())
                .returning(REQUESTS.ID).fetchOne(REQUESTS.ID);
        int seq = 0;
        for (String type : events) {
            dsl.insertInto(REQUEST_EVENTS).set(REQUEST_EVENTS.REQUEST_ID, id).set(REQUEST_EVENTS.SEQ, ++seq)
                    .set(REQUEST_EVENTS.TYPE, type).set(REQUEST_EVENTS.OCCURRED_AT, OffsetDateTime.now()).execute();
        }
        return id;
    }

    private static void reply(DSLContext dsl, long requestId, InboundStatus status, String review) {
        dsl.insertInto(INBOUND_MESSAGES).set(INBOUND_MESSAGES.CHANNEL, "SMTP").set(INBOUND_MESSAGES.DEDUP_KEY, "<" + requestId + status + ">")
                .set(INBOUND_MESSAGES.RECIPIENT, "request@reply.test").set(INBOUND_MESSAGES.HEADERS, "")
                .set(INBOUND_MESSAGES.SIZE_BYTES, 10L).set(INBOUND_MESSAGES.REQUEST_ID, requestId)
                .set(INBOUND_MESSAGES.STATUS, status).set(INBOUND_MESSAGES.REVIEW, review).execute();
    }

    @Test
    void thirty_rows_cost_the_statements_one_row_does_and_each_row_gets_its_own_badges(TestDatabase db) {
        DSLContext dsl = db.dsl();
        long requester = People.requester(dsl, "kim@example.org", "Kim");
        People.officer(dsl, "rao@mayor.test", "mayor", false);
        People.officer(dsl, "ali@mayor.test", "mayor", true);
        People.officer(dsl, "zed@law.test", "law", false);
        long mayor = dsl.fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq("mayor"));
        long law = dsl.fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq("law"));
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String number = "DL-2026-9%05d".formatted(i);
            numbers.add(number);
            long id = switch (i) {
                case 2 -> request(dsl, number, mayor, requester, "SUBMITTED", "DENIED", "APPEALED");
                case 3 -> request(dsl, number, mayor, requester, "SUBMITTED", "DENIED", "APPEALED", "APPEAL_DENIED");
                case 4 -> request(dsl, number, mayor, requester, "SUBMITTED", "CLARIFICATION_REQUESTED", "CLARIFICATION_ANSWERED");
                case 5 -> request(dsl, number, mayor, requester, "SUBMITTED", "CLARIFICATION_REQUESTED", "CLARIFICATION_ANSWERED",
                        "ACKNOWLEDGED");
                default -> request(dsl, number, mayor, requester, "SUBMITTED");
            };
            if (i == 6) reply(dsl, id, InboundStatus.MATCHED, null);
            if (i == 7) reply(dsl, id, InboundStatus.CONFIRMED, "PENDING");
            if (i == 8) reply(dsl, id, InboundStatus.CONFIRMED, "CLEAN");
            if (i == 9) dsl.update(REQUESTS).set(REQUESTS.CHANNEL, "OPENRECORDS").set(REQUESTS.EXTERNAL_NUMBER, "FOIL-2026-025-00009")
                    .where(REQUESTS.ID.eq(id)).execute();
            if (i == 10) dsl.update(REQUESTS).set(REQUESTS.EXTERNAL_NUMBER, "M-10").where(REQUESTS.ID.eq(id)).execute();
        }
        long elsewhere = request(dsl, "DL-2026-999999", law, requester, "SUBMITTED", "DENIED", "APPEALED");
        reply(dsl, elsewhere, InboundStatus.MATCHED, null);

        AtomicInteger statements = new AtomicInteger();
        DSLContext counted = DSL.using(dsl.configuration().derive(ExecuteListener.onExecuteStart(c -> statements.incrementAndGet())));
        AgencyService agencies = new AgencyService(dsl);
        QueueExtras extras = new QueueExtras(counted);
        Agency agency = agencies.find("mayor").orElseThrow();

        extras.forQueue(agency, numbers.subList(0, 1));
        int forOne = statements.getAndSet(0);
        List<String> withStranger = new ArrayList<>(numbers);
        withStranger.add("DL-2026-999999");
        Map<String, Object> model = extras.forQueue(agency, withStranger);
        assertThat(statements.get()).as("badges, officers and channel marks for thirty rows: one statement")
                .isEqualTo(forOne).isEqualTo(1);

        @SuppressWarnings("unchecked")
        Map<String, QueueExtras.Badges> badges = (Map<String, QueueExtras.Badges>) model.get("badges");
        assertThat(badges).hasSize(30).doesNotContainKey("DL-2026-999999");
        assertThat(((Map<?, ?>) model.get("marks")).containsKey("DL-2026-999999")).isFalse();
        assertThat(badges.get(numbers.get(0)).any()).isFalse();
        assertThat(badges.get(numbers.get(1))).isEqualTo(new QueueExtras.Badges(0, false, true));
        assertThat(badges.get(numbers.get(2)).any()).as("appeal decided").isFalse();
        assertThat(badges.get(numbers.get(3))).isEqualTo(new QueueExtras.Badges(0, true, false));
        assertThat(badges.get(numbers.get(4)).any()).as("the agency acted after the answer").isFalse();
        assertThat(badges.get(numbers.get(5))).isEqualTo(new QueueExtras.Badges(1, false, false));
        assertThat(badges.get(numbers.get(6))).as("confirmed, its text still under review").isEqualTo(new QueueExtras.Badges(1, false, false));
        assertThat(badges.get(numbers.get(7)).any()).as("confirmed and clean").isFalse();
        assertThat(model.get("officers")).as("this agency's, by e-mail").isEqualTo(List.of(
                new Officer(dsl.fetchValue(USERS.ID, USERS.EMAIL.eq("ali@mayor.test")), "ali@mayor.test", null, true),
                new Officer(dsl.fetchValue(USERS.ID, USERS.EMAIL.eq("rao@mayor.test")), "rao@mayor.test", null, false)));
        assertThat(model.get("marks")).as("only the rows with a channel or the agency's own number").isEqualTo(Map.of(
                numbers.get(8), new ChannelRepository.Mark("channel.OPENRECORDS", "FOIL-2026-025-00009"),
                numbers.get(9), new ChannelRepository.Mark(null, "M-10")));
        assertThat(extras.forQueue(agency, List.of())).as("no rows: no badges, the officers all the same")
                .containsEntry("badges", Map.of()).containsEntry("marks", Map.of()).containsKey("officers");
    }
}
