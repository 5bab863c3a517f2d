package nyc.daylight.notify;

import java.time.OffsetDateTime;

/**
 * A letter Daylight sent someone about a request (the agency, usually), as a bounce finds it.
 *
 * @param alreadyBounced whether an earlier bounce already marked it (a DSN is often sent twice)
 * @param requestLetter  whether it is the request letter itself, the first letter about its request
 */
public record SentLetter(long id, String to, String subject, OffsetDateTime sentAt, boolean alreadyBounced, boolean requestLetter) {}
