package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.INBOUND_MESSAGES;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.inbound.InboundSettings;
import nyc.daylight.notify.ReplyAddress;
import nyc.daylight.testing.AgencyMailer;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.MutableClock;
import nyc.daylight.testing.People;
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
 * Requests filed elsewhere (issue #24): what the form refuses and why, deadlines counted from the
 * receipt the requester records, the agency's number found by the list's and the queue's search,
 * the city/federal pair with both clocks on one page, and the integrity rule for notices the
 * requester forwards from their own address.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackedRequestsTest {
    private static final String DOMAIN = "reply.daylight.test";
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]*)\"");
    private TestDatabase db;
    private MutableClock clock;
    private MailServer mail;
    private RunningApp app;
    private int smtpPort;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
        mail = new MailServer();
        smtpPort = AgencyMailer.freePort();
        app = RunningApp.start(db.dataSource(), clock, mail.settings().withInbound(
                InboundSettings.disabled(DOMAIN).withSmtp("127.0.0.1", smtpPort).withMaxMessageBytes(200_000)
                        .withTrustedRelay("mx.daylight.test")));
    }

    @AfterAll
    void stop() {
        app.close();
        mail.close();
    }

    private WebClient as(String email) throws Exception {
        WebClient web = new WebClient(app);
        web.signIn(email, People.PASSWORD);
        return web;
    }

    private static Map<String, String> form(String agency, String channel, String number, String on, String at, String title,
                                            String text) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("agency", agency);
        f.put("channel", channel);
        f.put("trackingNumber", number);
        f.put("submittedOn", on);
        f.put("submittedTime", at);
        f.put("title", title);
        f.put("sentText", text);
        return f;
    }

    private HttpResponse<String> track(WebClient web, Map<String, String> fields) throws Exception {
        Matcher key = KEY.matcher(web.get("/requests/track").body());
        assertThat(key.find()).isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("idempotencyKey", key.group(1));
        return web.post("/requests/track", all);
    }

    private String tracked(WebClient web, Map<String, String> fields) throws Exception {
        HttpResponse<String> r = track(web, fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow().substring("/requests/".length());
    }

    private int requests() {
        return db.dsl().fetchCount(REQUESTS);
    }

    @Test
    void the_form_refuses_what_cannot_be_a_receipt_with_a_clear_reason_and_stores_nothing() throws Exception {
        clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "val@example.org", "Val");
        WebClient val = as("val@example.org");
        int before = requests();
        Map<String, String> ok = form("doc", "OPENRECORDS", "FOIL-2026-072-00001", "2026-02-27", "14:00",
                "DOC communications with ICE", "All e-mails between DOC and ICE about release dates.");

        Map<String, String> future = new LinkedHashMap<>(ok);
        future.put("submittedOn", "2026-03-03");
        assertThat(track(val, future)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("The submission cannot be in the future.");
        });
        Map<String, String> laterToday = new LinkedHashMap<>(ok);
        laterToday.put("submittedOn", "2026-03-02");
        laterToday.put("submittedTime", "16:00");
        assertThat(track(val, laterToday).body()).contains("The submission cannot be in the future.");
        Map<String, String> noDay = new LinkedHashMap<>(ok);
        noDay.put("submittedOn", "");
        assertThat(track(val, noDay).body()).contains("Enter the day you submitted the request.");
        Map<String, String> badDay = new LinkedHashMap<>(ok);
        badDay.put("submittedOn", "27/02/2026");
        assertThat(track(val, badDay).body()).contains("Enter a real date as YYYY-MM-DD.");
        Map<String, String> badTime = new LinkedHashMap<>(ok);
        badTime.put("submittedTime", "2pm");
        assertThat(track(val, badTime).body()).contains("Enter the time as HH:MM");
        Map<String, String> shape = new LinkedHashMap<>(ok);
        shape.put("trackingNumber", "FOIL-2026-72-1");
        assertThat(track(val, shape).body()).contains("NYC OpenRecords numbers look like FOIL-2026-056-01234");
        Map<String, String> tooLong = new LinkedHashMap<>(ok);
        tooLong.put("trackingNumber", "X".repeat(81));
        assertThat(track(val, tooLong).body()).contains("at most 80 characters");
        Map<String, String> odd = new LinkedHashMap<>(ok);
        odd.put("trackingNumber", "<script>");
        assertThat(track(val, odd).body()).contains("Use letters, digits");
        Map<String, String> noCopy = new LinkedHashMap<>(ok);
        noCopy.put("sentText", " ");
        assertThat(track(val, noCopy).body()).contains("Paste what you sent, or attach a copy of it.");
        Map<String, String> wrongChannel = new LinkedHashMap<>(ok);
        wrongChannel.put("agency", "ice");
        assertThat(track(val, wrongChannel).body()).contains("That channel does not serve this agency");
        Map<String, String> noChannel = new LinkedHashMap<>(ok);
        noChannel.put("channel", "CARRIER_PIGEON");
        assertThat(track(val, noChannel).body()).contains("Choose how you filed the request.");
        assertThat(requests()).isEqualTo(before);

        // Spanish readers get the same refusal in Spanish.
        WebClient es = as("val@example.org").header("Accept-Language", "es");
        assertThat(track(es, future).body()).contains("La presentación no puede estar en el futuro.");

        // Free text is an agency number too (NYPD's portal has its own scheme); the same number twice is caught.
        Map<String, String> free = new LinkedHashMap<>(ok);
        free.put("agency", "nypd");
        free.put("channel", "AGENCY_PORTAL");
        free.put("trackingNumber", "  2026-PL-7731 ");
        String number = tracked(val, free);
        assertThat(db.dsl().fetchValue(REQUESTS.EXTERNAL_NUMBER, REQUESTS.NUMBER.eq(number))).isEqualTo("2026-PL-7731");
        assertThat(track(val, free).body()).contains("You already track this agency number as request " + number);
        // Signed out, the form is not offered.
        assertThat(new WebClient(app).get("/requests/track").statusCode()).isNotEqualTo(200);
    }

    @Test
    void deadlines_run_from_the_recorded_receipt_and_the_request_is_listed_and_searchable_with_its_channel() throws Exception {
        clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "ana@example.org", "Ana Advocate");
        People.officer(db.dsl(), "officer@acs.nyc.gov", "acs", false);
        WebClient ana = as("ana@example.org");
        // Friday evening, after the agency's 5 p.m. close: received Monday the 23rd; five business days end Monday March 2.
        String number = tracked(ana, form("acs", "OPENRECORDS", "foil-2026-068-04321", "2026-02-20", "18:30",
                "ACS communications with ICE about families", "All communications between ACS and ICE since January 2025."));

        var first = db.dsl().select(REQUEST_EVENTS.TYPE, REQUEST_EVENTS.OCCURRED_AT).from(REQUEST_EVENTS).join(REQUESTS)
                .on(REQUESTS.ID.eq(REQUEST_EVENTS.REQUEST_ID)).where(REQUESTS.NUMBER.eq(number)).orderBy(REQUEST_EVENTS.SEQ).fetch();
        assertThat(first).hasSize(1);
        assertThat(first.getFirst().value1()).isEqualTo("SUBMITTED");
        assertThat(first.getFirst().value2().toInstant()).isEqualTo(OffsetDateTime.parse("2026-02-20T18:30-05:00").toInstant());
        assertThat(db.dsl().fetchValue(REQUESTS.NEXT_DUE, REQUESTS.NUMBER.eq(number))).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(db.dsl().fetchValue(REQUESTS.CHANNEL, REQUESTS.NUMBER.eq(number))).isEqualTo("OPENRECORDS");
        // The portal's own prefix is kept in its case.
        assertThat(db.dsl().fetchValue(REQUESTS.EXTERNAL_NUMBER, REQUESTS.NUMBER.eq(number))).isEqualTo("FOIL-2026-068-04321");

        // A day later, nothing from the agency: the five days are missed, a constructive denial like any request's.
        clock.setNewYork("2026-03-03T10:00");
        String page = new WebClient(app).get("/requests/" + number).body();
        assertThat(page).contains("NYC OpenRecords", "agency number FOIL-2026-068-04321", "data-testid=\"status\">Constructively denied",
                "All communications between ACS and ICE since January 2025.");

        // Found by the agency's number (whole or in part) and by Daylight's, with its channel in the list.
        for (String q : List.of("FOIL-2026-068-04321", "068-04321", number.toLowerCase())) {
            String list = new WebClient(app).get("/requests?q=" + q).body();
            assertThat(list).as(q).contains(number, "data-testid=\"channel\">NYC OpenRecords");
        }
        assertThat(new WebClient(app).get("/requests?q=FOIL-2026-068-09999").body()).doesNotContain(number);
        assertThat(ana.get("/me").body()).contains(number, "NYC OpenRecords", "agency number FOIL-2026-068-04321");

        // The agency's officer finds it in the queue by the same number, marked with its channel.
        WebClient officer = as("officer@acs.nyc.gov");
        assertThat(officer.get("/agency/acs/queue?q=068-04321").body()).contains(number, "NYC OpenRecords", "agency number FOIL-2026-068-04321");
        assertThat(officer.get("/agency/acs/queue?q=nothing-like-it").body()).doesNotContain(number);

        // The scorecard's source filter tells requests filed elsewhere from those Daylight sent.
        String period = "/scorecards/acs?period=custom&from=2026-01-01&to=2026-03-03&source=";
        assertThat(new WebClient(app).get(period + "elsewhere").body()).contains("data-testid=\"received\">1<");
        assertThat(new WebClient(app).get(period + "portal").body()).contains("data-testid=\"received\">0<");
        assertThat(new WebClient(app).get(period + "somewhere").statusCode()).isEqualTo(400);
    }

    @Test
    void a_city_request_is_paired_with_its_federal_twin_and_both_clocks_show_on_each_page() throws Exception {
        clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "pat@example.org", "Pat");
        People.requester(db.dsl(), "stranger@example.org", "Stranger");
        WebClient pat = as("pat@example.org");
        String city = pat.fileRequest("DSS communications with ICE about shelters", "dss").getFirst();
        // Before pairing, the city request's page drafts the federal letter and links to FOIA.gov.
        String before = pat.get("/requests/" + city).body();
        assertThat(before).contains("data-testid=\"also-ask-ice\"", "Under the Freedom of Information Act, 5 U.S.C. § 552",
                "https://www.foia.gov/", "/requests/track?pair=" + city + "&amp;agency=ice&amp;channel=FOIA_GOV");
        assertThat(new WebClient(app).get("/requests/" + city).body()).doesNotContain("also-ask-ice");

        Map<String, String> federal = form("ice", "FOIA_GOV", "2026-ICFO-10001", "2026-03-02", "09:00",
                "ICE communications with NYC DSS about shelters", "All communications between ICE and NYC DSS about shelters.");
        // Only one's own request on the other side can be paired.
        Map<String, String> sameSide = new LinkedHashMap<>(federal);
        sameSide.put("agency", "doc");
        sameSide.put("channel", "EMAIL");
        sameSide.put("pairWith", city);
        assertThat(track(pat, sameSide).body()).contains("A pair is a city FOIL request and a federal FOIA request");
        Map<String, String> notMine = new LinkedHashMap<>(federal);
        notMine.put("pairWith", city);
        assertThat(track(as("stranger@example.org"), notMine).body()).contains("You have no request " + city);

        String ice = tracked(pat, notMine);
        // FOIA: 20 working days from receipt on the federal calendar (no Lincoln's Birthday, no Election Day): March 30.
        assertThat(db.dsl().fetchValue(REQUESTS.NEXT_DUE, REQUESTS.NUMBER.eq(ice))).isEqualTo(LocalDate.of(2026, 3, 30));
        for (String n : List.of(city, ice)) {
            String page = new WebClient(app).get("/requests/" + n).body();
            assertThat(page).as(n).contains("data-testid=\"paired\"", "data-testid=\"clock-" + city + "\"", "data-testid=\"clock-" + ice + "\"",
                    "U.S. Immigration and Customs Enforcement", "agency number 2026-ICFO-10001", "FOIA.gov or the DHS FOIA portal");
        }
        assertThat(pat.get("/requests/" + city).body()).doesNotContain("data-testid=\"also-ask-ice\"");
        // A request already paired cannot be paired again.
        Map<String, String> again = new LinkedHashMap<>(federal);
        again.put("agency", "cbp");
        again.put("trackingNumber", "CBP-2026-1");
        again.put("pairWith", city);
        assertThat(track(pat, again).body()).contains("is already paired with another request");
        // CBP and USCIS are federal agencies on the FOIA rule.
        assertThat(new WebClient(app).get("/agencies/uscis").body()).contains("U.S. Citizenship and Immigration Services");
    }

    @Test
    void a_denial_forwarded_from_the_requesters_own_address_is_never_recorded_on_their_word_alone() throws Exception {
        clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "fwd@example.org", "Fay Forwarder");
        People.admin(db.dsl(), "admin@daylight.test");
        WebClient fay = as("fwd@example.org");
        String number = tracked(fay, form("hhc", "OPENRECORDS", "FOIL-2026-069-00777", "2026-03-02", "09:30",
                "H+H communications with ICE", "All communications between H+H and ICE since 2025."));
        var r = db.dsl().select(REQUESTS.REPLY_TOKEN).from(REQUESTS).where(REQUESTS.NUMBER.eq(number)).fetchOne();
        String replyTo = new ReplyAddress(number, r.value1()).at(DOMAIN);
        assertThat(fay.get("/requests/" + number).body()).contains(replyTo);

        clock.setNewYork("2026-03-04T11:00");
        String denial = """
                ---------- Forwarded message ---------
                From: NYC OpenRecords <noreply@records.nyc.gov>
                Subject: [NYC OpenRecords] Request FOIL-2026-069-00777 Denied

                Your request FOIL-2026-069-00777 has been denied for the following reason(s):

                Disclosure would constitute an unwarranted invasion of personal privacy under Public Officers Law § 87(2)(b).

                Please visit FOIL-2026-069-00777 to view additional information and take any necessary actions.

                Thank you,
                NYC OpenRecords
                https://a860-openrecords.nyc.gov/request/view/FOIL-2026-069-00777
                """;
        new AgencyMailer(smtpPort).send("Fay Forwarder <fwd@example.org>", replyTo, "Fwd: [NYC OpenRecords] Request FOIL-2026-069-00777 Denied",
                denial, "<fwd-deny@example.org>", clock.instant(), Map.of(), AgencyMailer.relayPassed("fwd@example.org"));
        long id = db.dsl().select(INBOUND_MESSAGES.ID).from(INBOUND_MESSAGES)
                .where(INBOUND_MESSAGES.DEDUP_KEY.startsWith("mid:<fwd-deny@example.org>|")).fetchOne(INBOUND_MESSAGES.ID);
        assertThat(db.dsl().fetchValue(INBOUND_MESSAGES.SUGGESTION, INBOUND_MESSAGES.ID.eq(id)).data()).contains("\"type\": \"DENIED\"");

        // The requester alone cannot write the agency's denial into the ledger.
        HttpResponse<String> refused = fay.post("/requests/" + number + "/replies/" + id + "/confirm",
                Map.of("type", "DENIED", "exemptions", "87(2)(b)"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Only the agency&#39;s officer or an administrator can record it");
        assertThat(fay.post("/requests/" + number + "/replies/" + id + "/confirm", Map.of("type", "RECORDS_RELEASED")).statusCode())
                .isEqualTo(400);
        assertThat(events(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED");

        // An administrator can, and then it is the agency's denial.
        HttpResponse<String> byAdmin = as("admin@daylight.test").post("/requests/" + number + "/replies/" + id + "/confirm",
                Map.of("type", "DENIED", "exemptions", "87(2)(b)", "reason", "Disclosure would invade personal privacy."));
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(302);
        assertThat(events(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED", "DENIED");
    }

    @Test
    void an_acknowledgment_the_requester_forwards_is_theirs_to_confirm_and_marked_reported_by_them() throws Exception {
        clock.setNewYork("2026-03-02T10:00");
        People.requester(db.dsl(), "gus@example.org", "Gus");
        WebClient gus = as("gus@example.org");
        String number = tracked(gus, form("doe", "OPENRECORDS", "FOIL-2026-040-00042", "2026-03-02", "09:30",
                "DOE communications with ICE", "All communications between DOE and ICE since 2025."));
        String token = db.dsl().fetchValue(REQUESTS.REPLY_TOKEN, REQUESTS.NUMBER.eq(number));
        clock.setNewYork("2026-03-05T11:00");
        String ack = """
                Your request FOIL-2026-040-00042 has been acknowledged by the Department of Education. You can expect a response on or about Friday, April 3, 2026.

                Please visit FOIL-2026-040-00042 to view additional information and take any necessary actions.

                Thank you,
                NYC OpenRecords
                https://a860-openrecords.nyc.gov/request/view/FOIL-2026-040-00042
                """;
        new AgencyMailer(smtpPort).send("gus@example.org", new ReplyAddress(number, token).at(DOMAIN),
                "Fwd: [NYC OpenRecords] Request FOIL-2026-040-00042 Acknowledged", ack, "<fwd-ack@example.org>", clock.instant(),
                Map.of(), AgencyMailer.relayPassed("gus@example.org"));
        long id = db.dsl().select(INBOUND_MESSAGES.ID).from(INBOUND_MESSAGES)
                .where(INBOUND_MESSAGES.DEDUP_KEY.startsWith("mid:<fwd-ack@example.org>|")).fetchOne(INBOUND_MESSAGES.ID);
        HttpResponse<String> ok = gus.post("/requests/" + number + "/replies/" + id + "/confirm",
                Map.of("type", "ACKNOWLEDGED", "date", "2026-04-03", "reason", "The agency is searching several offices."));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        assertThat(events(number)).containsExactly("SUBMITTED", "EMAIL_RECEIVED", "ACKNOWLEDGED");
        assertThat(new WebClient(app).get("/requests/" + number).body()).contains("Reported by the requester");
        assertThat(db.dsl().fetchValue(REQUEST_EVENTS.DATA, REQUEST_EVENTS.TYPE.eq("ACKNOWLEDGED")
                .and(REQUEST_EVENTS.REQUEST_ID.eq(db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.eq(number))))).data())
                .contains("\"reportedBy\": \"requester\"");
    }

    private List<String> events(String number) {
        return db.dsl().select(REQUEST_EVENTS.TYPE).from(REQUEST_EVENTS).join(REQUESTS).on(REQUESTS.ID.eq(REQUEST_EVENTS.REQUEST_ID))
                .where(REQUESTS.NUMBER.eq(number)).orderBy(REQUEST_EVENTS.SEQ).fetch(REQUEST_EVENTS.TYPE);
    }
}
