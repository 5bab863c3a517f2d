package nyc.daylight.boot;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class LedgerSchemaTest {

    @Test
    void request_events_can_be_appended_but_never_edited_or_deleted(TestDatabase db) {
        DSLContext dsl = db.dsl();
        long agency = dsl.insertInto(AGENCIES).set(AGENCIES.SLUG, "ledger-test").set(AGENCIES.NAME, "Ledger Test")
                .set(AGENCIES.REGIME, "NY_FOIL").set(AGENCIES.CALENDAR, "NEW_YORK")
                .returning(AGENCIES.ID).fetchOne().getId();
        long user = dsl.insertInto(USERS).set(USERS.EMAIL, "ledger@example.org")
                .returning(USERS.ID).fetchOne().getId();
        long request = dsl.insertInto(REQUESTS).set(REQUESTS.NUMBER, "DL-2026-000001")
                .set(REQUESTS.AGENCY_ID, agency).set(REQUESTS.REQUESTER_ID, user)
                .set(REQUESTS.TITLE, "Detainer emails").set(REQUESTS.DESCRIPTION, "All emails")
                .returning(REQUESTS.ID).fetchOne().getId();
        dsl.insertInto(REQUEST_EVENTS).set(REQUEST_EVENTS.REQUEST_ID, request).set(REQUEST_EVENTS.SEQ, 1)
                .set(REQUEST_EVENTS.TYPE, "SUBMITTED").set(REQUEST_EVENTS.OCCURRED_AT, OffsetDateTime.now())
                .execute();

        assertThatThrownBy(() -> dsl.update(REQUEST_EVENTS).set(REQUEST_EVENTS.TYPE, "WITHDRAWN").execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> dsl.deleteFrom(REQUEST_EVENTS).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> dsl.insertInto(REQUEST_EVENTS).set(REQUEST_EVENTS.REQUEST_ID, request)
                .set(REQUEST_EVENTS.SEQ, 1).set(REQUEST_EVENTS.TYPE, "WITHDRAWN")
                .set(REQUEST_EVENTS.OCCURRED_AT, OffsetDateTime.now()).execute())
                .as("two events cannot take the same place in the ledger")
                .isInstanceOf(DataAccessException.class);
        assertThat(dsl.fetchCount(REQUEST_EVENTS)).isEqualTo(1);
        assertThat(dsl.fetchValue(REQUEST_EVENTS.TYPE)).isEqualTo("SUBMITTED");
    }

    @Test
    void emails_are_unique_whatever_their_case(TestDatabase db) {
        DSLContext dsl = db.dsl();
        dsl.insertInto(USERS).set(USERS.EMAIL, "Case@Example.org").execute();
        assertThatThrownBy(() -> dsl.insertInto(USERS).set(USERS.EMAIL, "case@example.ORG").execute())
                .isInstanceOf(DataAccessException.class);
    }
}
