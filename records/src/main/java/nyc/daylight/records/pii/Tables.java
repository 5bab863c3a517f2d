package nyc.daylight.records.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables in page text, read into cells that know their column's header. Detainer logs, release
 * logs and census extracts name a column once ("A-Number", "DOB") above a hundred rows, so the
 * words in front of a value say nothing and the header must. Four layouts reach the scanner:
 * CSV, tab- or pipe-separated text, the records extractor's spreadsheet rows ("Header: value;
 * Header: value"), and text aligned in columns by spaces (a PDF table as text).
 */
final class Tables {
    /** One cell: its value's span (trimmed, without quotes), its column's header, and its row's other values. */
    record Cell(int start, int end, String header, List<String> row) {}

    private record Field(int start, int end) {}

    /** "Header: value; Header: value" as {@code Paging.row} writes spreadsheet and CSV rows. */
    private static final Pattern SHEET_CELL = Pattern.compile("(?:^|;\\h)([^:;\\n]{1,40}+):\\h([^;\\n]*+)");
    private static final Pattern WIDE_GAP = Pattern.compile("\\h{2,}+|\\t");
    private static final int MAX_HEADER = 40;

    private Tables() {}

    static List<Cell> cells(String page, ColumnHeaders headers) {
        List<int[]> lines = new ArrayList<>();
        for (int at = 0; at <= page.length(); ) {
            int nl = page.indexOf('\n', at);
            int end = nl < 0 ? page.length() : nl;
            lines.add(new int[] {at, end > at && page.charAt(end - 1) == '\r' ? end - 1 : end});
            if (nl < 0) break;
            at = nl + 1;
        }
        List<Cell> cells = new ArrayList<>();
        for (char delimiter : new char[] {'\t', '|', ','}) delimited(page, lines, delimiter, headers, cells);
        aligned(page, lines, headers, cells);
        sheetRows(page, lines, cells);
        return cells;
    }

    private static void delimited(String page, List<int[]> lines, char delimiter, ColumnHeaders headers, List<Cell> out) {
        int min = delimiter == '\t' ? 2 : 3;
        List<String> header = null;
        for (int[] line : lines) {
            List<Field> fields = has(page, line[0], line[1], delimiter) ? split(page, line[0], line[1], delimiter) : List.of();
            if (fields.size() < 2) {
                header = null;
                continue;
            }
            List<String> texts = fields.stream().map(f -> page.substring(f.start(), f.end())).toList();
            if (fields.size() >= min && isHeader(texts, headers)) {
                header = texts;
                continue;
            }
            if (header == null) continue;
            if (delimiter == ',' && fields.size() > header.size()) fields = mergeNames(fields, header, headers);
            texts = fields.stream().map(f -> page.substring(f.start(), f.end())).toList();
            for (int i = 0; i < fields.size() && i < header.size(); i++) {
                Field f = fields.get(i);
                if (f.end() > f.start()) out.add(new Cell(f.start(), f.end(), header.get(i), texts));
            }
        }
    }

    /** Whether page[from, to) holds {@code c}; searching within the line keeps a page of many lines linear. */
    private static boolean has(String page, int from, int to, char c) {
        for (int i = from; i < to; i++) if (page.charAt(i) == c) return true;
        return false;
    }

    /**
     * "399812117,BAPTISTE, WOODSON,2024-02-11": an unquoted "LAST, FIRST" splits one cell in two.
     * When a row has more fields than its header, the extra ones are joined back into the first
     * name column.
     */
    private static List<Field> mergeNames(List<Field> fields, List<String> header, ColumnHeaders headers) {
        int extra = fields.size() - header.size();
        for (int i = 0; i < header.size(); i++) {
            if (headers.classify(header.get(i)) != ColumnHeaders.Column.PERSON_NAME) continue;
            List<Field> merged = new ArrayList<>(fields.subList(0, i));
            merged.add(new Field(fields.get(i).start(), fields.get(i + extra).end()));
            merged.addAll(fields.subList(i + extra + 1, fields.size()));
            return merged;
        }
        return fields;
    }

    /** Fields between delimiters, trimmed; a CSV field's quotes are not part of it, and a quoted comma does not split. */
    private static List<Field> split(String page, int from, int to, char delimiter) {
        List<Field> fields = new ArrayList<>();
        int i = from;
        while (i <= to) {
            int start = i;
            int end;
            boolean quoted = false;
            while (start < to && page.charAt(start) == ' ') start++;
            if (delimiter == ',' && start < to && page.charAt(start) == '"') {
                int close = page.indexOf('"', start + 1);
                if (close < 0 || close >= to) return List.of();
                quoted = true;
                end = close;
                start++;
                i = page.indexOf(delimiter, close);
                if (i < 0 || i > to) i = to;
            } else {
                i = page.indexOf(delimiter, start);
                if (i < 0 || i > to) i = to;
                end = i;
            }
            if (!quoted) {
                while (end > start && Character.isWhitespace(page.charAt(end - 1))) end--;
            }
            fields.add(new Field(start, end));
            i++;
        }
        return fields;
    }

    private static boolean isHeader(List<String> texts, ColumnHeaders headers) {
        boolean known = false;
        for (String t : texts) {
            if (t.isEmpty() || t.length() > MAX_HEADER || t.chars().filter(Character::isDigit).count() > 2) return false;
            if (headers.classify(t) != null) known = true;
        }
        return known;
    }

    /** Columns aligned by spaces: the header's words start the columns, and a value belongs to the column it lies under. */
    private static void aligned(String page, List<int[]> lines, ColumnHeaders headers, List<Cell> out) {
        List<Field> header = null;
        int headerLine = -1;
        for (int[] line : lines) {
            if (page.substring(line[0], line[1]).indexOf('\t') >= 0) {
                header = null;
                continue;
            }
            List<Field> fields = wideSplit(page, line[0], line[1]);
            List<String> texts = fields.stream().map(f -> page.substring(f.start(), f.end())).toList();
            if (fields.size() >= 3 && isHeader(texts, headers)) {
                header = fields;
                headerLine = line[0];
                continue;
            }
            if (header == null || fields.size() < 2) {
                header = null;
                continue;
            }
            int[] starts = new int[header.size()];
            for (int k = 0; k < starts.length; k++) starts[k] = header.get(k).start() - headerLine;
            for (Field f : columnSplit(page, line[0], fields, starts)) {
                int column = column(starts, f.start() - line[0], f.end() - line[0]);
                Field h = header.get(column);
                out.add(new Cell(f.start(), f.end(), page.substring(h.start(), h.end()), texts));
            }
        }
    }

    private static List<Field> wideSplit(String page, int from, int to) {
        List<Field> fields = new ArrayList<>();
        Matcher gap = WIDE_GAP.matcher(page).region(from, to);
        int at = from;
        while (gap.find()) {
            if (gap.start() > at) fields.add(new Field(at, gap.start()));
            at = gap.end();
        }
        int end = to;
        while (end > at && Character.isWhitespace(page.charAt(end - 1))) end--;
        if (end > at) fields.add(new Field(at, end));
        return fields;
    }

    /** A value that ran into the next column with a single space ("05/01/2023 3492300123") is cut where that column starts. */
    private static List<Field> columnSplit(String page, int lineStart, List<Field> fields, int[] starts) {
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            int from = f.start();
            for (int s : starts) {
                int at = lineStart + s;
                if (at > from + 1 && at < f.end() && page.charAt(at - 1) == ' ' && page.charAt(at) != ' ') {
                    out.add(new Field(from, at - 1));
                    from = at;
                }
            }
            out.add(new Field(from, f.end()));
        }
        return out;
    }

    /** The header column with the largest overlap with [start, end), columns running from one header start to the next. */
    private static int column(int[] starts, int start, int end) {
        int best = 0;
        int bestOverlap = -1;
        for (int i = 0; i < starts.length; i++) {
            int from = i == 0 ? Integer.MIN_VALUE / 2 : starts[i];
            int to = i + 1 < starts.length ? starts[i + 1] : Integer.MAX_VALUE / 2;
            int overlap = Math.min(end, to) - Math.max(start, from);
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                best = i;
            }
        }
        return best;
    }

    private static void sheetRows(String page, List<int[]> lines, List<Cell> out) {
        for (int[] line : lines) {
            if (!has(page, line[0], line[1], ';')) continue;
            Matcher m = SHEET_CELL.matcher(page).region(line[0], line[1]);
            List<int[]> found = new ArrayList<>();
            while (m.find()) found.add(new int[] {m.start(1), m.end(1), m.start(2), m.end(2)});
            if (found.size() < 2) continue;
            List<String> row = found.stream().map(c -> page.substring(c[2], c[3])).toList();
            for (int[] c : found) {
                int end = c[3];
                while (end > c[2] && Character.isWhitespace(page.charAt(end - 1))) end--;
                if (end > c[2]) out.add(new Cell(c[2], end, page.substring(c[0], c[1]).strip(), row));
            }
        }
    }
}
