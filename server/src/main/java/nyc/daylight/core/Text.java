package nyc.daylight.core;



/** What every form and query parameter needs: blank means "not given". */
public final class Text {
    private Text() {
    }

    /** Null for null or blank; otherwise the value without surrounding spaces. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The empty string for null, for templates that show "nothing chosen". */
    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
