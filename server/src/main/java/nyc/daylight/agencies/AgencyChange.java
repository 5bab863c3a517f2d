package nyc.daylight.agencies;

import java.time.OffsetDateTime;

/** One field an admin changed on an agency. */
public record AgencyChange(OffsetDateTime changedAt, String changedBy, String field, String oldValue, String newValue) {}
