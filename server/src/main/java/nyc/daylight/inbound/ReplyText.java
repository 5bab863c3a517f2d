package nyc.daylight.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of an agency's reply that the public timeline shows. Replies quote the letter they
 * answer, and that letter carries the requester's name and e-mail address even when the
 * requester chose to stay anonymous on Daylight; so the quoted part is cut, and {@link IdentityMask}
 * hides the identity in what remains.
 */
public final class ReplyText {
    static final int MAX_CHARS = 20_000;
    /** "On Mon, Mar 2, 2026 at 10:00 AM X wrote:", Outlook's "-----Original Message-----" and "From: … Sent:" blocks. */
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(On .{0,200}wrote:\\s*$|-{2,}\\s*Original Message\\s*-{2,}|_{5,}\\s*$|From: .*$)", Pattern.CASE_INSENSITIVE);

    private ReplyText() {
    }

    /** What the sender wrote above the quoted letter, with quoted lines dropped. */
    public static String withoutQuote(String body) {
        if (body == null) return "";
        List<String> kept = new ArrayList<>();
        for (String line : body.replace("\r\n", "\n").split("\n", -1)) {
            if (QUOTE_HEADER.matcher(line.strip()).find() && !kept.isEmpty()) break;
            if (line.stripLeading().startsWith(">")) continue;
            kept.add(line);
        }
        String text = String.join("\n", kept).strip();
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "\n[…]" : text;
    }
}
