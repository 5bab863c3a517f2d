package nyc.daylight.records.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;
import org.apache.poi.hmef.attribute.TNEFAttribute;
import org.apache.poi.hmef.attribute.TNEFProperty;

/**
 * Outlook's TNEF wrapper ({@code winmail.dat}, {@code application/ms-tnef}): Exchange sends it in
 * place of the real attachments when a message is written in rich text, so without opening it the
 * files an agency sent are one opaque blob. Read with Apache POI's HMEF.
 */
final class TnefFiles {
    private TnefFiles() {}

    record File(String name, byte[] content) {}

    /** The files inside, and the message text the wrapper carries (plain, or its RTF as text), if any. */
    record Bundle(List<File> files, String body, String subject) {}

    static Bundle read(byte[] data) throws IOException {
        HMEFMessage message = new HMEFMessage(new ByteArrayInputStream(data));
        List<File> files = new ArrayList<>();
        int n = 0;
        for (Attachment a : message.getAttachments()) {
            n++;
            byte[] content = a.getContents();
            if (content == null) continue;
            String name = a.getLongFilename();
            if (name == null || name.isBlank()) name = a.getFilename();
            name = name == null ? "" : ArchiveEntries.baseName(name);
            files.add(new File(name.isEmpty() ? "attachment-" + n : name, content));
        }
        String subject = ansi(message.getMessageAttribute(TNEFProperty.ID_SUBJECT));
        return new Bundle(files, body(message), subject != null ? subject : message.getSubject());
    }

    /**
     * A TNEF string attribute's text. The format's own strings (attSubject, attBody) are 8-bit in
     * the sender's code page, whatever their type says; POI reads the "text" type as UTF-16.
     */
    private static String ansi(TNEFAttribute attribute) {
        if (attribute == null || attribute.getData() == null) return null;
        byte[] data = attribute.getData();
        int end = data.length;
        while (end > 0 && data[end - 1] == 0) end--;
        String s = PlainText.decode(Arrays.copyOf(data, end)).strip();
        return s.isEmpty() ? null : s;
    }

    private static String body(HMEFMessage message) {
        String plain = ansi(message.getMessageAttribute(TNEFProperty.ID_BODY));
        if (plain != null) return plain;
        try {
            String rtf = message.getBody();
            return rtf == null ? null : RtfText.toText(rtf).text();
        } catch (RuntimeException e) {
            // A damaged compressed-RTF body: the files are what matters.
            return null;
        }
    }
}
