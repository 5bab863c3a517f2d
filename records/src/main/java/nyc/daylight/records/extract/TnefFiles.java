package nyc.daylight.records.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;
import org.apache.poi.hmef.attribute.TNEFAttribute;
import org.apache.poi.hmef.attribute.TNEFProperty;
import org.apache.poi.hmef.attribute.TNEFStringAttribute;

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
        return new Bundle(files, body(message), message.getSubject());
    }

    private static String body(HMEFMessage message) {
        TNEFAttribute plain = message.getMessageAttribute(TNEFProperty.ID_BODY);
        if (plain instanceof TNEFStringAttribute s && s.getString() != null && !s.getString().isBlank()) return s.getString();
        try {
            String rtf = message.getBody();
            return rtf == null ? null : RtfText.toText(rtf).text();
        } catch (RuntimeException e) {
            // A damaged compressed-RTF body: the files are what matters.
            return null;
        }
    }
}
