package nyc.daylight.boot.doctor;

/**
 * One line of {@code daylight doctor}: a part of the set-up, how it stands, what was found, and
 * the setting to change when it is not ok.
 *
 * @param part    what was checked ("database", "outgoing mail")
 * @param detail  what was found, in a sentence
 * @param setting what to change or do about it; empty when nothing needs doing
 */
public record Finding(Level level, String part, String detail, String setting) {
    public enum Level { OK, WARNING, ERROR }

    public static Finding ok(String part, String detail) {
        return new Finding(Level.OK, part, detail, "");
    }

    public static Finding warning(String part, String detail, String setting) {
        return new Finding(Level.WARNING, part, detail, setting);
    }

    public static Finding error(String part, String detail, String setting) {
        return new Finding(Level.ERROR, part, detail, setting);
    }
}
