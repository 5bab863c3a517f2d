package nyc.daylight.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import nyc.daylight.core.BadInput;

/**
 * Refuses text that no person types and PostgreSQL cannot store: NUL and the other control
 * characters, lone halves of a surrogate pair, and the replacement character that a broken
 * UTF-8 sequence ({@code %C0%80}, {@code %FF}) decodes to. Left alone, a NUL reaches PostgreSQL,
 * which rejects it ("invalid byte sequence 0x00") and the visitor sees a 500; a lone surrogate
 * is silently stored as "?". Checked once, before any handler runs, over every query, form and
 * path parameter, so no route can forget; JSON bodies are checked where they are read
 * ({@code JsonBody}). Tab, line feed and carriage return are text (a pasted letter has them).
 * Uploaded files are bytes, not text, and are never looked at here.
 */
public final class InputCharacters {
    /** The first character that cannot be used, as "U+0000", or null when the text is fine. */
    static String firstUnusable(String value) {
        if (value == null) return null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++; // a whole pair: an emoji, a rare CJK character
                continue;
            }
            if (unusable(c)) return String.format("U+%04X", (int) c);
        }
        return null;
    }

    private static boolean unusable(char c) {
        if (c == '\t' || c == '\n' || c == '\r') return false;
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) // C0, DEL, C1 controls
                || Character.isSurrogate(c) // a half without its partner
                || c == '\uFFFD' // what a broken UTF-8 sequence decodes to
                || c == '\uFFFE' || c == '\uFFFF'; // noncharacters
    }

    /** Throws a 400 naming the field when its text holds a character that cannot be used. */
    public static void check(String field, String value) {
        if (firstUnusable(value) != null) throw BadInput.of(field, "error.unusableCharacter", field);
    }

    public void register(RoutesConfig routes) {
        // Matched routes only: path parameters are known by then, and a 404 stores nothing.
        routes.beforeMatched(this::checkParameters);
    }

    void checkParameters(Context ctx) {
        if (ctx.path().startsWith("/static/")) return;
        ctx.pathParamMap().forEach(InputCharacters::check);
        checkAll(ctx.queryParamMap());
        // Form fields only: for a multipart upload Javalin lists the text fields, not the files.
        if (ctx.isFormUrlencoded() || ctx.isMultipartFormData()) checkAll(ctx.formParamMap());
    }

    private static void checkAll(Map<String, List<String>> params) {
        params.forEach((name, values) -> {
            check(name, name);
            values.forEach(v -> check(name, v));
        });
    }
}
