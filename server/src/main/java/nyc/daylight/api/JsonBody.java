package nyc.daylight.api;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nyc.daylight.core.BadInput;
import nyc.daylight.web.InputCharacters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON request body read strictly: an object whose every field is known, each of the type it
 * should be. A misspelt field is an error naming it, never silently ignored, so a script's
 * "showname": true cannot publish a name its author meant to withhold, or the reverse.
 */
final class JsonBody {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    static JsonBody of(Context ctx, Set<String> fields) {
        JsonNode node;
        try {
            node = JSON.readTree(ctx.body());
        } catch (JacksonException e) {
            throw BadInput.of("body", "refusal.api.bodyNotJson");
        }
        if (node == null || !node.isObject()) throw BadInput.of("body", "refusal.api.bodyNotObject");
        for (String name : node.propertyNames()) {
            if (!fields.contains(name)) {
                throw BadInput.of(name, "refusal.api.unknownField", name, String.join(", ", new TreeSet<>(fields)));
            }
        }
        return new JsonBody(node);
    }

    /** A string field, or null when absent or null. */
    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isString()) throw BadInput.of(field, "refusal.api.notString", field);
        InputCharacters.check(field, v.asString());
        return v.asString();
    }

    boolean bool(String field, boolean absent) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return absent;
        if (!v.isBoolean()) throw BadInput.of(field, "refusal.api.notBoolean", field);
        return v.asBoolean();
    }

    LocalDate date(String field) {
        String v = text(field);
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw BadInput.of(field, "error.date.format");
        }
    }

    /** A list of strings, or null when absent. */
    List<String> strings(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) throw BadInput.of(field, "refusal.api.notStrings", field);
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isString()) throw BadInput.of(field, "refusal.api.notStrings", field);
            InputCharacters.check(field, item.asString());
            out.add(item.asString().strip());
        }
        return out;
    }
}
