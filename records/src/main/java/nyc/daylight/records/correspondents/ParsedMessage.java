package nyc.daylight.records.correspondents;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** One header block found on a page: who, and the month it was sent when the page says. */
public record ParsedMessage(List<Correspondent> parties, Optional<YearMonth> month) {
}
