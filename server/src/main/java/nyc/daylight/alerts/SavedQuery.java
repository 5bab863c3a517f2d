package nyc.daylight.alerts;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nyc.daylight.alerts.SavedSearch.Kind;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.Text;
import nyc.daylight.deadlines.Standing;
import nyc.daylight.records.index.SearchQuery;

/**
 * A search as a canonical query string: only the parameters that choose what matches (never the
 * sort or the page), in a fixed order, each checked as the search page checks it. Pure: no I/O.
 */
final class SavedQuery {
    static final List<String> RECORD_PARAMS = List.of("q", "agency", "type", "from", "to", "request");
    static final List<String> REQUEST_PARAMS = List.of("q", "agency", "status");

    private SavedQuery() {}

    static List<String> params(Kind kind) {
        return kind == Kind.RECORDS ? RECORD_PARAMS : REQUEST_PARAMS;
    }

    /** The canonical string of what the form sent; refuses what the search page would refuse. */
    static String canonical(Kind kind, Function<String, String> param) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : params(kind)) {
            String v = Text.blankToNull(param.apply(name));
            if (v != null) values.put(name, v.strip());
        }
        check(kind, values);
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    static Map<String, String> parse(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) return values;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** The records search a saved string stands for. */
    static SearchQuery records(String query) {
        Map<String, String> v = parse(query);
        return new SearchQuery(v.get("q"), v.get("agency"), v.get("type"), date(v.get("from"), "from"), date(v.get("to"), "to"),
                v.get("request"), SearchQuery.Sort.RELEVANCE, 1, 20);
    }

    /** A name for a search nobody named: its words and filters ("detainer · agency: doc"). */
    static String defaultName(String query) {
        Map<String, String> v = parse(query);
        StringBuilder b = new StringBuilder();
        v.forEach((k, value) -> b.append(b.isEmpty() ? "" : " · ").append(k.equals("q") ? value : k + ": " + value));
        String name = b.isEmpty() ? "—" : b.toString();
        return name.length() > 120 ? name.substring(0, 119) + "…" : name;
    }

    private static void check(Kind kind, Map<String, String> v) {
        String q = v.get("q");
        if (q != null && q.length() > (kind == Kind.RECORDS ? 500 : 200)) throw BadInput.of("q", "error.search.tooLong");
        if (v.containsKey("agency") && !v.get("agency").matches("[a-z0-9-]{1,40}")) throw BadInput.of("agency", "alerts.error.filter");
        if (kind == Kind.RECORDS) {
            if (v.containsKey("type") && !v.get("type").matches("[a-z]{1,20}")) throw BadInput.of("type", "alerts.error.filter");
            if (v.containsKey("request") && v.get("request").length() > 20) throw BadInput.of("request", "alerts.error.filter");
            LocalDate from = date(v.get("from"), "from");
            LocalDate to = date(v.get("to"), "to");
            if (from != null && to != null && to.isBefore(from)) throw BadInput.of("to", "error.dateRange.endBeforeStart");
        } else {
            String status = v.get("status");
            if (status != null && !status.equals("overdue") && Arrays.stream(Standing.values()).noneMatch(s -> s.name().equals(status))) {
                throw BadInput.of("status", "error.unknownStatus", status);
            }
        }
        if (v.isEmpty()) throw BadInput.of("q", "alerts.error.empty");
    }

    private static LocalDate date(String v, String field) {
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw BadInput.of(field, "error.date.format");
        }
    }
}
