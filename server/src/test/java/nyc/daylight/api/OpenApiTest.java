package nyc.daylight.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.RunningApp;
import nyc.daylight.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(PostgresExtension.class)
class OpenApiTest {

    @Test
    void every_api_route_is_described_and_every_described_path_exists(TestDatabase db) throws Exception {
        try (RunningApp app = RunningApp.start(db.dataSource(), Clock.systemUTC())) {
            JsonNode spec = JsonMapper.builder().build().readTree(app.get("/api/v1/openapi.json").body());
            assertThat(spec.get("openapi").asString()).startsWith("3.");
            List<String> described = new ArrayList<>();
            spec.get("paths").propertyNames().forEach(path -> spec.get("paths").get(path).propertyNames()
                    .forEach(method -> described.add(method.toUpperCase() + " " + path)));
            List<String> api = app.routeTable().stream().filter(r -> r.contains(" /api/v1/")).distinct().toList();
            assertThat(described).containsExactlyInAnyOrderElementsOf(api);
            // Every $ref points somewhere.
            String text = spec.toString();
            var refs = java.util.regex.Pattern.compile("\"\\$ref\":\"#/([^\"]+)\"").matcher(text);
            while (refs.find()) {
                assertThat(spec.at("/" + refs.group(1)).isMissingNode()).as(refs.group(1)).isFalse();
            }
            assertThat(app.get("/api/docs").body()).contains("<h1>Daylight API</h1>", "GET /api/v1/requests/{number}", "agency");
        }
    }
}
