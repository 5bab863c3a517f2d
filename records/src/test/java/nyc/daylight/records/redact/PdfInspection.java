package nyc.daylight.records.redact;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Test-side probes of a PDF, written independently of the code under test. */
final class PdfInspection {
    private static final List<Charset> ENCODINGS = List.of(
            StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE);

    private PdfInspection() {}

    /**
     * Everywhere {@code needle} can be found in a PDF: its raw bytes (as Latin-1, UTF-16 either
     * way round, and as a hex string), and, through the parser, every object in the cross-reference
     * table (object streams included): decoded stream data, strings and names.
     */
    static List<String> leaks(byte[] pdf, String needle) throws IOException {
        List<String> found = new ArrayList<>();
        for (Charset cs : ENCODINGS) {
            byte[] form = needle.getBytes(cs);
            if (indexOf(pdf, form) >= 0) {
                found.add("raw bytes as " + cs);
            }
            String hex = HexFormat.of().formatHex(form);
            String raw = new String(pdf, StandardCharsets.ISO_8859_1);
            if (raw.contains(hex) || raw.contains(hex.toUpperCase(Locale.ROOT))) {
                found.add("raw bytes as a hex string in " + cs);
            }
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (Map.Entry<COSObjectKey, Long> entry : doc.getDocument().getXrefTable().entrySet()) {
                COSObject object = doc.getDocument().getObjectFromPool(entry.getKey());
                visit(object.getObject(), needle, "object " + entry.getKey(), found);
            }
            visit(doc.getDocument().getTrailer(), needle, "trailer", found);
        }
        return found;
    }

    private static void visit(COSBase base, String needle, String where, List<String> found) throws IOException {
        if (base instanceof COSStream stream) {
            byte[] data;
            try (InputStream in = stream.createInputStream()) {
                data = in.readAllBytes();
            } catch (IOException e) {
                try (InputStream in = stream.createRawInputStream()) {
                    data = in.readAllBytes();
                }
            }
            for (Charset cs : ENCODINGS) {
                if (indexOf(data, needle.getBytes(cs)) >= 0) {
                    found.add(where + ": decoded stream data as " + cs);
                }
            }
        }
        if (base instanceof COSDictionary dict) {
            for (Map.Entry<COSName, COSBase> e : dict.entrySet()) {
                if (e.getKey().getName().contains(needle)) {
                    found.add(where + ": key " + e.getKey());
                }
                if (!(e.getValue() instanceof COSObject)) { // referenced objects are visited from the xref table
                    visit(e.getValue(), needle, where + "/" + e.getKey().getName(), found);
                }
            }
        } else if (base instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                COSBase item = array.get(i);
                if (!(item instanceof COSObject)) {
                    visit(item, needle, where + "[" + i + "]", found);
                }
            }
        } else if (base instanceof COSString s && s.getString().contains(needle)) {
            found.add(where + ": string");
        } else if (base instanceof COSName n && n.getName().contains(needle)) {
            found.add(where + ": name");
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static BufferedImage render(byte[] pdf, int pageIndex, int dpi) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(pageIndex, dpi, ImageType.RGB);
        }
    }

    static boolean isBlack(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r < 40 && g < 40 && b < 40;
    }

    /** The share of pixels in {@code region} that are (near) black. */
    static double blackFraction(BufferedImage image, Rectangle region) {
        Rectangle r = region.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        if (r.isEmpty()) {
            throw new AssertionError("region " + region + " is outside the image");
        }
        long black = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                if (isBlack(image.getRGB(x, y))) {
                    black++;
                }
            }
        }
        return (double) black / ((long) r.width * r.height);
    }

    /** The bounding box of the pixels that differ between two renderings of the same size (the ink of what one lacks). */
    static Rectangle difference(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new AssertionError("renderings differ in size");
        }
        Rectangle box = null;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (distance(a.getRGB(x, y), b.getRGB(x, y)) > 96) {
                    Rectangle px = new Rectangle(x, y, 1, 1);
                    box = box == null ? px : box.union(px);
                }
            }
        }
        if (box == null) {
            throw new AssertionError("renderings are identical");
        }
        return box;
    }

    private static int distance(int p, int q) {
        return Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff))
                + Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff))
                + Math.abs((p & 0xff) - (q & 0xff));
    }
}
