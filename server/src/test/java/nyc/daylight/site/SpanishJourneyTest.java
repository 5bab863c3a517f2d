package nyc.daylight.site;

import static nyc.daylight.sql.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Spanish-speaking requester from sign-up to an agency's answer: errors, flash messages and
 * e-mails reach them in Spanish, while the officer's pages and the letter to the agency stay English.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpanishJourneyTest {
    private Portal portal;
    private TestDatabase db;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private String storedLanguage(String email) {
        return db.dsl().fetchValue(USERS.LANGUAGE, USERS.EMAIL.eq(email));
    }

    @Test
    void signing_up_in_spanish_stores_the_language_and_the_confirmation_email_is_spanish() throws Exception {
        WebClient web = new WebClient(portal.app);
        web.get("/?lang=es");
        HttpResponse<String> r = web.post("/signup", Map.of("email", "rosa@example.org", "password", People.PASSWORD));
        assertThat(r.body()).contains("Revise su correo electrónico", "Enviamos un mensaje a rosa@example.org");
        assertThat(storedLanguage("rosa@example.org")).isEqualTo("es");
        MailServer.Received verify = portal.mail.awaitTo("rosa@example.org", 1);
        assertThat(verify.subject()).isEqualTo("Confirme su correo electrónico para Daylight");
        assertThat(verify.body()).contains("Hola:", "El enlace funciona una sola vez y vence en 48 horas.");

        HttpResponse<String> confirmed = web.confirm(MailServer.link(verify));
        assertThat(web.get(confirmed.headers().firstValue("Location").orElseThrow()).body())
                .contains("Su correo electrónico quedó confirmado.");

        HttpResponse<String> weak = new WebClient(portal.app).post("/signup?lang=es", Map.of("email", "x@example.org", "password", "short"));
        assertThat(weak.body()).as("the English rule, shown in the visitor's own language (English here)")
                .contains("Use a password of at least");
    }

    @Test
    void a_requester_who_switches_to_spanish_gets_spanish_errors_flashes_and_lifecycle_emails() throws Exception {
        portal.clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "lucia@example.org", "Lucía");
        People.officer(db.dsl(), "officer@probation.test", "probation", false);
        WebClient lucia = portal.as("lucia@example.org");
        assertThat(storedLanguage("lucia@example.org")).isEqualTo("en");
        lucia.get("/me?lang=es");
        assertThat(storedLanguage("lucia@example.org")).as("the switcher is remembered on the account").isEqualTo("es");

        java.util.regex.Matcher key = java.util.regex.Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"")
                .matcher(lucia.get("/requests/new").body());
        assertThat(key.find()).isTrue();
        HttpResponse<String> invalid = lucia.postMulti("/requests", Map.of("idempotencyKey", key.group(1), "title", "",
                "description", "x", "format", "ELECTRONIC", "action", "submit", "agencies#0", "probation"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Hay un problema", "Escriba un título.").doesNotContain("Enter a title.");

        String number = lucia.fileRequest("Probation e-mails with ICE", "probation").getFirst();
        assertThat(lucia.get("/requests/" + number).body()).contains("La solicitud " + number + " se presentó y se envió a la agencia.",
                "Acusar recibo, conceder o denegar", "Solicitud presentada");
        MailServer.Received filed = portal.mail.awaitTo("lucia@example.org", 1);
        assertThat(filed.subject()).isEqualTo("Su solicitud " + number + " fue presentada");
        assertThat(filed.body()).contains("Hola:", "Su solicitud “Probation e-mails with ICE” fue presentada.", "Le escribiremos");
        MailServer.Received letter = portal.mail.awaitTo("foil@probation.nyc.gov", 1);
        assertThat(letter.subject()).as("the letter to the agency stays English").startsWith("FOIL request " + number);

        WebClient officer = portal.as("officer@probation.test");
        assertThat(officer.get("/agency/probation/requests/" + number).body()).contains("Act on this request", "Acknowledge");
        portal.clock.setNewYork("2026-03-04T11:00");
        assertThat(officer.postMulti("/agency/probation/requests/" + number + "/acknowledge",
                Map.of("date", "2026-03-20", "message", "We are searching the archive.")).statusCode()).isEqualTo(302);
        MailServer.Received ack = portal.mail.awaitTo("lucia@example.org", 2);
        assertThat(ack.subject()).isEqualTo(number + ": Department of Probation acusó recibo de su solicitud");
        assertThat(ack.body()).contains("Hola:", "We are searching the archive.",
                "La agencia prevé decidir a más tardar el viernes, 20 de marzo de 2026.", "Solicitud: Probation e-mails with ICE");

        assertThat(lucia.get("/requests/" + number).body()).contains("La agencia acusó recibo", "Conceder o denegar la solicitud.",
                "La fecha aproximada que dio la agencia al acusar recibo de la solicitud.");
        assertThat(lucia.get("/no-such-page").body()).contains("<h1>No encontrado</h1>", "No encontramos esa página.");
    }
}
