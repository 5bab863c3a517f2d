package nyc.daylight.records.extract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a saved e-mail from text that merely looks like one. Tika calls a file an e-mail when a
 * header name appears near its top, so a memo beginning "To: / From: / Re:" or notes quoting a
 * {@code Message-ID:} line were parsed as mail, losing their first line. A message is recognised
 * only by a real header block: from the first line (after an mbox {@code From } envelope line, which
 * Thunderbird, mutt and Gmail Takeout write) every line is a header field or its continuation up to
 * a blank line, and the block holds something only mail software writes (a Received, Message-ID or
 * MIME-Version header, or a sender's address with a date, subject or recipient beside it).
 */
final class MailSniff {
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final Pattern FIELD = Pattern.compile("[!-9;-~]+:.*");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>@,;]+@[^\\s<>@,;]+\\.[A-Za-z0-9-]+");
    private static final Pattern ENVELOPE = Pattern.compile("From \\S+.*");
    private static final Set<String> MACHINE = Set.of("received", "return-path", "message-id", "mime-version", "dkim-signature",
            "delivered-to", "envelope-to", "x-mailer", "thread-index", "x-ms-has-attach", "x-originating-ip", "content-transfer-encoding",
            "arc-seal", "authentication-results", "x-notes-item", "x-mimetrack", "x-apple-mail-remote-attachments");

    /** What the top of the file is. */
    enum Kind { NONE, MESSAGE, MAILBOX }

    private MailSniff() {}

    static Kind of(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n", -1);
        int start = 0;
        boolean envelope = lines.length > 0 && ENVELOPE.matcher(lines[0]).matches();
        if (envelope) start = 1;
        if (!headerBlock(lines, start, content.length <= SNIFF_BYTES)) return Kind.NONE;
        return envelope && messages(content) > 1 ? Kind.MAILBOX : Kind.MESSAGE;
    }

    /** Where each message of an mbox starts: at an envelope line that opens the file or follows a blank line. */
    static List<Integer> messageStarts(byte[] content) {
        List<Integer> starts = new ArrayList<>();
        boolean blankBefore = true;
        int lineStart = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                int end = i > lineStart && content[i - 1] == '\r' ? i - 1 : i;
                if (blankBefore && startsWith(content, lineStart, end, "From ")) starts.add(lineStart);
                blankBefore = end == lineStart;
                lineStart = i + 1;
            }
        }
        return starts;
    }

    private static int messages(byte[] content) {
        return messageStarts(content).size();
    }

    private static boolean startsWith(byte[] b, int from, int to, String prefix) {
        if (to - from < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (b[from + i] != prefix.charAt(i)) return false;
        return true;
    }

    private static boolean headerBlock(String[] lines, int start, boolean complete) {
        Set<String> names = new HashSet<>();
        boolean machine = false;
        boolean address = false;
        int fields = 0;
        boolean ended = false;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                ended = true;
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (fields == 0) return false;
                continue;
            }
            if (!FIELD.matcher(line).matches()) return false;
            String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
            names.add(name);
            fields++;
            if (MACHINE.contains(name) || name.startsWith("x-ms-exchange-")) machine = true;
            if ((name.equals("from") || name.equals("sender")) && ADDRESS.matcher(line).find()) address = true;
        }
        // A message that is nothing but headers (no body) still counts, when the whole file was looked at.
        if (!ended) ended = complete;
        if (!ended || fields < 2) return false;
        boolean company = names.contains("date") || names.contains("subject") || names.contains("to");
        return machine || (address && company);
    }
}
