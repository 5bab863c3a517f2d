package nyc.daylight.records.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.Tika;

/**
 * Detects a document's type from its bytes, never its name: a PDF called notes.txt is a PDF.
 * Tika's core detector knows magic numbers but not what is inside containers, so Office files come
 * back as a generic ZIP or OLE2 type and CSV as plain text; those are refined here by looking at the
 * container's entry names and at the text's shape.
 */
final class TypeSniffer {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOC = "application/msword";
    static final String XLS = "application/vnd.ms-excel";
    static final String CSV = "text/csv";
    static final String TSV = "text/tab-separated-values";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String PPT = "application/vnd.ms-powerpoint";
    static final String MSG = "application/vnd.ms-outlook";
    static final String TNEF = "application/vnd.ms-tnef";
    static final String MBOX = "application/mbox";
    static final String RTF = "application/rtf";
    /** An OpenDocument package whose own mimetype entry Tika could not read (not stored first, as the spec asks). */
    static final String ODF = "application/vnd.oasis.opendocument";
    private static final String ODF_SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet";
    /** A password-protected .docx or .xlsx: an OLE2 wrapper around the encrypted ZIP. */
    static final String ENCRYPTED_OFFICE = "application/x-tika-ooxml-protected";
    private static final String OLE2 = "application/x-tika-msoffice";
    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/tiff", "image/gif", "image/bmp");
    private static final Set<String> TEXT_LIKE = Set.of("application/xml", "application/json");
    private static final int CSV_SNIFF_BYTES = 64 * 1024;
    private static final int TEXT_SNIFF_BYTES = 8 * 1024;
    private static final int CSV_SNIFF_RECORDS = 20;
    // Tika's facade is thread-safe and costly to build (it parses its whole type registry).
    private static final Tika TIKA = new Tika();

    /** The type Tika's magic numbers give, without opening containers: cheap and safe on any bytes. */
    SniffedType quick(byte[] content) {
        String type = detect(content);
        return new SniffedType(type, format(type));
    }

    /** The type, with Office containers and CSV told apart; never throws. */
    SniffedType sniff(byte[] content) {
        String type = detect(content);
        try {
            type = refine(type, content);
        } catch (Exception | StackOverflowError e) {
            // A container too damaged to look inside keeps Tika's type; its reader will report the damage.
        }
        return new SniffedType(type, format(type));
    }

    private static String detect(byte[] content) {
        String type = TIKA.detect(content);
        int params = type.indexOf(';');
        return (params < 0 ? type : type.substring(0, params)).trim().toLowerCase(Locale.ROOT);
    }

    private static String refine(String type, byte[] content) throws IOException {
        if (type.equals("application/zip") || type.startsWith("application/x-tika-ooxml")
                || type.startsWith("application/vnd.openxmlformats-officedocument.")) {
            Set<String> names = ZipNames.of(content);
            if (names.contains("word/document.xml")) return DOCX;
            if (names.contains("xl/workbook.xml")) return XLSX;
            if (names.contains("ppt/presentation.xml")) return PPTX;
            if (names.contains("content.xml") && names.contains("META-INF/manifest.xml")) return ODF;
            return type;
        }
        if (type.equals(OLE2) || type.equals(DOC) || type.equals(XLS) || type.equals(MSG)) return ole2(content, type);
        if (type.equals("application/octet-stream") && looksLikeText(content)) type = "text/plain";
        if (type.equals("message/rfc822") || type.equals(MBOX) || type.equals("text/plain")) {
            switch (MailSniff.of(content)) {
                case MESSAGE -> { return "message/rfc822"; }
                case MAILBOX -> { return MBOX; }
                // Header-like lines without a real header block: a memo or notes, read as the text they are.
                case NONE -> type = "text/plain";
            }
        }
        if (type.equals("text/plain")) {
            if (looksLikeTable(content, ',')) return CSV;
            if (looksLikeTable(content, '\t')) return TSV;
            return type;
        }
        // Tika's magic numbers include short ASCII words ("MATLAB", "GRIB", "BM", "MM"), so a
        // tab-separated export whose first heading starts with one was called a scientific data
        // file or an image. Text is text whatever its first word: only real binary keeps the type.
        Format format = format(type);
        if (format != Format.PDF && format != Format.RTF && format != Format.HTML && format != Format.TEXT && looksLikeText(content)) {
            if (looksLikeTable(content, '\t')) return TSV;
            if (looksLikeTable(content, ',')) return CSV;
        }
        return type;
    }

    private static String ole2(byte[] content, String type) throws IOException {
        // Stream names are matched without case: some writers (older Corel and Lotus converters,
        // a few scanners' exporters) store "workbook" or "worddocument", which Office opens.
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage")) return ENCRYPTED_OFFICE;
            if (root.hasEntryCaseInsensitive("WordDocument")) return DOC;
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) return XLS;
            if (root.hasEntryCaseInsensitive("PowerPoint Document")) return PPT;
            if (root.hasEntryCaseInsensitive("__properties_version1.0") || root.hasEntryCaseInsensitive("__substg1.0_0037001F")
                    || root.hasEntryCaseInsensitive("__substg1.0_0037001E")) {
                return MSG;
            }
            return type;
        }
    }

    /**
     * Tika calls short windows-1252 text binary when curly quotes and dashes (bytes 0x80 to 0x9F,
     * control characters in Latin-1) make up much of it. Text has no NUL bytes and almost no
     * other control characters, so those are what is counted. An empty file is empty text.
     */
    private static boolean looksLikeText(byte[] content) {
        int length = Math.min(content.length, TEXT_SNIFF_BYTES);
        int controls = 0;
        for (int i = 0; i < length; i++) {
            int b = content[i] & 0xFF;
            if (b == 0) return false;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) controls++;
        }
        return controls * 100 <= length;
    }

    /**
     * Comma- (or tab-) separated values look like text whose first records all have the same number (two or
     * more) of fields. A header with one data row only counts with three or more columns, and two
     * columns only when most fields do not start with a space: a line of prose with one comma in it
     * is common, and its comma is followed by a space, which a CSV writer does not add.
     */
    private static boolean looksLikeTable(byte[] content, char delimiter) {
        boolean truncated = content.length > CSV_SNIFF_BYTES;
        String head = PlainText.decode(content, Math.min(content.length, CSV_SNIFF_BYTES));
        if (head.indexOf(delimiter) < 0) return false;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(head), format)) {
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                records.add(record);
                if (records.size() > CSV_SNIFF_RECORDS) break;
            }
            // The last record of a cut-off head may itself be cut off.
            if (truncated && !records.isEmpty()) records.remove(records.size() - 1);
            if (records.size() < 2) return false;
            int columns = records.get(0).size();
            if (columns < 2) return false;
            int fields = 0;
            int spaced = 0;
            for (CSVRecord record : records) {
                if (record.size() != columns) return false;
                for (int i = 1; i < columns; i++) {
                    fields++;
                    if (record.get(i).startsWith(" ")) spaced++;
                }
            }
            if (columns == 2 && spaced * 2 > fields) return false;
            return records.size() >= 3 || columns >= 3;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Format format(String type) {
        if (type.equals("application/pdf")) return Format.PDF;
        if (IMAGES.contains(type)) return Format.IMAGE;
        if (type.equals("message/rfc822")) return Format.EMAIL;
        if (type.equals(CSV) || type.equals(TSV)) return Format.CSV;
        if (type.equals(MSG)) return Format.MSG;
        if (type.equals(TNEF)) return Format.TNEF;
        if (type.equals(MBOX)) return Format.MBOX;
        if (type.equals(RTF) || type.equals("text/rtf")) return Format.RTF;
        if (type.startsWith(ODF_SPREADSHEET)) return Format.ODS;
        if (type.startsWith(ODF)) return Format.ODT;
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) return Format.HTML;
        if (type.startsWith("text/") || TEXT_LIKE.contains(type)) return Format.TEXT;
        if (type.equals(XLSX)) return Format.XLSX;
        if (type.equals(XLS)) return Format.XLS;
        if (type.equals(DOCX)) return Format.DOCX;
        if (type.equals(DOC)) return Format.DOC;
        if (type.equals(PPTX)) return Format.PPTX;
        if (type.equals(PPT)) return Format.PPT;
        if (type.equals("application/zip")) return Format.ZIP;
        return Format.UNSUPPORTED;
    }
}
