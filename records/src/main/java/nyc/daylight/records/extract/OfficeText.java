package nyc.daylight.records.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.hpsf.PropertySetFactory;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.extractor.OldExcelExtractor;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.EntryUtils;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Word, Excel and PowerPoint files with what POI's plain readers miss: the title and creation date from the
 * document's properties, Excel 5/95 workbooks (BIFF5, read by POI's old-Excel extractor), OLE2
 * files whose stream names are in the wrong case, and OOXML files "protected" with Excel's
 * built-in password (VelvetSweatshop), which Excel opens without asking anyone for a password.
 */
final class OfficeText {
    /** The stream names readers look for, by their lower-case form. */
    private static final Map<String, String> STREAMS = Map.of(
            "worddocument", "WordDocument", "1table", "1Table", "0table", "0Table", "data", "Data",
            "workbook", "Workbook", "book", "Book", "\u0005summaryinformation", "\u0005SummaryInformation",
            "\u0005documentsummaryinformation", "\u0005DocumentSummaryInformation", "objectpool", "ObjectPool");

    private OfficeText() {}

    static Content docx(byte[] content, Job job) throws IOException {
        Properties p = properties(content);
        return Content.pages(WordText.docx(content, job.limits.maxPages())).described(p.title(), p.created());
    }

    static Content xlsx(byte[] content, Job job) throws Exception {
        Properties p = properties(content);
        return Content.pages(SpreadsheetText.xlsx(content, job)).described(p.title(), p.created());
    }

    static Content pptx(byte[] content, Job job) throws IOException {
        Properties p = properties(content);
        return Content.pages(SlideText.pptx(content, job)).described(p.title(), p.created());
    }

    static Content ppt(byte[] content, Job job) throws IOException {
        return withSummary(Content.pages(SlideText.ppt(content, job)), content);
    }

    static Content doc(byte[] content, Job job) throws IOException {
        byte[] named = canonicalNames(content);
        return withSummary(Content.pages(WordText.doc(named, job.limits.maxPages())), named);
    }

    static Content xls(byte[] content, Job job) throws IOException {
        byte[] named = canonicalNames(content);
        try {
            return withSummary(Content.pages(SpreadsheetText.xls(named, job)), named);
        } catch (OldExcelFormatException e) {
            // Excel 5.0/95 (BIFF5) and older: cell text without the workbook model, sheet by sheet.
            try (OldExcelExtractor old = new OldExcelExtractor(new ByteArrayInputStream(named))) {
                return withSummary(Content.pages(Paging.pages(old.getText(), job.limits.maxPages())), named);
            }
        }
    }

    /**
     * The OOXML package inside an encrypted OLE2 wrapper when it opens with Excel's default
     * password; empty when a real password is needed.
     */
    static Optional<byte[]> openWithDefaultPassword(byte[] content, long maxBytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            EncryptionInfo info = new EncryptionInfo(fs);
            Decryptor decryptor = Decryptor.getInstance(info);
            if (!decryptor.verifyPassword(Decryptor.DEFAULT_PASSWORD)) return Optional.empty();
            try (InputStream in = decryptor.getDataStream(fs)) {
                byte[] plain = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
                if (plain.length > maxBytes) throw ExtractionException.tooLarge(plain.length, maxBytes);
                return Optional.of(plain);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof ExtractionException refused) throw refused;
            return Optional.empty();
        }
    }

    /**
     * The same OLE2 file with its streams renamed to the case readers expect ("workbook" becomes
     * "Workbook"), or the file itself when nothing needs renaming.
     */
    static byte[] canonicalNames(byte[] content) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            boolean rename = false;
            for (Entry e : root) {
                String canonical = STREAMS.get(e.getName().toLowerCase(Locale.ROOT));
                if (canonical != null && !canonical.equals(e.getName())) rename = true;
            }
            if (!rename) return content;
            try (POIFSFileSystem fixed = new POIFSFileSystem()) {
                for (Entry e : root) {
                    String canonical = STREAMS.getOrDefault(e.getName().toLowerCase(Locale.ROOT), e.getName());
                    if (e instanceof DocumentEntry d) {
                        try (DocumentInputStream in = new DocumentInputStream(d)) {
                            fixed.createDocument(in, canonical);
                        }
                    } else if (e instanceof DirectoryNode dir) {
                        EntryUtils.copyNodeRecursively(dir, fixed.getRoot());
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
                fixed.writeFilesystem(out);
                return out.toByteArray();
            }
        }
    }

    private static Content withSummary(Content content, byte[] ole2) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(ole2))) {
            if (!fs.getRoot().hasEntry(SummaryInformation.DEFAULT_STREAM_NAME)) return content;
            try (DocumentInputStream in = fs.createDocumentInputStream(SummaryInformation.DEFAULT_STREAM_NAME)) {
                if (PropertySetFactory.create(in) instanceof SummaryInformation si) {
                    return content.described(si.getTitle(), instant(si.getCreateDateTime()));
                }
            }
        } catch (Exception e) {
            // Properties are a bonus: a damaged property stream leaves the text as read.
        }
        return content;
    }

    private record Properties(String title, Instant created) {}

    private static Properties properties(byte[] content) {
        try {
            OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content));
            try {
                PackageProperties p = pkg.getPackageProperties();
                return new Properties(p.getTitleProperty().orElse(null), p.getCreatedProperty().map(OfficeText::instant).orElse(null));
            } finally {
                // Opened read-only from memory: revert, never save.
                pkg.revert();
            }
        } catch (Exception e) {
            return new Properties(null, null);
        }
    }

    private static Instant instant(Date d) {
        // Office writes 1601-01-01 (a FILETIME of zero) or 1899/1900 for "never set".
        if (d == null || d.toInstant().isBefore(Instant.parse("1970-01-02T00:00:00Z"))) return null;
        return d.toInstant();
    }
}
