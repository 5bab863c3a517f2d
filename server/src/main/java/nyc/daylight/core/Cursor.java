package nyc.daylight.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Where a keyset-paginated list goes on from: the sort key of the last row shown (or, going back,
 * of the first), as an opaque URL-safe token. Keys are the sort columns' values as text, the last
 * one always unique (an id or a number), so rows that tie on the sort never repeat or go missing.
 *
 * @param before true for "the rows before this key" (a previous link), false for "after it"
 */
public record Cursor(boolean before, List<String> keys) {
    private static final String SEPARATOR = "\u001f";

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor after(List<String> keys) {
        return new Cursor(false, keys);
    }

    public static Cursor before(List<String> keys) {
        return new Cursor(true, keys);
    }

    /** The cursor in a token, or null for none; a token that is not one of ours is bad input of {@code field}. */
    public static Cursor parse(String token, String field, int keyCount) {
        if (token == null || token.isBlank()) return null;
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            if (text.length() < 2 || text.charAt(1) != ':' || (text.charAt(0) != 'a' && text.charAt(0) != 'b')) {
                throw BadInput.of(field, "refusal.api.cursor");
            }
            List<String> keys = Arrays.asList(text.substring(2).split(SEPARATOR, -1));
            if (keys.size() != keyCount) throw BadInput.of(field, "refusal.api.cursor");
            return new Cursor(text.charAt(0) == 'b', keys);
        } catch (IllegalArgumentException e) {
            throw BadInput.of(field, "refusal.api.cursor");
        }
    }

    public String token() {
        String text = (before ? "b:" : "a:") + String.join(SEPARATOR, keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
