package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import nyc.daylight.sql.jooq.tables.records.RequestsRecord;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * V12 on a database as it was before it: requests filed then keep the name their letters were
 * signed with, so a name hidden then stays hidden. Runs the migrations in a schema of its own, up
 * to V11, files the old way, then applies V12 alone.
 */
@ExtendWith(PostgresExtension.class)
class SignatureMigrationTest {
    private static final String SCHEMA = "before_signatures";

    private static Flyway flyway(TestDatabase db, String target) {
        return Flyway.configure().dataSource(db.dataSource()).schemas(SCHEMA).locations("classpath:db/migration").target(target).load();
    }

    private static long user(DSLContext dsl, String email, String name) {
        return dsl.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.DISPLAY_NAME, name).set(USERS.ROLE, "REQUESTER")
                .returning(USERS.ID).fetchOne(USERS.ID);
    }

    private static void request(DSLContext dsl, String number, long requester, boolean shown) {
        dsl.insertInto(REQUESTS).set(REQUESTS.NUMBER, number).set(REQUESTS.AGENCY_ID, dsl.fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq("doc")))
                .set(REQUESTS.REQUESTER_ID, requester).set(REQUESTS.TITLE, "Filed before signatures")
                .set(REQUESTS.DESCRIPTION, "All records of communications with ICE.").set(REQUESTS.SHOW_REQUESTER_NAME, shown)
                .set(REQUESTS.LETTER_TEXT, "Sincerely,\n\nRosa Advocate\nRequest " + number).execute();
    }

    @Test
    void requests_filed_before_v12_are_signed_as_they_were_and_a_hidden_name_stays_hidden(TestDatabase db) {
        flyway(db, "11").migrate();
        DSLContext old = DSL.using(db.dataSource(), SQLDialect.POSTGRES, new Settings().withRenderMapping(
                new RenderMapping().withSchemata(new MappedSchema().withInput("public").withOutput(SCHEMA))));
        long rosa = user(old, "rosa@example.org", " Rosa Advocate ");
        long nameless = user(old, "nameless@example.org", "  ");
        request(old, "DL-2025-000001", rosa, false);
        request(old, "DL-2025-000002", rosa, true);
        request(old, "DL-2025-000003", nameless, false);

        assertThat(flyway(db, "12").migrate().migrationsExecuted).isEqualTo(1);
        RequestsRecord hidden = atV12(old, "DL-2025-000001");
        assertThat(hidden.getSignatureKind()).isEqualTo("SELF");
        assertThat(hidden.getSignatureName()).isEqualTo("Rosa Advocate");
        RequesterIdentity was = RequesterIdentity.of(hidden.getSignatureKind(), hidden.getSignatureName(), hidden.getShowRequesterName(), "Rosa Advocate");
        assertThat(was.publicName()).isNull();
        assertThat(was.forPublic(hidden.getLetterText())).doesNotContain("Rosa").contains(RequesterIdentity.WITHHELD);
        // Renaming the account later does not unmask the name the letter carries.
        assertThat(RequesterIdentity.of(hidden.getSignatureKind(), hidden.getSignatureName(), hidden.getShowRequesterName(), "R. A.").forPublic(hidden.getLetterText())).doesNotContain("Rosa");

        RequestsRecord shown = atV12(old, "DL-2025-000002");
        assertThat(RequesterIdentity.of(shown.getSignatureKind(), shown.getSignatureName(), shown.getShowRequesterName(), "Rosa Advocate").publicName()).isEqualTo("Rosa Advocate");
        RequestsRecord none = atV12(old, "DL-2025-000003");
        assertThat(none.getSignatureName()).isNull();
        assertThat(RequesterIdentity.of(none.getSignatureKind(), none.getSignatureName(), none.getShowRequesterName(), null).agencySignature()).isEqualTo(RequesterIdentity.NO_NAME);
    }

    /** The row as V12 left it: only V12's columns, since later migrations add columns this schema lacks. */
    private static RequestsRecord atV12(DSLContext dsl, String number) {
        return dsl.select(REQUESTS.NUMBER, REQUESTS.SHOW_REQUESTER_NAME, REQUESTS.LETTER_TEXT, REQUESTS.SIGNATURE_KIND,
                        REQUESTS.SIGNATURE_NAME)
                .from(REQUESTS).where(REQUESTS.NUMBER.eq(number)).fetchSingle().into(REQUESTS);
    }
}
