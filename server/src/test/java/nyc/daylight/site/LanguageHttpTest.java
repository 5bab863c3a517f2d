package nyc.daylight.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import nyc.daylight.core.Formats;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The page language: ?lang= and its cookie, Accept-Language, and dates in the language. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageHttpTest {
    private static final String ENGLISH_H1 = "How, when and why do city agencies talk to ICE?";
    private static final String SPANISH_H1 = "¿Cómo, cuándo y por qué se comunican las agencias de la Ciudad con el ICE?";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private RunningApp app;

    @BeforeAll
    void start(TestDatabase db) {
        app = RunningApp.start(db.dataSource(), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET();
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void without_a_preference_pages_are_english() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<html lang=\"en\">", ENGLISH_H1, "<option value=\"es\" lang=\"es\">Español</option>");
    }

    @Test
    void accept_language_spanish_gives_spanish_pages() throws Exception {
        HttpResponse<String> r = get("/", "Accept-Language", "es-US,es;q=0.9,en;q=0.8");
        assertThat(r.body()).contains("<html lang=\"es\">", SPANISH_H1, "Presentar una solicitud").doesNotContain(ENGLISH_H1);
        assertThat(get("/requests", "Accept-Language", "es").body()).contains("<h1>Solicitudes</h1>");
        assertThat(get("/", "Accept-Language", "fr-FR,de;q=0.5").body()).contains("<html lang=\"en\"", ENGLISH_H1);
    }

    @Test
    void lang_parameter_sets_a_year_long_cookie_and_redirects_to_the_same_page_without_it() throws Exception {
        HttpResponse<String> r = get("/requests?q=ice&lang=es");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/requests?q=ice");
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("daylight_lang=")).findFirst().orElseThrow();
        assertThat(cookie).startsWith("daylight_lang=es;").contains("Max-Age=31536000").containsIgnoringCase("SameSite=Lax");
        assertThat(get("/", "Cookie", "daylight_lang=es").body()).contains("<html lang=\"es\"", SPANISH_H1);
    }

    @Test
    void the_cookie_wins_over_accept_language() throws Exception {
        assertThat(get("/", "Cookie", "daylight_lang=en", "Accept-Language", "es").body()).contains("<html lang=\"en\"", ENGLISH_H1);
        assertThat(get("/", "Cookie", "daylight_lang=es", "Accept-Language", "en-US").body()).contains("<html lang=\"es\"", SPANISH_H1);
    }

    @Test
    void an_unknown_language_is_ignored_safely() throws Exception {
        for (String bad : new String[] {"xx", "%22%3E%3Cscript%3E", "", "zh"}) {
            HttpResponse<String> r = get("/about?lang=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(bad).hasValue("/about");
            assertThat(r.headers().allValues("Set-Cookie")).as(bad).noneMatch(c -> c.startsWith("daylight_lang="));
        }
        assertThat(get("/", "Cookie", "daylight_lang=%22%3E%3Cx").body()).contains("<html lang=\"en\"", ENGLISH_H1);
    }

    @Test
    void dates_render_in_spanish() throws Exception {
        String es = get("/deadlines?agency=nypd&date=2026-03-09&time=10:00", "Accept-Language", "es").body();
        assertThat(es).contains("lunes, 9 de marzo de 2026").containsPattern("(lunes|martes|miércoles|jueves|viernes), \\d+ de (marzo|abril) de 2026");
        String en = get("/deadlines?agency=nypd&date=2026-03-09&time=10:00").body();
        assertThat(en).containsPattern("(Monday|Tuesday|Wednesday|Thursday|Friday), (March|April) \\d+, 2026");
    }

    @Test
    void formats_follow_the_language() {
        LocalDate d = LocalDate.of(2026, 3, 9);
        assertThat(new Formats(Locale.forLanguageTag("es")).day(d)).isEqualTo("lunes, 9 de marzo de 2026");
        assertThat(new Formats(Locale.ENGLISH).day(d)).isEqualTo("Monday, March 9, 2026");
        assertThat(new Formats().shortDay(d)).isEqualTo("Mar 9, 2026");
        assertThat(new Formats(Locale.forLanguageTag("es")).shortDay(d)).isEqualTo("9 mar 2026");
    }
}
