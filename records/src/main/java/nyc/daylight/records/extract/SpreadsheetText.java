package nyc.daylight.records.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Spreadsheets as rows of "Header: value", the first non-empty row of each sheet being its header;
 * each sheet starts a new page. Cell values are shown as Excel shows them (DataFormatter), with
 * formulas as their last calculated values. .xlsx is streamed sheet by sheet, because loading a
 * large workbook into POI's object model can take many times the file's size in memory.
 */
final class SpreadsheetText {
    private SpreadsheetText() {}

    static List<ExtractedPage> xlsx(byte[] content, Job job) throws IOException, OpenXML4JException, SAXException {
        RowPages pages = new RowPages(job.limits.maxPages());
        OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content));
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            var styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                job.checkpoint();
                try (InputStream sheet = sheets.next()) {
                    pages.section(sheets.getSheetName());
                    Rows rows = new Rows(pages, job);
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new StreamedSheet(rows), formatter(), false));
                    parser.parse(new InputSource(sheet));
                    rows.end();
                } catch (ParserConfigurationException e) {
                    throw new IllegalStateException("No XML parser is configured", e);
                }
            }
        } finally {
            // Opened read-only from memory: revert, never save.
            pkg.revert();
        }
        return pages.pages();
    }

    static List<ExtractedPage> xls(byte[] content, Job job) throws IOException {
        RowPages pages = new RowPages(job.limits.maxPages());
        DataFormatter formatter = formatter();
        try (HSSFWorkbook workbook = new HSSFWorkbook(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                job.checkpoint();
                pages.section(sheet.getSheetName());
                Rows rows = new Rows(pages, job);
                for (Row row : sheet) {
                    List<String> values = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        values.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                    rows.add(values);
                }
                rows.end();
            }
        }
        return pages.pages();
    }

    private static DataFormatter formatter() {
        // US formatting, not the server's locale: NYC records should read the same on any machine.
        DataFormatter formatter = new DataFormatter(Locale.US);
        formatter.setUseCachedValuesForFormulaCells(true);
        return formatter;
    }

    /**
     * A sheet's rows: the first non-empty one names the columns, the rest become lines. Call
     * {@link #end()} after the last row.
     */
    static final class Rows {
        private final RowPages pages;
        private final Job job;
        private List<String> headers;
        private boolean data;
        private int count;

        Rows(RowPages pages, Job job) {
            this.pages = pages;
            this.job = job;
        }

        void add(List<String> values) {
            if (++count % RowPages.ROWS_PER_PAGE == 0) job.checkpoint();
            if (values.stream().allMatch(v -> v == null || v.isBlank())) return;
            if (headers == null) {
                headers = List.copyOf(values);
            } else {
                data = true;
                pages.row(Paging.row(headers, values, i -> "Column " + CellReference.convertNumToColString(i)));
            }
        }

        /**
         * A sheet of one row (a list laid out across, a form's labels, a header waiting for data)
         * has no columns to name: its row is its text, not dropped as a header with nothing under it.
         */
        void end() {
            if (headers != null && !data) {
                pages.row(String.join("; ", headers.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList()));
            }
        }
    }

    /** Adapts POI's streaming callbacks, which give cells by reference and skip empty ones, to whole rows. */
    private static final class StreamedSheet implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private final List<String> values = new ArrayList<>();
        private int nextColumn;

        StreamedSheet(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            values.clear();
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            while (values.size() < column) values.add("");
            String value = formattedValue == null ? "" : formattedValue;
            if (column < values.size()) values.set(column, value); else values.add(value);
            nextColumn = column + 1;
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(values);
        }
    }
}
