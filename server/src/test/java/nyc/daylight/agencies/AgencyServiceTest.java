package nyc.daylight.agencies;

import static nyc.daylight.sql.jooq.Tables.AGENCY_CHANGES;
import static nyc.daylight.sql.jooq.Tables.AGENCY_CLOSURES;
import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import nyc.daylight.core.AccessDenied;
import nyc.daylight.core.Actor;
import nyc.daylight.core.BadInput;
import nyc.daylight.deadlines.CalendarKind;
import nyc.daylight.deadlines.Regime;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class AgencyServiceTest {
    private final DSLContext dsl;
    private final AgencyService service;
    private Actor admin;
    private Actor requester;

    AgencyServiceTest(TestDatabase db) {
        this.dsl = db.dsl();
        this.service = new AgencyService(dsl);
    }

    @BeforeEach
    void users() {
        admin = new Actor(user("admin-" + System.nanoTime() + "@daylight.test", "ADMIN"), "ADMIN");
        requester = new Actor(user("req-" + System.nanoTime() + "@daylight.test", "REQUESTER"), "REQUESTER");
    }

    private long user(String email, String role) {
        return dsl.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.ROLE, role).returning(USERS.ID).fetchOne().getId();
    }

    private AgencyEdit editOf(Agency a, String foilEmail, int appealFilingDays) {
        return new AgencyEdit(a.foil().title(), foilEmail, a.foil().postalAddress(), a.appeals().title(),
                a.appeals().email(), a.appeals().postalAddress(), a.contactVerified(), a.rules().closeOfBusiness(),
                a.rules().responseDays(), a.rules().determinationDays(), a.rules().extensionDays(),
                appealFilingDays, a.rules().appealDecisionDays());
    }

    @Test
    void the_registry_is_seeded_with_the_agencies_that_matter_for_ice_requests() {
        assertThat(service.all()).extracting(Agency::slug).contains(
                "doc", "nypd", "probation", "acs", "dss", "hhc", "moia", "doe", "law", "doi", "mayor", "nycem", "oti",
                "ice", "dhs", "cbp", "uscis");
        for (String federal : java.util.List.of("cbp", "uscis")) {
            Agency a = service.find(federal).orElseThrow();
            assertThat(a.regime()).isEqualTo(Regime.FEDERAL_FOIA);
            assertThat(a.calendar()).isEqualTo(CalendarKind.FEDERAL);
            assertThat(a.rules()).isEqualTo(nyc.daylight.deadlines.AgencyRules.federalFoia());
        }
        Agency ice = service.find("ice").orElseThrow();
        assertThat(ice.regime()).isEqualTo(Regime.FEDERAL_FOIA);
        assertThat(ice.calendar()).isEqualTo(CalendarKind.FEDERAL);
        assertThat(ice.rules().determinationDays()).isEqualTo(20);
        assertThat(ice.rules().extensionDays()).isEqualTo(10);
        assertThat(ice.rules().appealFilingDays()).isEqualTo(90);
        Agency doc = service.find("doc").orElseThrow();
        assertThat(doc.regime()).isEqualTo(Regime.NY_FOIL);
        assertThat(doc.rules().responseDays()).isEqualTo(5);
        assertThat(doc.foil().email()).isNotBlank();
        assertThat(doc.foil().postalAddress()).contains("East Elmhurst");
        assertThat(service.all()).allSatisfy(a -> assertThat(a.foil().postalAddress()).isNotBlank());
    }

    @Test
    void an_unknown_slug_is_simply_absent() {
        assertThat(service.find("no-such-agency")).isEmpty();
        assertThat(service.find(null)).isEmpty();
    }

    @Test
    void an_admin_edit_changes_the_agency_and_records_each_field_with_who_and_when() {
        Agency before = service.find("probation").orElseThrow();
        int changed = service.update(admin, "probation", editOf(before, "records@probation.example.org", 45));
        assertThat(changed).isEqualTo(2);
        Agency after = service.find("probation").orElseThrow();
        assertThat(after.foil().email()).isEqualTo("records@probation.example.org");
        assertThat(after.rules().appealFilingDays()).isEqualTo(45);
        assertThat(service.history(after)).extracting(AgencyChange::field, AgencyChange::oldValue, AgencyChange::newValue)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("foil_email", before.foil().email(), "records@probation.example.org"),
                        org.assertj.core.groups.Tuple.tuple("appeal_filing_days", "30", "45"));
        assertThat(service.history(after)).allSatisfy(c -> {
            assertThat(c.changedBy()).startsWith("admin-");
            assertThat(c.changedAt()).isNotNull();
        });
        assertThat(service.update(admin, "probation", editOf(after, after.foil().email(), 45)))
                .as("saving without changes records nothing").isZero();
    }

    @Test
    void only_admins_may_edit_and_a_refused_edit_changes_nothing() {
        Agency before = service.find("acs").orElseThrow();
        assertThatThrownBy(() -> service.update(requester, "acs", editOf(before, "x@acs.example.org", 30)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> service.update(null, "acs", editOf(before, "x@acs.example.org", 30)))
                .isInstanceOf(AccessDenied.class);
        assertThat(service.find("acs").orElseThrow()).isEqualTo(before);
        assertThat(dsl.fetchCount(AGENCY_CHANGES, AGENCY_CHANGES.AGENCY_ID.eq(before.id()))).isZero();
    }

    @Test
    void invalid_edits_name_the_field_and_change_nothing() {
        Agency before = service.find("doe").orElseThrow();
        assertThatThrownBy(() -> service.update(admin, "doe", editOf(before, "not an email", 30)))
                .isInstanceOf(BadInput.class).extracting(e -> ((BadInput) e).field()).isEqualTo("foilEmail");
        assertThatThrownBy(() -> service.update(admin, "doe", editOf(before, before.foil().email(), 10)))
                .isInstanceOf(BadInput.class).hasMessageContaining("at least 30 days");
        AgencyEdit early = new AgencyEdit("RAO", null, null, "Appeals", null, null, false, LocalTime.of(9, 0), 5, 20, 0, 30, 10);
        assertThatThrownBy(() -> service.update(admin, "doe", early))
                .isInstanceOf(BadInput.class).extracting(e -> ((BadInput) e).field()).isEqualTo("closeOfBusiness");
        assertThat(service.find("doe").orElseThrow()).isEqualTo(before);
    }

    @Test
    void a_blank_email_is_stored_as_no_email() {
        Agency before = service.find("law").orElseThrow();
        service.update(admin, "law", editOf(before, "  ", 30));
        assertThat(service.find("law").orElseThrow().foil().email()).isNull();
    }

    @Test
    void an_agency_closure_day_enters_that_agency_calendar_only() {
        Agency doi = service.find("doi").orElseThrow();
        dsl.insertInto(AGENCY_CLOSURES).set(AGENCY_CLOSURES.AGENCY_ID, doi.id())
                .set(AGENCY_CLOSURES.DAY, LocalDate.of(2026, 3, 3)).set(AGENCY_CLOSURES.REASON, "Snow emergency").execute();
        assertThat(service.calendarFor(doi).isBusinessDay(LocalDate.of(2026, 3, 3))).isFalse();
        assertThat(service.calendarFor(doi).closureName(LocalDate.of(2026, 3, 3))).contains("Snow emergency");
        assertThat(service.calendarFor(service.find("doc").orElseThrow()).isBusinessDay(LocalDate.of(2026, 3, 3))).isTrue();
    }
}
