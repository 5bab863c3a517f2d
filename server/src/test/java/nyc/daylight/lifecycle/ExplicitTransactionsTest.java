package nyc.daylight.lifecycle;

import static nyc.daylight.sql.jooq.Tables.AGENCIES;
import static nyc.daylight.sql.jooq.Tables.AUDIT_LOG;
import static nyc.daylight.sql.jooq.Tables.INTERNAL_NOTES;
import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.User;
import nyc.daylight.notify.Mailer;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.FileBlobStore;
import nyc.daylight.requests.RequestLedger;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lifecycle's actions are correct on their own transaction, not because the server's
 * thread-bound transaction provider makes a stray query through the outer context join it. Here
 * the services run on a context with jOOQ's default provider (no joining) over a pool of ONE
 * connection: a query made through the outer context while the action's transaction holds that
 * connection would wait for a second one and fail, and a write made that way would commit on its
 * own. (The agency registry is reference data and keeps its own context.)
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplicitTransactionsTest {
    private static final String OUTBOX_DOWN = "the outbox refused the message";
    private Portal portal;
    private TestDatabase db;
    private HikariDataSource oneConnection;
    private DSLContext lonely;
    private AgencyService agencies;
    private RequestLedger ledger;
    private User officer;
    private User requester;

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(db.dataSource());
        hc.setMaximumPoolSize(1);
        // Hikari's least wait: a query that needs a second connection fails instead of hanging the build.
        hc.setConnectionTimeout(250);
        oneConnection = new HikariDataSource(hc);
        lonely = DSL.using(oneConnection, SQLDialect.POSTGRES);
        agencies = new AgencyService(db.dsl());
        ledger = new RequestLedger(agencies, portal.clock);
        long mayor = db.dsl().fetchValue(AGENCIES.ID, AGENCIES.SLUG.eq("mayor"));
        officer = new User(People.officer(db.dsl(), "oona@mayor.test", "mayor", false), "oona@mayor.test", null, "OFFICER", true,
                Set.of(mayor), Set.of());
        requester = new User(People.requester(db.dsl(), "rhea@example.org", "Rhea"), "rhea@example.org", "Rhea", "REQUESTER", true,
                Set.of(), Set.of());
    }

    @AfterAll
    void stop() {
        oneConnection.close();
        portal.close();
    }

    private OfficerActions officerActions(Mailer mailer) throws Exception {
        return new OfficerActions(lonely, agencies, ledger, mailer, new FileBlobStore(Files.createTempDirectory("blobs")),
                ReleasedFiles.NONE, portal.clock, "http://daylight.test");
    }

    private static Mailer refusing() {
        return new Mailer(() -> { throw new IllegalStateException(OUTBOX_DOWN); });
    }

    private String file(String title) throws Exception {
        return portal.as(requester.email()).fileRequest(title, "mayor").getFirst();
    }

    private long requestId(String number) {
        return db.dsl().fetchValue(REQUESTS.ID, REQUESTS.NUMBER.eq(number));
    }

    private int events(String number) {
        return db.dsl().fetchCount(REQUEST_EVENTS, REQUEST_EVENTS.REQUEST_ID.eq(requestId(number)));
    }

    private int mail(String number) {
        return db.dsl().fetchCount(OUTBOX, OUTBOX.SUBJECT.startsWith(number));
    }

    @Test
    void an_officer_assigns_notes_and_acknowledges_on_one_connection_without_joining() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String number = file("Snow removal contracts");
        OfficerActions actions = officerActions(new Mailer(() -> { }));

        // The assignee is checked against the agency's officers read in the action's own transaction.
        actions.assign(officer, number, officer.id(), "127.0.0.1");
        actions.addNote(officer, number, "Ask the Sanitation liaison.", "127.0.0.1");
        actions.acknowledge(officer, number, LocalDate.of(2026, 3, 20), null, null, "127.0.0.1");

        assertThat(db.dsl().fetchValue(REQUESTS.ASSIGNED_TO, REQUESTS.NUMBER.eq(number))).isEqualTo(officer.id());
        assertThat(db.dsl().fetchCount(INTERNAL_NOTES, INTERNAL_NOTES.REQUEST_ID.eq(requestId(number)))).isEqualTo(1);
        assertThat(actions.notes(officer, number)).extracting(OfficerActions.Note::body).containsExactly("Ask the Sanitation liaison.");
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.SUBJECT.eq(number))).isEqualTo(3);
        assertThat(mail(number)).isEqualTo(1);
    }

    @Test
    void the_watcher_reminds_officers_on_one_connection_without_joining() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String number = file("Pothole complaints by block");
        // The response is due five business days after receipt: on the day, the officers are reminded.
        portal.clock.setNewYork("2026-03-09T08:00");
        DeadlineWatcher watcher = new DeadlineWatcher(lonely, agencies, ledger, new Mailer(() -> { }), portal.clock, "http://daylight.test");

        assertThat(watcher.runOnce()).isPositive();
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.SUBJECT.startsWith(number).and(OUTBOX.TO_ADDRESS.eq(officer.email()))))
                .isPositive();
    }

    @Test
    void an_acknowledgment_whose_mail_fails_leaves_no_event_no_mail_and_no_audit_entry() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String number = file("Street tree inventory");
        int before = events(number);
        String status = db.dsl().fetchValue(REQUESTS.STATUS, REQUESTS.NUMBER.eq(number));

        // The event is appended before the mail is queued; the mail's failure must take the event back with it.
        assertThatThrownBy(() -> officerActions(refusing()).acknowledge(officer, number, LocalDate.of(2026, 3, 20), null, null,
                "127.0.0.1")).hasMessageContaining(OUTBOX_DOWN);

        assertThat(events(number)).isEqualTo(before);
        assertThat(mail(number)).isZero();
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.SUBJECT.eq(number))).isZero();
        assertThat(db.dsl().fetchValue(REQUESTS.STATUS, REQUESTS.NUMBER.eq(number))).isEqualTo(status);
        // And the one connection went back to the pool: the next action runs.
        officerActions(new Mailer(() -> { })).acknowledge(officer, number, LocalDate.of(2026, 3, 20), null, null, "127.0.0.1");
        assertThat(events(number)).isEqualTo(before + 1);
    }

    @Test
    void a_clarification_answer_whose_mail_fails_leaves_the_question_open() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        String number = file("Parking placard audits");
        officerActions(new Mailer(() -> { })).askClarification(officer, number, "Which years?", "127.0.0.1");
        int before = events(number);
        RequesterActions failing = new RequesterActions(lonely, agencies, ledger, refusing(), portal.clock, "http://daylight.test");

        assertThatThrownBy(() -> failing.answerClarification(requester, number, "2023 and 2024.")).hasMessageContaining(OUTBOX_DOWN);

        assertThat(events(number)).isEqualTo(before);
        RequesterActions working = new RequesterActions(lonely, agencies, ledger, new Mailer(() -> { }), portal.clock,
                "http://daylight.test");
        working.answerClarification(requester, number, "2023 and 2024.");
        assertThat(events(number)).isEqualTo(before + 1);
    }
}
