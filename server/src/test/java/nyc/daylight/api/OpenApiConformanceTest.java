package nyc.daylight.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nyc.daylight.testing.ApiClient;
import nyc.daylight.testing.People;
import nyc.daylight.testing.Portal;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import nyc.daylight.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation the OpenAPI document describes is called against a portal with real data, for
 * its answers and its errors, and every JSON body must validate against the schema the document
 * gives for that status (or its default). Together with {@link OpenApiTest} (every route is
 * described), the document cannot drift from the API without a test failing.
 */
@ExtendWith(PostgresExtension.class)
class OpenApiConformanceTest {
    private static final String DOCUMENT = "classpath:daylight/web/api/openapi.json";
    private final JsonMapper json = JsonMapper.builder().build();
    // The OpenAPI 3.0 dialect: JSON Schema draft 4 plus nullable, example and the other OpenAPI keywords.
    private final SchemaRegistry schemas = SchemaRegistry.withDialect(Dialects.getOpenApi30());
    private JsonNode spec;
    private final Set<String> called = new LinkedHashSet<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void every_described_operation_answers_as_its_schemas_say(TestDatabase db) throws Exception {
        try (Portal portal = new Portal(db, Instant.parse("2026-03-02T15:00:00Z"))) {
            spec = json.readTree(portal.app.get("/api/v1/openapi.json").body());
            People.requester(db.dsl(), "ana@example.org", "Ana Requester");
            People.officer(db.dsl(), "rao@doc.test", "doc", true);
            People.officer(db.dsl(), "rao@nypd.test", "nypd", true);
            WebClient ana = portal.as("ana@example.org");
            WebClient rao = portal.as("rao@doc.test");
            String number = ana.fileRequest("DOC and ICE: release-date notices", "doc").getFirst();
            rao.postFile("/agency/doc/requests/" + number + "/release", Map.of(), "files", "liaison.txt",
                    "Minutes of the ICE liaison meeting about detainer requests.".getBytes(StandardCharsets.UTF_8));
            ApiClient anonymous = new ApiClient(portal.app, null);
            ApiClient anaWrites = new ApiClient(portal.app, ana.createToken("conformance", "write"));
            ApiClient anaReads = new ApiClient(portal.app, ana.createToken("conformance read", "read"));
            ApiClient docOfficer = new ApiClient(portal.app, rao.createToken("doc case system", "write"));
            ApiClient nypdOfficer = new ApiClient(portal.app, portal.as("rao@nypd.test").createToken("nypd", "write"));

            check("GET", "/api/v1/openapi.json", anonymous.get("/api/v1/openapi.json"));
            String received = URLEncoder.encode("2026-03-02T10:00:00-05:00", StandardCharsets.UTF_8);
            check("GET", "/api/v1/deadlines/preview?agency=doc&received=" + received,
                    anonymous.get("/api/v1/deadlines/preview?agency=doc&received=" + received));
            check("GET", "/api/v1/deadlines/preview?agency=atlantis", anonymous.get("/api/v1/deadlines/preview?agency=atlantis&received=" + received));

            String filing = "{\"agencies\": [\"doc\", \"nypd\"], \"title\": \"Detainer requests honored since 2022\", "
                    + "\"description\": \"Every ICE detainer request received and the answer given, 2022 to date.\", \"showName\": true}";
            check("POST", "/api/v1/requests", anaWrites.post("/api/v1/requests", filing, "Idempotency-Key", "conformance-1"));
            check("POST", "/api/v1/requests (repeated)", anaWrites.post("/api/v1/requests", filing, "Idempotency-Key", "conformance-1"));
            check("POST", "/api/v1/requests (invalid)", anaWrites.post("/api/v1/requests", "{\"agencies\": []}"));
            check("POST", "/api/v1/requests (read token)", anaReads.post("/api/v1/requests", filing));
            check("POST", "/api/v1/requests (no token)", anonymous.post("/api/v1/requests", filing));

            String events = "/api/v1/requests/" + number + "/events";
            check("POST", events, docOfficer.post(events, "{\"action\": \"acknowledge\", \"date\": \"2026-03-27\"}"));
            check("POST", events + " (invalid)", docOfficer.post(events, "{\"action\": \"extend\"}"));
            check("POST", events + " (elsewhere)", nypdOfficer.post(events, "{\"action\": \"clarify\", \"message\": \"Which years?\"}"));
            check("POST", events + " (read token)", anaReads.post(events, "{\"action\": \"clarify\"}"));

            check("GET", "/api/v1/requests", anonymous.get("/api/v1/requests"));
            check("GET", "/api/v1/requests?status=overdue", anonymous.get("/api/v1/requests?status=overdue"));
            check("GET", "/api/v1/requests?status=SOMEDAY", anonymous.get("/api/v1/requests?status=SOMEDAY"));
            check("GET", "/api/v1/requests/" + number, anonymous.get("/api/v1/requests/" + number));
            check("GET", "/api/v1/requests/" + number + " (as its requester)", anaReads.get("/api/v1/requests/" + number));
            check("GET", "/api/v1/requests/DL-1999-000000", anonymous.get("/api/v1/requests/DL-1999-000000"));
            check("GET", "/api/v1/me/requests", anaReads.get("/api/v1/me/requests"));
            check("GET", "/api/v1/me/requests (no token)", anonymous.get("/api/v1/me/requests"));
            check("GET", "/api/v1/me/requests?page=0", anaReads.get("/api/v1/me/requests?page=0"));
            check("GET", "/api/v1/search?q=detainer", anonymous.get("/api/v1/search?q=detainer"));
            check("GET", "/api/v1/search?q=\"unclosed", anonymous.get("/api/v1/search?q=" + URLEncoder.encode("\"unclosed", StandardCharsets.UTF_8)));
            check("GET", "/api/v1/records/correspondents", anonymous.get("/api/v1/records/correspondents?sort=name"));
            check("GET", "/api/v1/records/correspondents?side=martian", anonymous.get("/api/v1/records/correspondents?side=martian"));
            check("GET", "/api/v1/records/correspondents (unknown office)",
                    anonymous.get("/api/v1/records/correspondents?side=federal&office=Atlantis"));
            check("GET", "/api/v1/scorecards", anonymous.get("/api/v1/scorecards"));
            check("GET", "/api/v1/scorecards?period=someday", anonymous.get("/api/v1/scorecards?period=someday"));
            check("GET", "/api/v1/scorecards/doc", anonymous.get("/api/v1/scorecards/doc"));
            check("GET", "/api/v1/scorecards/atlantis", anonymous.get("/api/v1/scorecards/atlantis"));
            check("GET", "/api/v1/scorecards/doc/oldest-open", anonymous.get("/api/v1/scorecards/doc/oldest-open"));
            check("GET", "/api/v1/scorecards/atlantis/oldest-open", anonymous.get("/api/v1/scorecards/atlantis/oldest-open"));
            check("GET", "/api/v1/requests (revoked-looking token)", new ApiClient(portal.app, "dl_revoked").get("/api/v1/requests"));
        }
        assertThat(failures).isEmpty();
        Set<String> described = new LinkedHashSet<>();
        spec.get("paths").propertyNames().forEach(path -> spec.get("paths").get(path).propertyNames()
                .forEach(method -> described.add(method.toUpperCase() + " " + path)));
        assertThat(called).as("operations this test calls").containsExactlyInAnyOrderElementsOf(described);
    }

    /** Finds the operation the call was, the response its status documents, and validates the body against its schema. */
    private void check(String method, String label, HttpResponse<String> r) {
        String path = r.uri().getPath();
        String template = operationPath(method, path);
        if (template == null) {
            failures.add(label + ": no described operation " + method + " " + path);
            return;
        }
        called.add(method + " " + template);
        JsonNode responses = spec.get("paths").get(template).get(method.toLowerCase()).get("responses");
        String status = Integer.toString(r.statusCode());
        String documented = responses.has(status) ? status : "default";
        JsonNode response = responses.get(documented);
        if (response == null) {
            failures.add(label + ": status " + status + " is not described");
            return;
        }
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase() + "/responses/" + documented;
        if (response.has("$ref")) {
            pointer = response.get("$ref").asString().substring(1);
            response = spec.at(pointer);
        }
        pointer += "/content/application~1json/schema";
        JsonNode schema = response.at("/content/application~1json/schema");
        if (schema.isMissingNode()) return; // a body the document does not describe as JSON (the document itself)
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            failures.add(label + ": " + status + " is not JSON");
            return;
        }
        // Loaded by its place in the document, so its $refs resolve against the whole document.
        Schema validator = schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer));
        var errors = validator.validate(r.body(), InputFormat.JSON);
        if (!errors.isEmpty()) failures.add(label + " (" + status + "): " + errors + "\n  in " + abbreviate(r.body()));
    }

    private String operationPath(String method, String path) {
        for (String template : (Iterable<String>) spec.get("paths").propertyNames()::iterator) {
            String regex = "^" + Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "$";
            if (path.matches(regex) && spec.get("paths").get(template).has(method.toLowerCase())) return template;
        }
        return null;
    }

    /** A JSON pointer token (RFC 6901), percent-encoded where a URI fragment needs it. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }

    private static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}
