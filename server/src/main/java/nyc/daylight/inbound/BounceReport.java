package nyc.daylight.inbound;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.records.extract.ParsedMail;

/**
 * What a bounce says: which letter came back (the {@code X-Daylight-Outbox-Id} header
 * {@code OutboxWorker} puts on every message, or the Message-ID it went out with, as the returned
 * original or its headers quote them) and why (the DSN's {@code Diagnostic-Code}, else its
 * {@code Status}, else the words of a plain-text bounce such as exim's "The following address(es)
 * failed"). Reads the parsed message only; pure.
 *
 * @param outboxId   the outbox row named by the returned original, if it names one
 * @param messageIds the Message-IDs of the returned original (not the bounce's own)
 * @param reason     one line a person can read, at most {@link #MAX_REASON} characters; never empty
 */
public record BounceReport(Long outboxId, List<String> messageIds, String reason) {
    static final int MAX_REASON = 500;
    private static final int MAX_SCAN = 256 * 1024;
    private static final Pattern OUTBOX_ID = Pattern.compile("(?im)^X-Daylight-Outbox-Id:[ \\t]*(\\d{1,18})\\s*$");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*(<[^<>\\s]{1,300}>)");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:[ \\t]*(?:[a-z\\-]+;[ \\t]*)?(.+(?:\\r?\\n[ \\t]+.+)*)");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:[ \\t]*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern RECIPIENT = Pattern.compile("(?im)^Final-Recipient:[ \\t]*(?:rfc822;)?[ \\t]*(\\S+)");
    /** exim: "The following address(es) failed:" then the address and the remote server's words, indented. */
    private static final Pattern EXIM = Pattern.compile("(?is)following address(?:\\(es\\)|es)? failed:\\s*\\n(.+?)(?:\\n\\s*\\n|\\n-{3,})");
    /** Microsoft 365's own words: "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; …'". */
    private static final Pattern REMOTE_SERVER = Pattern.compile("(?i)Remote Server returned '([^']{3,400})'");

    public static BounceReport of(ParsedMail mail) {
        List<String> returned = new ArrayList<>();
        returned.add(mail.body() == null ? "" : mail.body());
        for (ParsedMail.File f : mail.attachments()) {
            String name = f.name() == null ? "" : f.name().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".eml") || name.endsWith(".txt") || name.startsWith("original") || !name.contains(".")) {
                int n = Math.min(f.content().length, MAX_SCAN);
                returned.add(new String(f.content(), 0, n, StandardCharsets.ISO_8859_1));
            }
        }
        Long outboxId = null;
        List<String> ids = new ArrayList<>();
        for (String text : returned) {
            Matcher o = OUTBOX_ID.matcher(text);
            if (outboxId == null && o.find()) outboxId = Long.parseLong(o.group(1));
            Matcher m = MESSAGE_ID.matcher(text);
            while (m.find()) {
                String id = m.group(1);
                if (!id.equals(mail.messageId()) && !ids.contains(id)) ids.add(id);
            }
        }
        return new BounceReport(outboxId, List.copyOf(ids), reason(mail));
    }

    static String reason(ParsedMail mail) {
        String body = mail.body() == null ? "" : mail.body();
        String found = null;
        Matcher d = DIAGNOSTIC.matcher(body);
        Matcher r = REMOTE_SERVER.matcher(body);
        Matcher e = EXIM.matcher(body);
        if (d.find()) {
            found = d.group(1);
        } else if (r.find()) {
            found = r.group(1);
        } else if (e.find()) {
            found = e.group(1);
        } else {
            Matcher s = STATUS.matcher(body);
            if (s.find()) found = "Status " + s.group(1);
        }
        Matcher to = RECIPIENT.matcher(body);
        String recipient = to.find() ? to.group(1) : null;
        if (found == null) found = mail.subject() == null || mail.subject().isBlank() ? "Delivery failed" : mail.subject();
        String line = found.replaceAll("\\s+", " ").strip();
        if (recipient != null && !line.toLowerCase(java.util.Locale.ROOT).contains(recipient.toLowerCase(java.util.Locale.ROOT))) {
            line = recipient + ": " + line;
        }
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "…" : line;
    }
}
