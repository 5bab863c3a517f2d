package nyc.daylight.inbound;

import java.time.OffsetDateTime;

/** A matched reply's review state ({@code review}: CLEAN, PENDING or REVIEWED), and what its review page shows of it. */
public record ReviewedReply(long id, Long requestId, Integer eventSeq, String review, String fromAddress, OffsetDateTime receivedAt,
                            String shownSubject, String shownText) {}
