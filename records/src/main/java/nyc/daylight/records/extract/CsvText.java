package nyc.daylight.records.extract;

import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV rows as "Header: value; Header: value" lines, so a hit reads like a record rather than a row of commas. */
final class CsvText {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    private CsvText() {}

    /** Throws {@link IOException} or {@link java.io.UncheckedIOException} when the quoting is malformed. */
    static List<ExtractedPage> pages(byte[] content, Job job) throws IOException {
        return pages(content, job, ',');
    }

    /** The same for another delimiter: a tab for tab-separated exports. */
    static List<ExtractedPage> pages(byte[] content, Job job, char delimiter) throws IOException {
        RowPages pages = new RowPages(job.limits.maxPages());
        CSVFormat format = delimiter == ',' ? FORMAT : FORMAT.builder().setDelimiter(delimiter).get();
        try (CSVParser parser = CSVParser.parse(PlainText.decode(content), format)) {
            List<String> headers = null;
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (headers == null) {
                    headers = values;
                } else {
                    pages.row(Paging.row(headers, values, i -> "Column " + (i + 1)));
                }
                if (record.getRecordNumber() % RowPages.ROWS_PER_PAGE == 0) job.checkpoint();
            }
        }
        return pages.pages();
    }
}
