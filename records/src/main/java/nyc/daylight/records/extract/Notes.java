package nyc.daylight.records.extract;



/** The short, one-line reason a library gives, for a note or a failure sentence staff will read. */
final class Notes {
    private static final int MAX_DETAIL = 200;

    private Notes() {}

    static String detail(Throwable e) {
        String message = e.getMessage();
        String detail = message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ").strip();
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    }
}
