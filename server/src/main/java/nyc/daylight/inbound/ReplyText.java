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
    /**
     * "On Mon, Mar 2, 2026 at 10:00 AM X wrote:" (Gmail, Apple Mail; "El … escribió:" in Spanish),
     * Outlook's "-----Original Message-----" and "From: … Sent:" ("De: … Enviado:") blocks, a
     * forwarded message's banner.
     */
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(On .{0,200}wrote:\\s*$|El .{0,200}escribi[óo]:\\s*$|-{2,}\\s*(Original Message|Mensaje original|Forwarded message|Mensaje reenviado)\\s*-{2,}"
                    + "|_{5,}\\s*$|From: .*$|De: .*$|Begin forwarded message:|Inicio del mensaje reenviado:)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Lotus Notes heads a quoted letter with its sender as {@code "Name" <address>} (or just the
     * address) on a line of its own, then the date, then "Please respond to …" naming the Reply-To:
     * here, the request's reply address and its token.
     */
    private static final Pattern NOTES_SENDER = Pattern.compile("^(\"?[^\"<>@]{0,120}\"?\\s*<[^<>\\s]+@[^<>\\s]+>|[^\\s<>@]+@[^\\s<>@]+\\.[a-z]{2,})\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTES_FOLLOWS = Pattern.compile("^(\\d{1,4}[/.\\-]\\d{1,2}[/.\\-]\\d{1,4}\\b.*|Please respond to\\b.*|Por favor responda a\\b.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLEASE_RESPOND = Pattern.compile("^(Please respond to|Por favor responda a)\\b", Pattern.CASE_INSENSITIVE);

    private ReplyText() {
    }

    /** What the sender wrote above the quoted letter, with quoted lines dropped. */
    public static String withoutQuote(String body) {
        if (body == null) return "";
        List<String> kept = new ArrayList<>();
        String[] lines = body.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!kept.isEmpty() && quoteStarts(lines, i)) break;
            if (PLEASE_RESPOND.matcher(line.strip()).find()) {
                // A Notes header whose first lines were not recognised: drop them with it.
                while (!kept.isEmpty() && isNotesHeadLine(kept.get(kept.size() - 1))) kept.remove(kept.size() - 1);
                break;
            }
            if (line.stripLeading().startsWith(">")) continue;
            kept.add(line);
        }
        String text = String.join("\n", kept).strip();
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "\n[…]" : text;
    }

    /** Whether a quoted letter's header starts at line {@code i}. */
    private static boolean quoteStarts(String[] lines, int i) {
        String line = lines[i].strip();
        if (QUOTE_HEADER.matcher(line).find()) return true;
        // Gmail wraps a long "On … <address> wrote:" over two lines.
        if (i + 1 < lines.length && (line.startsWith("On ") || line.startsWith("El "))
                && QUOTE_HEADER.matcher(line + " " + lines[i + 1].strip()).find()) {
            return true;
        }
        if (NOTES_SENDER.matcher(line).find()) {
            for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
                if (NOTES_FOLLOWS.matcher(lines[j].strip()).find()) return true;
            }
        }
        return false;
    }

    private static boolean isNotesHeadLine(String line) {
        String s = line.strip();
        return s.isEmpty() || NOTES_SENDER.matcher(s).find() || NOTES_FOLLOWS.matcher(s).find();
    }
}
