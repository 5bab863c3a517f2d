package nyc.daylight.records.index;

/**
 * One entry of the publication log, in the order the database committed it. Applying the log from
 * any point is idempotent (a document's pages are replaced, never added twice), which is what lets
 * the index catch up after a crash between the database commit and the index commit.
 *
 * @param document the document to (re)publish, or {@code null} to remove it from the index
 */
public record Publication(long seq, long documentId, PublishedDocument document) {
    public static Publication publish(long seq, PublishedDocument document) {
        return new Publication(seq, document.id(), document);
    }

    public static Publication withdraw(long seq, long documentId) {
        return new Publication(seq, documentId, null);
    }
}
