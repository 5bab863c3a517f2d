package nyc.daylight.scorecards;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import nyc.daylight.core.BadInput;

/** The requests a scorecard covers: those received from {@code from} through {@code to}. */
public record Period(String kind, LocalDate from, LocalDate to, String label) {
    static final LocalDate EARLIEST = LocalDate.of(2015, 1, 1);

    /**
     * @param kind "12m" (default: the last twelve months), "month", "quarter", "year" (each the current
     *     one, or the one containing {@code at}), or "custom" with {@code from} and {@code to}
     */
    public static Period parse(String kind, String at, String from, String to, LocalDate today) {
        String k = kind == null || kind.isBlank() ? (from != null && !from.isBlank() ? "custom" : "12m") : kind.strip();
        LocalDate anchor = at == null || at.isBlank() ? today : date("at", at);
        return switch (k) {
            case "12m" -> new Period(k, today.minusMonths(12).plusDays(1), today, "the last 12 months");
            case "month" -> {
                LocalDate f = anchor.withDayOfMonth(1);
                yield new Period(k, f, f.with(TemporalAdjusters.lastDayOfMonth()), f.getMonth().getDisplayName(
                        TextStyle.FULL, Locale.ENGLISH) + " " + f.getYear());
            }
            case "quarter" -> {
                int q = anchor.get(IsoFields.QUARTER_OF_YEAR);
                LocalDate f = LocalDate.of(anchor.getYear(), (q - 1) * 3 + 1, 1);
                yield new Period(k, f, f.plusMonths(3).minusDays(1), "Q" + q + " " + anchor.getYear());
            }
            case "year" -> new Period(k, LocalDate.of(anchor.getYear(), 1, 1), LocalDate.of(anchor.getYear(), 12, 31),
                    Integer.toString(anchor.getYear()));
            case "custom" -> {
                LocalDate f = from == null || from.isBlank() ? EARLIEST : date("from", from);
                LocalDate t = to == null || to.isBlank() ? today : date("to", to);
                if (t.isBefore(f)) throw BadInput.of("to", "error.period.endBeforeStart");
                if (f.isBefore(EARLIEST)) throw BadInput.of("from", "error.scorecard.tooEarly");
                yield new Period(k, f, t, f + " to " + t);
            }
            default -> throw BadInput.of("period", "error.scorecard.period");
        };
    }

    private static LocalDate date(String field, String v) {
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw BadInput.of(field, "error.date.formatOnly");
        }
    }
}
