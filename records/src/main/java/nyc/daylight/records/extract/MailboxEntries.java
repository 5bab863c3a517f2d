package nyc.daylight.records.extract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An mbox file (Thunderbird, mutt, Gmail Takeout, an MTA's spool) holding several messages: each
 * becomes a child e-mail, as each entry of a ZIP does, counted against the same entry allowance.
 * A single saved message with an envelope line is read as that message, not as a mailbox.
 */
final class MailboxEntries {
    private MailboxEntries() {}

    static Content extract(byte[] content, Job job, int depth) {
        List<Integer> starts = MailSniff.messageStarts(content);
        List<ExtractedDocument> children = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            job.checkpoint();
            job.takeEntry();
            int end = i + 1 < starts.size() ? starts.get(i + 1) : content.length;
            byte[] message = unescape(Arrays.copyOfRange(content, starts.get(i), end));
            children.add(job.child("message-" + (i + 1) + ".eml", message, depth + 1));
        }
        return Content.children(children);
    }

    /** mboxrd and mboxcl quote body lines starting "From " as ">From "; one level is taken off. */
    private static byte[] unescape(byte[] message) {
        String s = new String(message, StandardCharsets.ISO_8859_1);
        if (!s.contains("\n>From ")) return message;
        return s.replaceAll("\n>(>*From )", "\n$1").getBytes(StandardCharsets.ISO_8859_1);
    }
}
