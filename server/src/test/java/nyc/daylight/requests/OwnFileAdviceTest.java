package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The immigration-file advice (issue #24): a request for one's own A-file sent to a city agency,
 * from the composer or the tracking form, comes back once with the federal places to ask and files
 * on the next press; the same text to a federal agency, and an ICE-communications request that
 * mentions an A-number in passing, file at once.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnFileAdviceTest {
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"");
    private static final String OWN = "I am requesting a complete copy of my A-file. My A-number is A123456789.";
    private TestDatabase db;
    private Portal portal;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"));
    }

    @AfterAll
    void stop() {
        portal.close();
    }

    private static Map<String, String> composer(WebClient web, String agency, String title, String text) throws Exception {
        Map<String, String> form = web.composerForm(title, text, agency);
        form.put("signAs", "PSEUDONYM");
        form.put("signatureName", "A Queens resident");
        return form;
    }

    private static Map<String, String> track(WebClient web, String agency, String channel, String title, String text) throws Exception {
        Matcher key = KEY.matcher(web.get("/requests/track").body());
        assertThat(key.find()).isTrue();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("idempotencyKey", key.group(1));
        f.put("agency", agency);
        f.put("channel", channel);
        f.put("trackingNumber", "");
        f.put("submittedOn", "2026-02-27");
        f.put("submittedTime", "14:00");
        f.put("title", title);
        f.put("sentText", text);
        return f;
    }

    @Test
    void the_composer_advises_once_and_files_on_the_next_press() throws Exception {
        People.requester(db.dsl(), "ana@example.org", "Ana");
        WebClient ana = portal.as("ana@example.org");
        int before = db.dsl().fetchCount(REQUESTS);
        Map<String, String> form = composer(ana, "probation", "My immigration file", OWN);
        HttpResponse<String> advised = ana.postMulti("/requests", form);
        assertThat(advised.statusCode()).isEqualTo(200);
        assertThat(advised.body()).contains("id=\"own-file\"", "https://first.uscis.gov/", "https://www.ice.gov/foia",
                "name=\"ownFileAdvised\" value=\"yes\"", "This is advice, not a block.");
        assertThat(db.dsl().fetchCount(REQUESTS)).isEqualTo(before);
        form.put("ownFileAdvised", "yes");
        assertThat(ana.postMulti("/requests", form).statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchCount(REQUESTS)).isEqualTo(before + 1);

        Map<String, String> ice = composer(ana, "probation", "Probation and ICE",
                "All e-mails between Probation and ICE in 2025, including any that list A-numbers such as A-123-456-789.");
        assertThat(ana.postMulti("/requests", ice).statusCode()).isEqualTo(302);
    }

    @Test
    void the_tracking_form_advises_for_a_city_agency_and_not_for_a_federal_one() throws Exception {
        People.requester(db.dsl(), "tomas@example.org", "Tomás");
        WebClient tomas = portal.as("tomas@example.org");
        tomas.header("Accept-Language", "es");
        Map<String, String> city = track(tomas, "doc", "OPENRECORDS", "mi expediente",
                "Quiero una copia de mi expediente de inmigración. Mi número A es A087654321.");
        HttpResponse<String> advised = tomas.post("/requests/track", city);
        assertThat(advised.statusCode()).isEqualTo(200);
        assertThat(advised.body()).contains("id=\"own-file\"");
        city.put("ownFileAdvised", "yes");
        assertThat(tomas.post("/requests/track", city).statusCode()).isEqualTo(302);

        Map<String, String> federal = track(tomas, "uscis", "FOIA_GOV", "My A-file", OWN);
        HttpResponse<String> filed = tomas.post("/requests/track", federal);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
    }
}
