package nyc.daylight.records.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * OpenDocument text and spreadsheets (.odt, .ods: LibreOffice, and what many city systems export).
 * Neither POI nor tika-core reads them, but they are a ZIP of XML: content.xml holds the text,
 * meta.xml the title and creation date. Entries are inflated within the job's archive allowance
 * and the per-file limit, as every ZIP is, and parsed with POI's hardened XML reader (no DTDs, no
 * external entities). Spreadsheets read like Excel files: a page per sheet, "Header: value" rows.
 */
final class OdfText {
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
    /** Cells and rows repeated this often are padding (an empty column to the sheet's edge), not data. */
    private static final int MAX_REPEAT = 100;
    private static final int MAX_COLUMNS = 1024;

    private OdfText() {}

    static Content extract(byte[] zip, Job job) throws IOException, SAXException {
        Map<String, byte[]> parts = entries(zip, job);
        byte[] manifest = parts.get("META-INF/manifest.xml");
        if (manifest != null && new String(manifest, StandardCharsets.UTF_8).contains("encryption-data")) {
            throw ExtractionException.encrypted("OpenDocument file");
        }
        byte[] content = parts.get("content.xml");
        // LibreOffice's style templates (its own Default.ott, Modern.ott …) hold only styles.xml:
        // their text, if any, is in the master pages' headers and footers.
        if (content == null) content = parts.get("styles.xml");
        if (content == null) throw new IOException("the OpenDocument package has no content.xml");
        Body body = new Body(job);
        parse(content, body);
        Meta meta = new Meta();
        if (parts.containsKey("meta.xml")) {
            try {
                parse(parts.get("meta.xml"), meta);
            } catch (SAXException | IOException e) {
                // The title and date are a bonus; the text is what was asked for.
            }
        }
        List<ExtractedPage> pages = body.spreadsheet ? body.rows.pages() : Paging.pages(body.text.toString(), job.limits.maxPages());
        return Content.pages(pages).described(meta.title(), meta.created());
    }

    private static Map<String, byte[]> entries(byte[] zip, Job job) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                job.checkpoint();
                String name = e.getName();
                if (!name.equals("content.xml") && !name.equals("meta.xml") && !name.equals("META-INF/manifest.xml")
                        && !name.equals("styles.xml")) continue;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[64 * 1024];
                long cap = Math.min(job.limits.maxFileBytes(), job.archiveBytesLeft());
                for (int n; (n = in.read(buf)) > 0; ) {
                    job.takeArchiveBytes(n);
                    if (out.size() + (long) n > cap) throw ExtractionException.tooLarge(out.size() + (long) n, job.limits.maxFileBytes());
                    out.write(buf, 0, n);
                }
                found.put(name, out.toByteArray());
            }
        }
        return found;
    }

    private static void parse(byte[] xml, DefaultHandler handler) throws IOException, SAXException {
        try {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No XML parser is configured", e);
        }
    }

    /** content.xml: paragraphs as lines, or (in a spreadsheet) cells gathered into rows. */
    private static final class Body extends DefaultHandler {
        final StringBuilder text = new StringBuilder();
        final RowPages rows;
        private final Job job;
        boolean spreadsheet;
        private SpreadsheetText.Rows sheet;
        private List<String> row;
        private int rowRepeat;
        private StringBuilder cell;
        private int cellRepeat;
        private int pendingEmpty;
        private int skipDepth;
        private long events;

        Body(Job job) {
            this.job = job;
            this.rows = new RowPages(job.limits.maxPages());
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if (++events % 10_000 == 0) job.checkpoint();
            if (skipDepth > 0) {
                skipDepth++;
                return;
            }
            if (TEXT.equals(uri) && local.equals("tracked-changes")) {
                skipDepth = 1;
            } else if (OFFICE.equals(uri) && local.equals("spreadsheet")) {
                spreadsheet = true;
            } else if (spreadsheet && TABLE.equals(uri) && local.equals("table")) {
                rows.section(atts.getValue(TABLE, "name") == null ? "Sheet" : atts.getValue(TABLE, "name"));
                sheet = new SpreadsheetText.Rows(rows, job);
            } else if (spreadsheet && TABLE.equals(uri) && local.equals("table-row")) {
                row = new ArrayList<>();
                pendingEmpty = 0;
                rowRepeat = repeat(atts.getValue(TABLE, "number-rows-repeated"));
            } else if (spreadsheet && TABLE.equals(uri) && (local.equals("table-cell") || local.equals("covered-table-cell"))) {
                cell = new StringBuilder();
                cellRepeat = repeat(atts.getValue(TABLE, "number-columns-repeated"));
            } else if (TEXT.equals(uri) && local.equals("s")) {
                int n = repeat(atts.getValue(TEXT, "c"));
                append(" ".repeat(Math.min(n, MAX_REPEAT)));
            } else if (TEXT.equals(uri) && local.equals("tab")) {
                append("\t");
            } else if (TEXT.equals(uri) && local.equals("line-break")) {
                append("\n");
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (skipDepth > 0) {
                skipDepth--;
                return;
            }
            if (TEXT.equals(uri) && (local.equals("p") || local.equals("h"))) {
                append(cell != null ? " " : "\n");
            } else if (!spreadsheet && TABLE.equals(uri) && local.equals("table-cell")) {
                append("\t");
            } else if (!spreadsheet && TABLE.equals(uri) && local.equals("table-row")) {
                append("\n");
            } else if (spreadsheet && cell != null && TABLE.equals(uri) && (local.equals("table-cell") || local.equals("covered-table-cell"))) {
                String value = cell.toString().strip();
                cell = null;
                if (value.isEmpty()) {
                    pendingEmpty += cellRepeat;
                } else if (row != null) {
                    for (int i = 0; i < pendingEmpty && row.size() < MAX_COLUMNS; i++) row.add("");
                    pendingEmpty = 0;
                    for (int i = 0; i < Math.min(cellRepeat, MAX_REPEAT) && row.size() < MAX_COLUMNS; i++) row.add(value);
                }
            } else if (spreadsheet && sheet != null && TABLE.equals(uri) && local.equals("table")) {
                sheet.end();
                sheet = null;
            } else if (spreadsheet && row != null && TABLE.equals(uri) && local.equals("table-row")) {
                if (sheet != null && !row.isEmpty()) {
                    for (int i = 0; i < Math.min(rowRepeat, MAX_REPEAT); i++) sheet.add(row);
                }
                row = null;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (skipDepth == 0) append(new String(ch, start, length));
        }

        private void append(String s) {
            if (cell != null) {
                cell.append(s);
            } else if (!spreadsheet) {
                text.append(s);
            }
        }

        private static int repeat(String value) {
            if (value == null) return 1;
            try {
                return Math.max(1, Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }

    /** meta.xml: dc:title and meta:creation-date. */
    private static final class Meta extends DefaultHandler {
        private StringBuilder current;
        private String title;
        private String created;

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if ((DC.equals(uri) && local.equals("title")) || (META.equals(uri) && local.equals("creation-date"))) current = new StringBuilder();
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (current == null) return;
            if (DC.equals(uri) && local.equals("title")) title = current.toString().strip();
            if (META.equals(uri) && local.equals("creation-date")) created = current.toString().strip();
            current = null;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (current != null) current.append(ch, start, length);
        }

        String title() {
            return title == null || title.isEmpty() ? null : title;
        }

        /** ODF writes local time without a zone (LibreOffice) or with one; local time is taken as UTC. */
        Instant created() {
            if (created == null || created.isEmpty()) return null;
            try {
                return OffsetDateTime.parse(created).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(created).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException again) {
                    return null;
                }
            }
        }
    }
}
