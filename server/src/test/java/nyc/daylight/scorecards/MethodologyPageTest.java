package nyc.daylight.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.testing.Pdfs;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The methodology is a page of the site, says what docs/scorecard-methodology.md says (same
 * headings, same version), and every link to it from a scorecard, the ranking or the brief lands
 * on an anchor that exists.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodologyPageTest {
    private static final Path DOC = Path.of("..", "docs", "scorecard-methodology.md");
    /** A link within the site to a fragment: href="/path?query#fragment". */
    private static final Pattern FRAGMENT_LINK = Pattern.compile("href=\"(/[^\"#]*)#([^\"]+)\"");
    private static final Pattern H2 = Pattern.compile("<h2 id=\"([^\"]+)\">([^<]+)</h2>");
    private RunningApp app;

    @BeforeAll
    void start(TestDatabase db) {
        app = RunningApp.start(db.dataSource(), Clock.fixed(Instant.parse("2026-06-15T16:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void every_link_to_the_methodology_from_scorecards_and_the_brief_reaches_its_anchor() throws Exception {
        WebClient web = new WebClient(app);
        for (String from : List.of("/scorecards", "/scorecards?period=year", "/scorecards/doc", "/scorecards/city",
                "/scorecards/ice", "/scorecards/doc/brief", "/scorecards/doc/brief?period=quarter")) {
            String page = web.get(from).body();
            assertThat(page).as(from + " links to how the grades are computed").contains("href=\"/methodology#grade\"");
            Matcher m = FRAGMENT_LINK.matcher(page);
            int followed = 0;
            while (m.find()) {
                String target = m.group(1).replace("&amp;", "&");
                var r = web.get(target);
                assertThat(r.statusCode()).as(from + " → " + target).isEqualTo(200);
                assertThat(r.body()).as(from + " → " + target + "#" + m.group(2)).contains("id=\"" + m.group(2) + "\"");
                followed++;
            }
            assertThat(followed).as(from).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void the_pdf_prints_the_address_of_an_anchor_that_exists() throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(app.baseUrl() + "/scorecards/doc/brief.pdf")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        String text = String.join(" ", Pdfs.pageTexts(r.body()));
        // The site's public address (localhost:0 in tests) followed by the page and its anchor.
        Matcher m = Pattern.compile("https?://[^/\\s]+(/methodology)#(\\w[\\w-]*)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        assertThat(new WebClient(app).get(m.group(1)).body()).contains("id=\"" + m.group(2) + "\"");
    }

    @Test
    void the_page_has_the_headings_and_the_version_of_the_docs() throws Exception {
        String doc = Files.readString(DOC);
        Matcher title = Pattern.compile("^# Scorecard methodology \\(version ([\\d.]+)\\)", Pattern.MULTILINE).matcher(doc);
        assertThat(title.find()).isTrue();
        assertThat(title.group(1)).as("docs/scorecard-methodology.md names the version the code computes").isEqualTo(RequestMetrics.VERSION);
        assertThat(doc).contains(RequestMetrics.VERSION + " (from ");

        String page = new WebClient(app).get("/methodology").body();
        assertThat(page).contains("<h1>Scorecard methodology</h1>", "Version " + RequestMetrics.VERSION + ".", "id=\"version\"");
        List<String> docHeadings = new ArrayList<>();
        Matcher h = Pattern.compile("^## (.+)$", Pattern.MULTILINE).matcher(doc);
        while (h.find()) docHeadings.add(h.group(1).strip());
        List<String> pageHeadings = new ArrayList<>();
        Matcher p = H2.matcher(page);
        while (p.find()) pageHeadings.add(p.group(2).strip());
        assertThat(pageHeadings).as("the page's sections, in the docs' order").containsExactlyElementsOf(docHeadings);
    }

    @Test
    void the_page_is_in_spanish_for_a_spanish_reader_and_escapes_what_it_shows() throws Exception {
        WebClient web = new WebClient(app).header("Accept-Language", "es");
        String page = web.get("/methodology").body();
        assertThat(page).contains("<html lang=\"es\"", "<h1>Metodología de las evaluaciones</h1>", "<h2 id=\"grade\">La calificación</h2>",
                "Versión " + RequestMetrics.VERSION + ".")
                .doesNotContain("Which requests count", "## ", "**");
        // Quotation marks in the bundles' sentences reach the page escaped, as every text does.
        assertThat(page).contains("&quot;demo&quot;");
    }
}
