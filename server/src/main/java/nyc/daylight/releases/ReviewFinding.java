package nyc.daylight.releases;



/**
 * Personal data found on a page (by the scanner, or marked by hand when {@code manual}) and the
 * officer's decision on it: null until decided, then REDACT (citing {@code exemption}), KEEP or
 * NOT_PERSONAL.
 */
public record ReviewFinding(long id, int pageNo, String kind, String text, int startOffset, int endOffset, double confidence,
                            boolean manual, String decision, String exemption) {
}
