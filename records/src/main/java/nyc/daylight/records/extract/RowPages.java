package nyc.daylight.records.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects table rows into pages of {@value #ROWS_PER_PAGE}. Each sheet of a workbook is a
 * section: it starts a new page, and its name heads each of its pages so a hit deep in a long
 * sheet still says which sheet it is on.
 */
final class RowPages {
    static final int ROWS_PER_PAGE = 50;
    private final int maxPages;
    private final List<ExtractedPage> pages = new ArrayList<>();
    private StringBuilder page;
    private int rows;
    private String section;
    private int sectionPages;

    RowPages(int maxPages) {
        this.maxPages = maxPages;
    }

    void section(String name) {
        flush();
        section = name;
        sectionPages = 0;
        start();
    }

    void row(String row) {
        if (row.isEmpty()) return;
        if (page == null || rows == ROWS_PER_PAGE) {
            flush();
            start();
        }
        page.append(row).append('\n');
        rows++;
    }

    List<ExtractedPage> pages() {
        flush();
        return pages;
    }

    private void start() {
        if (pages.size() == maxPages) throw ExtractionException.tooManyPages(maxPages);
        page = new StringBuilder();
        rows = 0;
        if (section != null) {
            page.append("Sheet: ").append(section).append(sectionPages > 0 ? " (continued)" : "").append("\n\n");
        }
        sectionPages++;
    }

    private void flush() {
        if (page != null) pages.add(ExtractedPage.text(pages.size() + 1, page.toString().strip()));
        page = null;
    }
}
