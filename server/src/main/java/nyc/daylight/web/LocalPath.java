package nyc.daylight.web;



/**
 * The one check for a redirect target that a visitor supplied ({@code next=}, a page to go back
 * to): only a path on this site passes, judged as a browser's URL parser would read it. Browsers
 * drop tabs and line breaks anywhere in a URL, read a backslash as a slash, and treat "//host" as
 * another site, so "/\evil", "/\t/evil" and "/%2F/evil" (decoded by a later hop) all lead off-site.
 * Rather than enumerate tricks, a target must be plain printable ASCII, start with exactly one
 * "/", and stay so however many times it is percent-decoded: no backslash, no control character,
 * no empty or dot segment in its path. Anything else gets the caller's default.
 */
public final class LocalPath {
    private static final int MAX_LENGTH = 2000;
    private static final int DECODE_ROUNDS = 3;

    private LocalPath() {}

    /** {@code target} when it is a safe path on this site, else {@code fallback}. */
    public static String or(String target, String fallback) {
        return isLocal(target) ? target : fallback;
    }

    public static boolean isLocal(String target) {
        if (target == null || target.isEmpty() || target.length() > MAX_LENGTH) return false;
        String current = target;
        for (int round = 0; round <= DECODE_ROUNDS; round++) {
            if (!plainLocal(current, round == 0)) return false;
            String decoded = percentDecode(current);
            if (decoded == null) return false; // a stray '%' a later hop might read differently
            if (decoded.equals(current)) return true;
            current = decoded;
        }
        return false; // still changing after several decodings: nobody needs that
    }

    /**
     * One reading of the target: printable ASCII (a space or a non-ASCII letter only once decoded,
     * as "%20" or "%C3%B1" in a search is), one leading slash, a clean path part.
     */
    private static boolean plainLocal(String s, boolean raw) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Once decoded, bytes of UTF-8 ("Pe%C3%B1a" in a search) are letters, not a way off-site: refused only as written.
            if (c < 0x20 || (raw && c == 0x20) || c == 0x7f || (raw && c > 0x7f) || c == '\\') return false;
        }
        if (!s.startsWith("/")) return false;
        int end = s.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = s.indexOf(stop);
            if (at >= 0 && at < end) end = at;
        }
        String path = s.substring(0, end);
        if (path.contains("//")) return false;
        // "." and ".." segments are never needed, and resolving them can leave a "//" behind ("/.//evil").
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) return false;
        }
        return true;
    }

    /** Decodes %XX escapes (never '+', which is only a space in forms); null if an escape is malformed. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= s.length()) return null;
            int hi = Character.digit(s.charAt(i + 1), 16);
            int lo = Character.digit(s.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) return null;
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        // Bytes that are not ASCII become characters the plain check refuses, as they should.
        return bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
