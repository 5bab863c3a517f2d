package nyc.daylight.records.correspondents;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The month a message was sent, from the "Sent:" or "Date:" value as printouts write it:
 * "Tuesday, March 3, 2026 4:12 PM" (Outlook), "Tue, Mar 3, 2026 at 4:12 PM" (Gmail),
 * "3 Mar 2026 16:12:00 -0500" (RFC 5322), "03/03/2026 04:12 PM" (Lotus Notes). Only the month is
 * kept: the index counts by month, and the day is on the linked page.
 */
final class SentMonths {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Pattern NAMED = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(?:\\d{1,2},?\\s+)?((?:19|20)\\d\\d)\\b");
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(?i)\\b\\d{1,2}\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+((?:19|20)\\d\\d)\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})/\\d{1,2}/((?:19|20)\\d\\d)\\b");

    private SentMonths() {
    }

    static Optional<YearMonth> parse(String value) {
        for (Pattern p : new Pattern[] {DAY_FIRST, NAMED}) {
            Matcher m = p.matcher(value);
            if (m.find()) {
                return Optional.of(YearMonth.of(Integer.parseInt(m.group(2)),
                        MONTHS.get(m.group(1).toLowerCase(Locale.ROOT))));
            }
        }
        Matcher n = NUMERIC.matcher(value);
        if (n.find()) {
            int month = Integer.parseInt(n.group(1));
            if (month >= 1 && month <= 12) {
                return Optional.of(YearMonth.of(Integer.parseInt(n.group(2)), month));
            }
        }
        return Optional.empty();
    }
}
