package nyc.daylight.lifecycle;

/**
 * Whether what was typed as an agency's written reason or explanation says anything at all.
 * {@link String#isBlank()} is not enough: it counts a no-break space, a zero-width space or an em
 * space as text, so a reason made only of them would let an acknowledgment set a date months away,
 * or a denial pass, with nothing written. A reason must hold at least one letter or digit. Pure.
 */
final class WrittenReason {
    private WrittenReason() {}

    /** True when {@code text} is null or has no letter or digit in any script. */
    static boolean missing(String text) {
        return text == null || text.codePoints().noneMatch(Character::isLetterOrDigit);
    }
}
