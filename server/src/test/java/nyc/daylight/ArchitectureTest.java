package nyc.daylight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md, checked on the compiled server: each rule is one arrow the
 * picture forbids. {@code core} and {@code deadlines} are pure; {@code db} and {@code web} know no
 * feature; features never reach up into {@code boot} (the object graph) or {@code cli}; and only
 * repositories (and {@code db}) touch jOOQ's tables and generated records.
 */
class ArchitectureTest {
    private static final String[] FEATURES = {
            "nyc.daylight.accounts..", "nyc.daylight.agencies..", "nyc.daylight.alerts..", "nyc.daylight.api..", "nyc.daylight.correspondents..", "nyc.daylight.court..", "nyc.daylight.duplicates..",
            "nyc.daylight.health..", "nyc.daylight.inbound..", "nyc.daylight.lifecycle..", "nyc.daylight.mandates..", "nyc.daylight.notify..",
            "nyc.daylight.releases..", "nyc.daylight.requests..", "nyc.daylight.scorecards..", "nyc.daylight.site.."};

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("nyc.daylight");

    @Test
    void no_package_depends_on_itself_through_others() {
        slices().matching("nyc.daylight.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void core_uses_the_jdk_only() {
        classes().that().resideInAPackage("nyc.daylight.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "nyc.daylight.core..")
                .check(SERVER);
    }

    @Test
    void deadlines_are_pure_rules_over_core() {
        classes().that().resideInAPackage("nyc.daylight.deadlines..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "nyc.daylight.core..", "nyc.daylight.deadlines..")
                .check(SERVER);
    }

    @Test
    void db_and_web_know_no_feature() {
        noClasses().that().resideInAnyPackage("nyc.daylight.db..", "nyc.daylight.web..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .orShould().dependOnClassesThat().resideInAnyPackage("nyc.daylight.boot..", "nyc.daylight.cli..")
                .check(SERVER);
        noClasses().that().resideInAPackage("nyc.daylight.db..")
                .should().dependOnClassesThat().resideInAnyPackage("nyc.daylight.web..", "io.javalin..", "freemarker..")
                .check(SERVER);
    }

    @Test
    void features_never_reach_up_into_the_wiring_or_the_command_line() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage("nyc.daylight.boot..", "nyc.daylight.cli..")
                .check(SERVER);
        noClasses().that().resideInAPackage("nyc.daylight.boot..")
                .should().dependOnClassesThat().resideInAPackage("nyc.daylight.cli..")
                .check(SERVER);
    }

    @Test
    void only_repositories_touch_tables_and_generated_records() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .and().haveSimpleNameNotEndingWith("Repository")
                .should().dependOnClassesThat().resideInAPackage("nyc.daylight.sql.jooq..")
                .check(SERVER);
    }
}
