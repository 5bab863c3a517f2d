package nyc.daylight.records.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.datatypes.StringChunk;
import org.apache.poi.hsmf.exceptions.ChunkNotFoundException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.EntryUtils;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * An Outlook .msg file, read with Apache POI's HSMF, shown exactly as an .eml is: From, To, Cc,
 * Date and Subject as fields heading the first page, the body after them (plain text, else the
 * HTML or RTF body as text), and the attachments, embedded messages included, as children.
 */
final class MsgText {
    private MsgText() {}

    static Content extract(byte[] content, Job job, int depth) throws IOException {
        MAPIMessage msg = new MAPIMessage(new ByteArrayInputStream(content));
        msg.setReturnNullOnMissingChunk(true);
        List<String> notes = new ArrayList<>();
        try {
            if (!msg.has7BitEncodingStrings()) msg.guess7BitEncoding();
        } catch (RuntimeException e) {
            // Unicode messages need no guess; an odd codepage property leaves the default.
        }
        Map<String, String> fields = new LinkedHashMap<>();
        EmailText.put(fields, "from", from(msg));
        EmailText.put(fields, "to", safe(msg::getDisplayTo));
        EmailText.put(fields, "cc", safe(msg::getDisplayCC));
        Calendar date = safeDate(msg);
        EmailText.put(fields, "date", date == null ? null : date.toInstant().toString());
        EmailText.put(fields, "subject", safe(msg::getSubject));

        String body = body(msg, notes);
        List<ExtractedDocument> children = new ArrayList<>();
        AttachmentChunks[] attachments = msg.getAttachmentFiles();
        for (int i = 0; i < attachments.length; i++) {
            try {
                Named file = attachment(attachments[i], i + 1);
                if (file != null) children.add(job.child(file.name(), file.content(), depth + 1));
            } catch (IOException | RuntimeException e) {
                if (e instanceof ExtractionException || e instanceof Job.Stopped) throw e;
                notes.add("Attachment " + (i + 1) + " could not be read and was skipped: " + Notes.detail(e));
            }
        }
        return new Content(EmailText.page(fields, body == null ? List.of() : List.of(body), job.limits.maxPages()), fields, children)
                .described(fields.get("subject"), date == null ? null : date.toInstant()).noted(notes);
    }

    private record Named(String name, byte[] content) {}

    private static Named attachment(AttachmentChunks a, int n) throws IOException {
        if (a.isEmbeddedMessage() && a.getAttachmentDirectory() != null) {
            // An attached e-mail is stored as a directory of chunks: copied out, it is a .msg of its own.
            DirectoryNode dir = a.getAttachmentDirectory().getDirectory();
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                EntryUtils.copyNodes(dir, fs.getRoot());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                fs.writeFilesystem(out);
                String name = text(a.getAttachDisplayName());
                return new Named(name == null ? "message-" + n + ".msg" : ArchiveEntries.baseName(name) + ".msg", out.toByteArray());
            }
        }
        if (a.getAttachData() == null) return null;
        String name = text(a.getAttachLongFileName());
        if (name == null) name = text(a.getAttachFileName());
        name = name == null ? "" : ArchiveEntries.baseName(name);
        return new Named(name.isEmpty() ? "attachment-" + n : name, a.getAttachData().getValue());
    }

    private static String body(MAPIMessage msg, List<String> notes) {
        String text = safe(msg::getTextBody);
        if (text != null && !text.isBlank()) return text.strip();
        String html = safe(msg::getHtmlBody);
        if (html != null && !html.isBlank()) return HtmlText.toText(html);
        try {
            String rtf = msg.getRtfBody();
            if (rtf != null && !rtf.isBlank()) return RtfText.toText(rtf).text();
        } catch (ChunkNotFoundException | RuntimeException e) {
            notes.add("The message's rich-text body could not be read: " + Notes.detail(e));
        }
        return null;
    }

    /** "Name <address>" from the display name and the sender's SMTP address when the file has it. */
    private static String from(MAPIMessage msg) {
        String name = safe(msg::getDisplayFrom);
        String address = null;
        try {
            StringChunk email = msg.getMainChunks().getEmailFromChunk();
            address = email == null ? null : email.getValue();
        } catch (RuntimeException e) {
            // no sender address chunk
        }
        // Exchange-internal senders carry an X.500 path ("/O=CITY/OU=..."), which is no address.
        if (address != null && !address.contains("@")) address = null;
        if (name == null && address == null) return null;
        return EmailText.display(name, address);
    }

    private static String text(StringChunk chunk) {
        if (chunk == null) return null;
        String value = chunk.getValue();
        return value == null || value.isBlank() ? null : value.strip();
    }

    private interface ChunkRead {
        String get() throws ChunkNotFoundException;
    }

    private static String safe(ChunkRead read) {
        try {
            return read.get();
        } catch (ChunkNotFoundException | RuntimeException e) {
            return null;
        }
    }

    private static Calendar safeDate(MAPIMessage msg) {
        try {
            return msg.getMessageDate();
        } catch (ChunkNotFoundException | RuntimeException e) {
            return null;
        }
    }
}
