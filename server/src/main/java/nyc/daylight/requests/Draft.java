package nyc.daylight.requests;

import java.time.OffsetDateTime;

/** A composer's saved draft, as the requester's page lists it. */
public record Draft(long id, String title, OffsetDateTime updatedAt) {}
