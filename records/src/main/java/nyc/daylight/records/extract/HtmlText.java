package nyc.daylight.records.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * HTML to readable plain text, for HTML-only emails and HTML files. Deliberately simple (no DOM):
 * the goal is searchable words with line breaks roughly where a browser would put them, not a
 * faithful rendering.
 */
final class HtmlText {
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern LINE_BREAK = Pattern.compile(
            "(?i)<\\s*(br|/?p|/?div|/?tr|/?li|/?h[1-6]|/?table|/?blockquote|/?ul|/?ol|hr)\\b[^>]*>");
    private static final Pattern CELL_END = Pattern.compile("(?i)</\\s*t[dh]\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n(\\s*\\n)+");
    private static final Map<String, String> NAMED = named();

    private HtmlText() {}

    /** The entities mail clients actually write: the basics, typographic quotes and dashes, and Latin-1. */
    private static Map<String, String> named() {
        Map<String, String> named = new HashMap<>(Map.ofEntries(
                Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
                Map.entry("apos", "'"), Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"),
                Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"),
                Map.entry("rdquo", "\u201D"), Map.entry("hellip", "\u2026"), Map.entry("bull", "\u2022"),
                Map.entry("euro", "\u20AC"), Map.entry("trade", "\u2122")));
        // HTML 4's Latin-1 entities name U+00A0 to U+00FF in order.
        String[] latin1 = ("nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn "
                + "sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute "
                + "Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde "
                + "Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave "
                + "aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth "
                + "ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml").split(" ");
        for (int i = 0; i < latin1.length; i++) named.put(latin1[i], Character.toString(0xA0 + i));
        named.put("nbsp", " ");
        return Map.copyOf(named);
    }

    static String toText(String html) {
        String s = INVISIBLE.matcher(html).replaceAll(" ");
        s = LINE_BREAK.matcher(s).replaceAll("\n");
        s = CELL_END.matcher(s).replaceAll(" ");
        s = TAG.matcher(s).replaceAll("");
        s = unescape(s);
        s = SPACES.matcher(s.replace("\r", "")).replaceAll(" ");
        s = s.lines().map(String::strip).collect(Collectors.joining("\n"));
        return BLANK_LINES.matcher(s).replaceAll("\n\n").strip();
    }

    private static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        return m.replaceAll(r -> Matcher.quoteReplacement(entity(r.group(1), r.group())));
    }

    private static String entity(String body, String whole) {
        try {
            if (body.startsWith("#x") || body.startsWith("#X")) return Character.toString(Integer.parseInt(body.substring(2), 16));
            if (body.startsWith("#")) return Character.toString(Integer.parseInt(body.substring(1)));
        } catch (IllegalArgumentException e) {
            return whole; // a code point beyond Unicode: leave it as written
        }
        String named = NAMED.getOrDefault(body, NAMED.get(body.toLowerCase(Locale.ROOT)));
        return named == null ? whole : named;
    }
}
