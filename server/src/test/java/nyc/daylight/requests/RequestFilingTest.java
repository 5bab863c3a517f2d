package nyc.daylight.requests;

import static nyc.daylight.sql.jooq.Tables.FILINGS;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.REQUEST_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.accounts.AccountService;
import nyc.daylight.accounts.Passwords;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.notify.Mailer;
import nyc.daylight.testing.MailServer;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestFilingTest {
    private static final JsonMapper json = JsonMapper.builder().build();
    // Monday March 2, 2026, 10:00 in New York.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);
    private MailServer mail;
    private RunningApp app;
    private TestDatabase db;
    private int users;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        mail = new MailServer();
        app = RunningApp.start(db.dataSource(), CLOCK, mail.settings());
    }

    @AfterAll
    void stop() {
        app.close();
        mail.close();
    }

    /** A new requester who signed up and confirmed the address through the e-mailed link. */
    private WebClient requester(String name) throws Exception {
        String email = "requester" + (++users) + "@example.org";
        WebClient web = new WebClient(app);
        web.post("/signup", Map.of("email", email, "password", "a long passphrase", "displayName", name));
        assertThat(web.confirm(MailServer.link(mail.awaitTo(email, 1))).statusCode()).isEqualTo(302);
        return web;
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) throw new AssertionError("No hidden field " + name);
        return m.group(1);
    }

    private Map<String, String> form(String key, String title) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("idempotencyKey", key);
        f.put("title", title);
        f.put("description", "All e-mails between DOC staff and ICE about release dates, January 2025 to date.");
        f.put("recordsFrom", "2025-01-01");
        f.put("format", "ELECTRONIC");
        f.put("action", "submit");
        return f;
    }

    /** Posts the composer with several agencies (a form may repeat a field). */
    private HttpResponse<String> file(WebClient web, Map<String, String> fields, String... agencies) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        for (int i = 0; i < agencies.length; i++) all.put("agencies#" + i, agencies[i]);
        return web.postMulti("/requests", all);
    }

    private String newKey(WebClient web) throws Exception {
        return hidden(web.get("/requests/new").body(), "idempotencyKey");
    }

    @Test
    void filing_to_two_agencies_makes_two_public_requests_and_mails_each_agency_its_letter() throws Exception {
        WebClient web = requester("Rosa Advocate");
        HttpResponse<String> r = file(web, form(newKey(web), "DOC and NYPD communications with ICE"), "doc", "nypd");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/me#filing-"));

        List<String> numbers = db.dsl().select(REQUESTS.NUMBER).from(REQUESTS)
                .where(REQUESTS.TITLE.eq("DOC and NYPD communications with ICE")).orderBy(REQUESTS.ID).fetch(REQUESTS.NUMBER);
        assertThat(numbers).hasSize(2).allMatch(n -> n.matches("DL-2026-\\d{6}"));
        assertThat(db.dsl().fetchCount(REQUEST_EVENTS, REQUEST_EVENTS.TYPE.eq("SUBMITTED")
                .and(REQUEST_EVENTS.REQUEST_ID.in(db.dsl().select(REQUESTS.ID).from(REQUESTS).where(REQUESTS.NUMBER.in(numbers))))))
                .isEqualTo(2);

        MailServer.Received toDoc = mail.awaitTo("foil@doc.nyc.gov", 1);
        assertThat(toDoc.subject()).isEqualTo("FOIL request " + numbers.get(0) + ": DOC and NYPD communications with ICE");
        assertThat(toDoc.body()).contains("Dear Records Access Officer:", "Public Officers Law §87", "within five business days",
                "All e-mails between DOC staff and ICE", "from 2025-01-01", "Rosa Advocate", numbers.get(0));
        MailServer.Received toNypd = mail.awaitTo("foil@nypd.org", 1);
        assertThat(toNypd.body()).contains("One Police Plaza", numbers.get(1));

        // Received Monday March 2 at 10:00: acknowledgment due Monday March 9.
        String listing = web.get("/requests").body();
        assertThat(listing).contains(numbers.get(0), numbers.get(1), "Department of Correction", "Police Department", "Mar 9, 2026");
        String page = new WebClient(app).get("/requests/" + numbers.get(0)).body();
        assertThat(page).contains("<h1>DOC and NYPD communications with ICE</h1>", "Monday, March 9, 2026",
                "due in 5 business days", "Request submitted", "The letter as sent");
        assertThat(web.get("/me").body()).contains("DOC and NYPD communications with ICE", numbers.get(0), numbers.get(1));
    }

    @Test
    void submitting_the_same_form_twice_files_once() throws Exception {
        WebClient web = requester("Twice");
        String key = newKey(web);
        HttpResponse<String> first = file(web, form(key, "Double click filing"), "probation", "acs");
        HttpResponse<String> second = file(web, form(key, "Double click filing"), "probation", "acs");
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(db.dsl().fetchCount(REQUESTS, REQUESTS.TITLE.eq("Double click filing"))).isEqualTo(2);
        assertThat(db.dsl().fetchCount(FILINGS, FILINGS.IDEMPOTENCY_KEY.eq(key))).isEqualTo(1);
        mail.awaitTo("foil@probation.nyc.gov", 1);
        mail.awaitTo("foil@acs.nyc.gov", 1);
        assertThat(mail.all()).filteredOn(m -> m.subject().contains("Double click filing")).hasSize(2);
    }

    @Test
    void the_composer_explains_each_mistake_and_keeps_what_was_typed() throws Exception {
        WebClient web = requester("Careful");
        Map<String, String> f = form(newKey(web), "<script>alert('x')</script> title");
        HttpResponse<String> none = file(web, f);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Choose at least one agency.", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; title")
                .doesNotContain("<script>alert");

        assertThat(file(web, f, "atlantis").body()).contains("There is no agency named &#39;atlantis&#39;.");
        Map<String, String> backwards = new HashMap<>(f);
        backwards.put("recordsFrom", "2025-06-01");
        backwards.put("recordsTo", "2025-01-01");
        assertThat(file(web, backwards, "doc").body()).contains("The end of the period must not be before its start.");
        Map<String, String> impossible = new HashMap<>(f);
        impossible.put("recordsFrom", "2025-02-30");
        assertThat(file(web, impossible, "doc").body()).contains("Enter a real date as YYYY-MM-DD.");
        Map<String, String> longTitle = new HashMap<>(f);
        longTitle.put("title", "x".repeat(301));
        assertThat(file(web, longTitle, "doc").body()).contains("Keep a title under 300 characters.");
        assertThat(db.dsl().fetchCount(REQUESTS, REQUESTS.TITLE.eq("<script>alert('x')</script> title"))).isZero();
    }

    @Test
    void a_script_in_a_filed_request_is_shown_as_text() throws Exception {
        WebClient web = requester("Scripted");
        Map<String, String> f = form(newKey(web), "Records <img src=x onerror=alert(1)>");
        f.put("description", "Describe <script>document.cookie</script> records in detail please.");
        file(web, f, "doi");
        String number = db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.TITLE.eq("Records <img src=x onerror=alert(1)>"));
        String page = new WebClient(app).get("/requests/" + number).body();
        assertThat(page).doesNotContain("<img src=x", "<script>document.cookie")
                .contains("Records &lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;document.cookie&lt;/script&gt;");
    }

    @Test
    void the_public_never_sees_the_requesters_email_and_sees_the_name_only_if_chosen() throws Exception {
        WebClient web = requester("Private Person");
        file(web, form(newKey(web), "Name kept private"), "law");
        String number = db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.TITLE.eq("Name kept private"));
        String page = new WebClient(app).get("/requests/" + number).body();
        String api = new WebClient(app).get("/api/v1/requests/" + number).body();
        assertThat(page).doesNotContain("@example.org", "Private Person").contains("[name withheld at the requester&#39;s choice]");
        assertThat(api).doesNotContain("@example.org", "Private Person");

        WebClient proud = requester("Public Person");
        Map<String, String> f = form(newKey(proud), "Name shown");
        f.put("showName", "yes");
        file(proud, f, "law");
        String shown = db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.TITLE.eq("Name shown"));
        assertThat(new WebClient(app).get("/requests/" + shown).body()).contains("Requested by", "Public Person").doesNotContain("@example.org");
    }

    @Test
    void a_hidden_request_and_someone_elses_draft_are_404_to_others() throws Exception {
        WebClient owner = requester("Owner");
        file(owner, form(newKey(owner), "Sensitive family case"), "acs");
        String number = db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.TITLE.eq("Sensitive family case"));
        AccountService accounts = new AccountService(db.dsl(), new Passwords(), new Mailer(() -> { }), new AgencyService(db.dsl()), "x");
        accounts.createAdmin("safety-admin@example.org", "admin passphrase");
        WebClient admin = new WebClient(app);
        admin.signIn("safety-admin@example.org", "admin passphrase");
        assertThat(admin.post("/requests/" + number + "/hide", Map.of("reason", "Names a child")).statusCode()).isEqualTo(302);

        assertThat(new WebClient(app).get("/requests/" + number).statusCode()).isEqualTo(404);
        assertThat(new WebClient(app).get("/api/v1/requests/" + number).statusCode()).isEqualTo(404);
        assertThat(new WebClient(app).get("/requests").body()).doesNotContain(number);
        assertThat(owner.get("/requests/" + number).body()).contains("Hidden from the public");
        WebClient stranger = requester("Stranger");
        assertThat(stranger.get("/requests/" + number).statusCode()).isEqualTo(404);

        Map<String, String> draft = form(newKey(owner), "My private draft");
        draft.put("action", "draft");
        owner.postMulti("/requests", draft);
        String me = owner.get("/me").body();
        Matcher m = Pattern.compile("/requests/new\\?draft=(\\d+)").matcher(me);
        assertThat(m.find()).isTrue();
        assertThat(owner.get("/requests/new?draft=" + m.group(1)).body()).contains("My private draft");
        assertThat(stranger.get("/requests/new?draft=" + m.group(1)).statusCode()).isEqualTo(404);
        assertThat(stranger.post("/requests/" + number + "/withdraw", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void withdrawing_asks_first_then_closes_the_request_and_tells_the_agency() throws Exception {
        WebClient web = requester("Changed Mind");
        file(web, form(newKey(web), "Withdraw me"), "oti");
        String number = db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.TITLE.eq("Withdraw me"));
        assertThat(web.get("/requests/" + number + "/withdraw").body()).contains("Withdraw this request?", "cannot be undone");
        assertThat(web.post("/requests/" + number + "/withdraw", Map.of()).statusCode()).isEqualTo(302);
        assertThat(web.get("/requests/" + number).body()).contains("Withdrawn", "Withdrawn by the requester");
        assertThat(db.dsl().fetchValue(REQUESTS.STATUS, REQUESTS.NUMBER.eq(number))).isEqualTo("WITHDRAWN");
        assertThat(mail.awaitTo("foil@oti.nyc.gov", 2).subject()).isEqualTo("Request " + number + " withdrawn");
        assertThat(web.post("/requests/" + number + "/withdraw", Map.of()).statusCode()).as("only once").isEqualTo(400);
    }

    @Test
    void correspondence_reported_by_the_requester_joins_the_timeline_and_its_file_stays_private() throws Exception {
        WebClient web = requester("Reporter");
        file(web, form(newKey(web), "Answered by post"), "hhc");
        String number = db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.TITLE.eq("Answered by post"));
        byte[] pdf = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> r = web.postFile("/requests/" + number + "/correspondence",
                Map.of("correspondence", "Letter of March 5: your request is acknowledged."), "attachment", "..\\..\\letter.txt", pdf);
        assertThat(r.statusCode()).isEqualTo(302);

        String mine = web.get("/requests/" + number).body();
        assertThat(mine).contains("Correspondence reported by the requester", "Letter of March 5", "letter.txt",
                "application/pdf", "private until reviewed");
        Matcher link = Pattern.compile("/requests/" + number + "/attachments/(\\d+)").matcher(mine);
        assertThat(link.find()).isTrue();
        HttpResponse<String> download = web.get(link.group());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(t -> assertThat(t).contains("attachment"));

        String publicPage = new WebClient(app).get("/requests/" + number).body();
        assertThat(publicPage).contains("Letter of March 5").doesNotContain("letter.txt");
        assertThat(new WebClient(app).get(link.group()).statusCode()).isEqualTo(404);
        assertThat(requester("Other").get(link.group()).statusCode()).isEqualTo(404);

        assertThat(web.post("/requests/" + number + "/correspondence", Map.of("correspondence", " ")).headers()
                .firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("#correspondence"));
        assertThat(web.get("/requests/" + number).body()).contains("Paste the text of the agency");
    }

    @Test
    void an_oversized_attachment_is_refused_with_a_clear_message_and_nothing_is_added() throws Exception {
        WebClient web = requester("Big Files");
        file(web, form(newKey(web), "Huge answer"), "nycem");
        String number = db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.TITLE.eq("Huge answer"));
        web.postFile("/requests/" + number + "/correspondence", Map.of("correspondence", "Too big"), "attachment",
                "big.bin", new byte[20 * 1024 * 1024 + 1]);
        String page = web.get("/requests/" + number).body();
        assertThat(page).contains("Attach a file of at most 20 MB.").doesNotContain("Too big");
    }

    @Test
    void a_person_can_file_at_most_30_times_a_day() throws Exception {
        WebClient web = requester("Busy");
        long id = db.dsl().fetchValue(nyc.daylight.sql.jooq.Tables.USERS.ID, nyc.daylight.sql.jooq.Tables.USERS.DISPLAY_NAME.eq("Busy"));
        for (int i = 0; i < 30; i++) {
            db.dsl().insertInto(FILINGS).set(FILINGS.REQUESTER_ID, id).set(FILINGS.IDEMPOTENCY_KEY, "busy-key-" + i + "-padding-000")
                    .set(FILINGS.CREATED_AT, java.time.OffsetDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC).minusHours(1)).execute();
        }
        HttpResponse<String> r = file(web, form(newKey(web), "One too many"), "doc");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).contains("30 requests in the last 24 hours");
        assertThat(db.dsl().fetchCount(REQUESTS, REQUESTS.TITLE.eq("One too many"))).isZero();
    }

    @Test
    void filing_without_the_csrf_token_is_refused() throws Exception {
        WebClient web = requester("Forged");
        Map<String, String> f = form(newKey(web), "Forged filing");
        f.put("agencies", "doc");
        assertThat(web.postRaw("/requests", f).statusCode()).isEqualTo(403);
        assertThat(db.dsl().fetchCount(REQUESTS, REQUESTS.TITLE.eq("Forged filing"))).isZero();
    }

    @Test
    void the_read_api_lists_and_shows_requests_with_their_deadlines() throws Exception {
        WebClient web = requester("Api User");
        file(web, form(newKey(web), "API visible request"), "ice");
        String number = db.dsl().fetchValue(REQUESTS.NUMBER, REQUESTS.TITLE.eq("API visible request"));
        JsonNode list = json.readTree(new WebClient(app).get("/api/v1/requests?agency=ice").body());
        assertThat(list.get("items").findValuesAsString("number")).contains(number);
        JsonNode one = json.readTree(new WebClient(app).get("/api/v1/requests/" + number).body());
        assertThat(one.get("agency").get("regime").asString()).isEqualTo("FEDERAL_FOIA");
        assertThat(one.get("status").asString()).isEqualTo("ON_TIME");
        // Federal: 20 working days after March 2 is March 30.
        assertThat(one.get("deadlines").get(0).get("due").asString()).isEqualTo("2026-03-30");
        HttpResponse<String> bad = new WebClient(app).get("/api/v1/requests?status=SOMEDAY");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).at("/error/field").asString()).isEqualTo("status");
        assertThat(new WebClient(app).get("/api/v1/requests/DL-1999-000000").statusCode()).isEqualTo(404);
    }

    @Test
    void the_public_list_filters_searches_and_pages() throws Exception {
        WebClient web = requester("Prolific");
        for (int i = 0; i < 3; i++) file(web, form(newKey(web), "Searchable filing number " + i), "mayor");
        String found = new WebClient(app).get("/requests?q=searchable+filing&agency=mayor").body();
        assertThat(found).contains("Searchable filing number 0", "Searchable filing number 2", "3 requests");
        assertThat(new WebClient(app).get("/requests?q=no+such+words+anywhere").body()).contains("No requests match these filters.");
        assertThat(new WebClient(app).get("/requests?cursor=abc").statusCode()).isEqualTo(400);
        assertThat(new WebClient(app).get("/requests?status=ON_TIME&agency=mayor").body()).contains("Searchable filing number 1");
        JsonNode first = json.readTree(new WebClient(app).get("/api/v1/requests?agency=mayor&q=searchable").body());
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("next").isNull()).as("one page of 50 holds all three").isTrue();
        assertThat(first.get("prev").isNull()).isTrue();
        JsonNode paged = json.readTree(new WebClient(app).get("/api/v1/requests?agency=mayor&q=searchable&limit=2").body());
        assertThat(paged.get("items")).hasSize(2);
        assertThat(paged.get("next").asString()).startsWith("/api/v1/requests?agency=mayor&q=searchable&limit=2&cursor=");
        JsonNode second = json.readTree(new WebClient(app).get(paged.get("next").asString()).body());
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("title").asString()).isEqualTo("Searchable filing number 0");
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(second.get("prev").asString()).contains("cursor=");
    }
}
