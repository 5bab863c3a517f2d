package nyc.daylight.records.extract;

import java.util.Locale;
import java.util.Map;

/**
 * What a person calls a media type: "PDF", "Word document", "Outlook message". Shown wherever a
 * record's type is (facets, record pages, the API's display fields), because a media type such as
 * {@code application/x-tika-ooxml} is an implementation detail, not something a reader knows.
 */
public final class TypeNames {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("application/pdf", "PDF"),
            Map.entry("message/rfc822", "E-mail"),
            Map.entry("application/vnd.ms-outlook", "Outlook message"),
            Map.entry("application/vnd.ms-tnef", "Outlook attachment bundle (winmail.dat)"),
            Map.entry("application/mbox", "Mailbox"),
            Map.entry("text/plain", "Text file"),
            Map.entry("text/csv", "CSV file"),
            Map.entry("text/tab-separated-values", "Tab-separated file"),
            Map.entry("text/html", "Web page"),
            Map.entry("application/xhtml+xml", "Web page"),
            Map.entry("application/xml", "XML file"),
            Map.entry("text/xml", "XML file"),
            Map.entry("application/json", "JSON file"),
            Map.entry("application/rtf", "Rich Text document"),
            Map.entry("text/rtf", "Rich Text document"),
            Map.entry(TypeSniffer.DOCX, "Word document"),
            Map.entry(TypeSniffer.DOC, "Word document"),
            Map.entry(TypeSniffer.XLSX, "Excel spreadsheet"),
            Map.entry(TypeSniffer.XLS, "Excel spreadsheet"),
            Map.entry("application/vnd.ms-powerpoint", "PowerPoint presentation"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint presentation"),
            Map.entry(TypeSniffer.ENCRYPTED_OFFICE, "Password-protected Office document"),
            Map.entry("application/vnd.oasis.opendocument.text", "OpenDocument text"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "OpenDocument presentation"),
            Map.entry(TypeSniffer.ODF, "OpenDocument file"),
            Map.entry("application/zip", "ZIP archive"),
            Map.entry("image/png", "PNG image"),
            Map.entry("image/jpeg", "JPEG image"),
            Map.entry("image/tiff", "TIFF image"),
            Map.entry("image/gif", "GIF image"),
            Map.entry("image/bmp", "BMP image"));

    private TypeNames() {}

    /** The type's name for people; a generic one for types Daylight has no name for, never the raw type. */
    public static String of(String contentType) {
        if (contentType == null) return "File";
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        int params = type.indexOf(';');
        if (params >= 0) type = type.substring(0, params).strip();
        String name = NAMES.get(type);
        if (name != null) return name;
        if (type.startsWith("image/")) return "Image";
        if (type.startsWith("text/")) return "Text file";
        if (type.startsWith("audio/")) return "Audio file";
        if (type.startsWith("video/")) return "Video file";
        return "File";
    }
}
