package nyc.daylight.records.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The formats agencies release that no library here writes (Outlook .msg, TNEF, OpenDocument,
 * RTF, Excel 95), built byte by byte from their published layouts, so that no third-party file is
 * committed and each test shows what it feeds the extractor.
 */
final class FormatFixtures {
    private FormatFixtures() {}

    // ---- Outlook .msg (MS-OXMSG): an OLE2 file of property streams ----------------------------

    /** A Unicode .msg with sender, recipient, date, subject, body and one attachment. */
    static byte[] msg(String subject, String body, String fromName, String fromAddress, String to, Instant date,
                      String attachmentName, byte[] attachment) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            DirectoryEntry root = fs.getRoot();
            string(root, 0x001A, "IPM.Note");
            string(root, 0x0037, subject);
            string(root, 0x1000, body);
            string(root, 0x0C1A, fromName);
            string(root, 0x0C1F, fromAddress);
            string(root, 0x0E04, to);
            // 32-byte header (top-level message: 8 reserved, next recipient and attachment ids, counts, 8 reserved).
            ByteBuffer props = ByteBuffer.allocate(32 + 16 * 2).order(ByteOrder.LITTLE_ENDIAN);
            props.position(16);
            props.putInt(0).putInt(attachment == null ? 0 : 1);
            props.position(32);
            long filetime = (date.getEpochSecond() + 11_644_473_600L) * 10_000_000L;
            props.putInt(0x0039 << 16 | 0x0040).putInt(6).putLong(filetime); // PR_CLIENT_SUBMIT_TIME, PT_SYSTIME
            props.putInt(0x0E06 << 16 | 0x0040).putInt(6).putLong(filetime); // PR_MESSAGE_DELIVERY_TIME
            root.createDocument("__properties_version1.0", new ByteArrayInputStream(props.array()));
            if (attachment != null) {
                DirectoryEntry a = root.createDirectory("__attach_version1.0_#00000000");
                string(a, 0x3707, attachmentName);
                string(a, 0x3704, attachmentName);
                a.createDocument("__substg1.0_37010102", new ByteArrayInputStream(attachment));
                a.createDocument("__properties_version1.0", new ByteArrayInputStream(new byte[8]));
            }
            return write(fs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void string(DirectoryEntry dir, int property, String value) throws IOException {
        String name = String.format("__substg1.0_%04X001F", property);
        dir.createDocument(name, new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_16LE)));
    }

    // ---- TNEF (MS-OXTNEF): winmail.dat ----------------------------------------------------------

    /** A winmail.dat with a subject, a plain body and one attached file. */
    static byte[] tnef(String subject, String body, String fileName, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putInt(0x223E9F78).putShort((short) 1);
        out.writeBytes(head.array());
        attribute(out, 1, 0x0008_9006, new byte[] {0, 0, 1, 0}); // attTnefVersion
        attribute(out, 1, 0x0001_8004, cString(subject));        // attSubject
        attribute(out, 1, 0x0002_800C, cString(body));           // attBody
        attribute(out, 2, 0x0006_9002, new byte[14]);            // attAttachRendData: starts the attachment
        attribute(out, 2, 0x0001_8010, cString(fileName));       // attAttachTitle
        attribute(out, 2, 0x0006_800F, file);                    // attAttachData
        return out.toByteArray();
    }

    private static void attribute(ByteArrayOutputStream out, int level, int id, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 4 + data.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) level).putInt(id).putInt(data.length).put(data);
        int sum = 0;
        for (byte x : data) sum += x & 0xFF;
        b.putShort((short) sum);
        out.writeBytes(b.array());
    }

    private static byte[] cString(String s) {
        byte[] text = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] z = new byte[text.length + 1];
        System.arraycopy(text, 0, z, 0, text.length);
        return z;
    }

    // ---- OpenDocument ---------------------------------------------------------------------------

    private static final String ODF_NS = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
            + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"";

    /** An .odt whose paragraphs are the given lines. */
    static byte[] odt(String title, String created, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) body.append("<text:p>").append(escape(p).replace("  ", " <text:s/>")).append("</text:p>");
        return odf("application/vnd.oasis.opendocument.text", "<office:document-content " + ODF_NS + "><office:body><office:text>"
                + body + "</office:text></office:body></office:document-content>", title, created);
    }

    /** An .ods with one sheet: a header row and data rows, trailing padding cells and rows as LibreOffice writes them. */
    static byte[] ods(String sheet, String[] header, String[]... rows) {
        StringBuilder t = new StringBuilder("<table:table table:name=\"" + escape(sheet) + "\">");
        t.append(row(header));
        for (String[] r : rows) t.append(row(r));
        t.append("<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>");
        t.append("</table:table>");
        return odf("application/vnd.oasis.opendocument.spreadsheet", "<office:document-content " + ODF_NS
                + "><office:body><office:spreadsheet>" + t + "</office:spreadsheet></office:body></office:document-content>", null, null);
    }

    private static String row(String[] cells) {
        StringBuilder r = new StringBuilder("<table:table-row>");
        for (String c : cells) r.append("<table:table-cell><text:p>").append(escape(c)).append("</text:p></table:table-cell>");
        return r.append("<table:table-cell table:number-columns-repeated=\"16000\"/></table:table-row>").toString();
    }

    /** A style template as LibreOffice ships them (its Default.ott): styles.xml with a footer's text, and no content.xml. */
    static byte[] odtStylesOnly(String footer) {
        return odf("application/vnd.oasis.opendocument.text-template", "styles.xml", "<office:document-styles " + ODF_NS
                + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"><office:master-styles><style:master-page style:name=\"Standard\">"
                + "<style:footer><text:p>" + escape(footer) + "</text:p></style:footer></style:master-page></office:master-styles>"
                + "</office:document-styles>", "Default", null);
    }

    private static byte[] odf(String mimetype, String content, String title, String created) {
        return odf(mimetype, "content.xml", content, title, created);
    }

    private static byte[] odf(String mimetype, String part, String content, String title, String created) {
        String meta = "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"><office:meta>"
                + (title == null ? "" : "<dc:title>" + escape(title) + "</dc:title>")
                + (created == null ? "" : "<meta:creation-date>" + created + "</meta:creation-date>")
                + "</office:meta></office:document-meta>";
        String manifest = "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + mimetype + "\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                // The spec's signature: "mimetype" first and stored, so that its bytes sit at offset 38.
                byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry first = new ZipEntry("mimetype");
                first.setMethod(ZipEntry.STORED);
                first.setSize(type.length);
                CRC32 crc = new CRC32();
                crc.update(type);
                first.setCrc(crc.getValue());
                zip.putNextEntry(first);
                zip.write(type);
                zip.closeEntry();
                for (Map.Entry<String, String> e : Map.of(part, content, "meta.xml", meta, "META-INF/manifest.xml", manifest).entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- PowerPoint ----------------------------------------------------------------------------

    /** A .pptx with one slide per string, each in a text box, and speaker notes on the first. */
    static byte[] pptx(String notes, String... slides) {
        try (org.apache.poi.xslf.usermodel.XMLSlideShow show = new org.apache.poi.xslf.usermodel.XMLSlideShow();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : slides) {
                var slide = show.createSlide();
                var box = slide.createTextBox();
                box.setAnchor(new java.awt.Rectangle(50, 50, 600, 100));
                box.setText(text);
            }
            var note = show.getNotesSlide(show.getSlides().get(0));
            for (var shape : note.getPlaceholders()) {
                if (shape.getTextType() == org.apache.poi.sl.usermodel.Placeholder.BODY) shape.setText(notes);
            }
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PowerPoint 97-2003 .ppt with one slide per string. */
    static byte[] ppt(String... slides) {
        try (org.apache.poi.hslf.usermodel.HSLFSlideShow show = new org.apache.poi.hslf.usermodel.HSLFSlideShow();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : slides) {
                var box = show.createSlide().createTextBox();
                box.setAnchor(new java.awt.Rectangle(50, 50, 600, 100));
                box.setText(text);
            }
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- RTF ------------------------------------------------------------------------------------

    /** An RTF letter as WordPad writes it: font table, code page escapes, Unicode escapes, an info group. */
    static byte[] rtf() {
        String rtf = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil\\fcharset0 Calibri;}}"
                + "{\\colortbl ;\\red0\\green0\\blue255;}{\\*\\generator Riched20 10.0.19041}"
                + "{\\info{\\title Notice of determination}{\\author Records Access Officer}{\\creatim\\yr2023\\mo11\\dy14\\hr10\\min5}}"
                + "\\viewkind4\\uc1\\pard\\f0\\fs22 Dear Ms. P\\'e9rez,\\par\\par "
                + "Your request under \\u167?87(2)(b) \\endash  the {\\b caf\\'e9} permits \\u8212? is granted in part.\\par "
                + "{\\pict\\wmetafile8 0102030405060708}Sincerely,\\par Records Access Officer\\par}";
        return rtf.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---- Excel ----------------------------------------------------------------------------------

    /** An Excel 5.0/95 workbook (BIFF5 in a "Book" stream) with one sheet of labels and a number. */
    static byte[] biff5(String sheet, String... labels) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        record(s, 0x0809, le(8).putShort((short) 0x0500).putShort((short) 0x0005).putShort((short) 0).putShort((short) 0).array());
        record(s, 0x0042, le(2).putShort((short) 1252).array()); // CODEPAGE
        byte[] name = sheet.getBytes(StandardCharsets.ISO_8859_1);
        int boundSheetAt = s.size();
        record(s, 0x0085, le(7 + name.length).putInt(0).put((byte) 0).put((byte) 0).put((byte) name.length).put(name).array());
        record(s, 0x000A, new byte[0]);
        int sheetStart = s.size();
        record(s, 0x0809, le(8).putShort((short) 0x0500).putShort((short) 0x0010).putShort((short) 0).putShort((short) 0).array());
        for (int i = 0; i < labels.length; i++) {
            byte[] text = labels[i].getBytes(StandardCharsets.ISO_8859_1);
            record(s, 0x0204, le(8 + text.length).putShort((short) (i / 2)).putShort((short) (i % 2)).putShort((short) 0x0F)
                    .putShort((short) text.length).put(text).array());
        }
        record(s, 0x0203, le(14).putShort((short) 9).putShort((short) 0).putShort((short) 0x0F).putDouble(1995).array());
        record(s, 0x000A, new byte[0]);
        byte[] stream = s.toByteArray();
        ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN).putInt(boundSheetAt + 4, sheetStart);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(stream), "Book");
            return write(fs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void record(ByteArrayOutputStream out, int sid, byte[] data) {
        out.writeBytes(le(4).putShort((short) sid).putShort((short) data.length).array());
        out.writeBytes(data);
    }

    /** A one-sheet .xls whose cells are the given header and row. */
    static byte[] xls(String... cells) {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            var sheet = wb.createSheet("Log");
            var header = sheet.createRow(0);
            var row = sheet.createRow(1);
            for (int i = 0; i < cells.length / 2; i++) {
                header.createCell(i).setCellValue(cells[i]);
                row.createCell(i).setCellValue(cells[cells.length / 2 + i]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same OLE2 file with every root stream's name in lower case, as some converters write it. */
    static byte[] lowerCaseStreams(byte[] ole2) {
        try (POIFSFileSystem src = new POIFSFileSystem(new ByteArrayInputStream(ole2)); POIFSFileSystem dst = new POIFSFileSystem()) {
            for (Entry e : src.getRoot()) {
                if (e instanceof DocumentEntry d) {
                    try (DocumentInputStream in = new DocumentInputStream(d)) {
                        dst.createDocument(in, d.getName().toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
            return write(dst);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An .xlsx "protected" with Excel's built-in password, which opens without asking for one. */
    static byte[] velvetSweatshopXlsx(String header, String value) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Roster");
            sheet.createRow(0).createCell(0).setCellValue(header);
            sheet.createRow(1).createCell(0).setCellValue(value);
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            wb.write(plain);
            return encrypt(plain.toByteArray(), Decryptor.DEFAULT_PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] encrypt(byte[] ooxml, String password) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            // Standard encryption, as Excel 2007 wrote it for "protected" workbooks (and quick to derive keys for).
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.standard).getEncryptor();
            encryptor.confirmPassword(password);
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(ooxml)); OutputStream os = encryptor.getDataStream(fs)) {
                pkg.save(os);
            }
            return write(fs);
        }
    }

    private static byte[] write(POIFSFileSystem fs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        return out.toByteArray();
    }
}
