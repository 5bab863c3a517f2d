package nyc.daylight.requests;

import java.util.List;

/** What a submission produced; {@code repeated} when the same form had already been submitted. */
public record FilingResult(long filingId, List<String> numbers, boolean repeated) {}
