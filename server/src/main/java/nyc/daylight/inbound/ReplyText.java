package nyc.daylight.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of an agency's reply that the public timeline shows. Replies quote the letter they
 * answer, and that letter carries the requester's name and e-mail address even when the
 * requester chose to stay anonymous on Daylight; so the quoted part is cut, and the identity is
 * masked in what remains.
 */
public final class ReplyText {
    static final String MASK = "[requester]";
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

    /**
     * What identifies the requester in a reply: their address, its local part, and their name, whole
     * and word by word ("Dear Ms. Advocate" names them as surely as the full name does).
     */
    public static List<String> identities(String email, String name) {
        List<String> out = new ArrayList<>();
        if (email != null) {
            out.add(email);
            int at = email.indexOf('@');
            if (at > 0) out.add(email.substring(0, at));
        }
        if (name != null && !name.isBlank()) {
            out.add(name.strip());
            for (String part : name.strip().split("[\\s,.]+")) out.add(part);
        }
        return out;
    }

    /** Replaces each identity of three letters or more, as a whole word, wherever it appears, ignoring case. */
    public static String masked(String text, List<String> identities) {
        String out = text;
        // Longest first, so the full name is masked as one before its parts are.
        List<String> ordered = identities.stream().filter(id -> id != null && id.strip().length() >= 3).map(String::strip)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        for (String id : ordered) {
            out = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(id) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out).replaceAll(MASK);
        }
        return out;
    }
}
