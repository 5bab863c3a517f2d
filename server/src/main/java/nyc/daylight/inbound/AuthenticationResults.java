package nyc.daylight.inbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Authentication-Results header (RFC 8601), parsed strictly enough to decide on: its
 * authserv-id and each method's result with its properties. Comments in parentheses (nested, and
 * with quoted pairs) are dropped, quoted strings are read as values, and anything that does not
 * fit the grammar makes that result unusable rather than guessed at: a header a sender wrote
 * must never read as a pass by accident.
 *
 * <p>Pure: no I/O. {@link SenderCheck} decides which header to believe.
 */
public record AuthenticationResults(String authservId, List<Result> results) {

    /**
     * One "method=result" with its properties, all lower-cased ("dmarc", "pass",
     * {"header.from": "example.com"}).
     */
    public record Result(String method, String result, Map<String, String> properties) {
        public Optional<String> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }

        public boolean passed() {
            return "pass".equals(result);
        }
    }

    public AuthenticationResults {
        results = List.copyOf(results);
    }

    /** Empty when the header has no authserv-id at all. */
    public static Optional<AuthenticationResults> parse(String header) {
        if (header == null) return Optional.empty();
        List<String> tokens = tokens(header);
        if (tokens == null) return Optional.empty();
        List<List<String>> segments = segments(tokens);
        if (segments.isEmpty() || segments.getFirst().isEmpty()) return Optional.empty();
        // The first segment is the authserv-id, optionally followed by a version number.
        List<String> head = segments.getFirst();
        // (Exchange Online writes no authserv-id at all: such a header names no one to trust.)
        if (head.size() > 2 || isSymbol(head.getFirst()) || head.size() == 2 && !head.get(1).matches("[0-9]+")) return Optional.empty();
        String id = unquote(head.getFirst()).toLowerCase(Locale.ROOT);
        if (id.isEmpty()) return Optional.empty();
        List<Result> results = new ArrayList<>();
        for (List<String> segment : segments.subList(1, segments.size())) {
            result(segment).ifPresent(results::add);
        }
        return Optional.of(new AuthenticationResults(id, results));
    }

    /** "method[/version] = result" then "name = value" pairs; anything else is no result. */
    private static Optional<Result> result(List<String> t) {
        if (t.size() < 3 || isSymbol(t.get(0)) || !"=".equals(t.get(1)) || isSymbol(t.get(2))) return Optional.empty();
        String method = t.get(0).toLowerCase(Locale.ROOT);
        int slash = method.indexOf('/');
        if (slash >= 0) method = method.substring(0, slash);
        if (method.equals("none")) return Optional.empty();
        String result = unquote(t.get(2)).toLowerCase(Locale.ROOT);
        Map<String, String> properties = new LinkedHashMap<>();
        int i = 3;
        while (i < t.size()) {
            if (i + 2 >= t.size()) return Optional.empty(); // not a whole "name = value"
            String name = t.get(i);
            if (isSymbol(name) || !"=".equals(t.get(i + 1)) || isSymbol(t.get(i + 2))) return Optional.empty();
            String key = name.toLowerCase(Locale.ROOT);
            // A verifier writes each property once; twice is ambiguous, so the result is not used.
            if (properties.putIfAbsent(key, unquote(t.get(i + 2)).toLowerCase(Locale.ROOT)) != null) return Optional.empty();
            i += 3;
        }
        return Optional.of(new Result(method, result, properties));
    }

    /** Splits at ";" into segments of tokens. */
    private static List<List<String>> segments(List<String> tokens) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String t : tokens) {
            if (";".equals(t)) {
                out.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        out.add(current);
        return out;
    }

    /**
     * Words, quoted strings (kept with their quotes, so they are never mistaken for a symbol), and
     * the symbols "=" and ";". Comments and whitespace (folding included) separate tokens. Null
     * when a quoted string or a comment never ends: such a header is not read at all.
     */
    static List<String> tokens(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (depth > 0) {
                if (c == '\\') i++;
                else if (c == '(') depth++;
                else if (c == ')') depth--;
                i++;
                continue;
            }
            if (c == '(' || c == '"' || c == '=' || c == ';' || Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                if (c == '(') {
                    depth = 1;
                } else if (c == '"') {
                    StringBuilder quoted = new StringBuilder("\"");
                    i++;
                    while (i < header.length() && header.charAt(i) != '"') {
                        if (header.charAt(i) == '\\' && i + 1 < header.length()) i++;
                        quoted.append(header.charAt(i));
                        i++;
                    }
                    if (i >= header.length()) return null;
                    out.add(quoted.append('"').toString());
                } else if (c == '=' || c == ';') {
                    out.add(String.valueOf(c));
                }
                i++;
                continue;
            }
            word.append(c);
            i++;
        }
        if (depth > 0) return null;
        if (!word.isEmpty()) out.add(word.toString());
        return out;
    }

    private static boolean isSymbol(String token) {
        return "=".equals(token) || ";".equals(token);
    }

    private static String unquote(String token) {
        return token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"") ? token.substring(1, token.length() - 1) : token;
    }
}
