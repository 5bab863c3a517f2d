package nyc.daylight.api;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nyc.daylight.web.Role;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document, and a page that renders it on the server (no JavaScript, nothing from a CDN). */
public final class ApiDocsRoutes {
    private static final String DOCUMENT = "/daylight/web/api/openapi.json";
    private final String json;
    private final Map<String, Object> model;

    public ApiDocsRoutes() {
        try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) throw new IllegalStateException("Missing " + DOCUMENT);
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        model = JsonMapper.builder().build().readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(json), Role.PUBLIC);
        routes.get("/api/docs", ctx -> ctx.render("api/docs.ftlh", Map.of("spec", model)), Role.PUBLIC);
    }
}
