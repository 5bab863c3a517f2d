package nyc.daylight.web;

import io.javalin.http.Context;
import java.util.List;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Message;
import nyc.daylight.core.NotFound;

/**
 * Ids read from a path or a form, one way for every page: a path id that is not a number names a
 * page that does not exist (404); a form field's that is not one means the form is out of date.
 */
public final class Params {
    private Params() {}

    /** The {@code {id}} path parameter; {@code notFound} is the 404's sentence. */
    public static long pathId(Context ctx, Message notFound) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound(notFound);
        }
    }

    /** An id inside a form field's name (as in {@code decision-42}), refused as {@code field}. */
    public static long fieldId(String text, String field) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw BadInput.of(field, "error.form.stale");
        }
    }

    /** A form field's first value, or null. */
    public static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
