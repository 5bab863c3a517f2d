package nyc.daylight.records.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Splits text that has no pages of its own (plain text, email bodies, Word files) into pages, so a
 * search hit can point at a page-sized passage rather than a whole document.
 */
final class Paging {
    static final int PAGE_CHARS = 3000;

    private Paging() {}

    /** Pages of at most about {@value #PAGE_CHARS} characters, broken at line ends where possible. */
    static List<ExtractedPage> pages(String text, int maxPages) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        List<ExtractedPage> pages = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        int start = 0;
        while (start < t.length()) {
            int end = pieceEnd(t, start);
            if (!page.isEmpty() && page.length() + (end - start) > PAGE_CHARS) {
                add(pages, page, maxPages);
            }
            page.append(t, start, end);
            start = end;
        }
        add(pages, page, maxPages);
        return pages;
    }

    /** The end of the line starting at {@code start}, or of its first page-sized part when it is longer. */
    private static int pieceEnd(String t, int start) {
        int newline = t.indexOf('\n', start);
        int lineEnd = newline < 0 ? t.length() : newline + 1;
        if (lineEnd - start <= PAGE_CHARS) return lineEnd;
        int hardEnd = start + PAGE_CHARS;
        // Text without line breaks (a paragraph, stripped HTML) is cut at a space, not mid-word.
        for (int i = hardEnd - 1; i > start + PAGE_CHARS / 2; i--) {
            if (Character.isWhitespace(t.charAt(i))) return i + 1;
        }
        return Character.isHighSurrogate(t.charAt(hardEnd - 1)) ? hardEnd - 1 : hardEnd;
    }

    private static void add(List<ExtractedPage> pages, StringBuilder page, int maxPages) {
        String text = page.toString().strip();
        page.setLength(0);
        if (text.isEmpty()) return;
        if (pages.size() == maxPages) throw ExtractionException.tooManyPages(maxPages);
        pages.add(ExtractedPage.text(pages.size() + 1, text));
    }

    /**
     * One table row as "Header: value; Header: value", skipping empty cells; a cell without a header
     * is named by {@code unnamed} (its column number or letter). Empty when every cell is empty.
     */
    static String row(List<String> headers, List<String> values, IntFunction<String> unnamed) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String value = oneLine(values.get(i));
            if (value.isEmpty()) continue;
            String header = i < headers.size() ? oneLine(headers.get(i)) : "";
            if (!row.isEmpty()) row.append("; ");
            row.append(header.isEmpty() ? unnamed.apply(i) : header).append(": ").append(value);
        }
        return row.toString();
    }

    /** Line breaks inside a cell would make one row look like several. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
