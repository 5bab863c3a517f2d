package nyc.daylight.requests;

/**
 * What a requester types to track a request they filed elsewhere, as the form sent it (strings,
 * checked by {@link TrackedFiling}).
 *
 * @param submittedOn   the day it was submitted (YYYY-MM-DD), in New York
 * @param submittedTime the time that day (HH:MM), blank when unknown
 * @param sentText      the text that was sent; blank when a file carries it
 * @param pairWith      the Daylight number of the city (or federal) request this one parallels, blank for none
 */
public record Tracked(String agencySlug, String channel, String trackingNumber, String submittedOn, String submittedTime,
                      String title, String sentText, String pairWith) {
    public static final int MAX_TEXT = 20_000;
}
