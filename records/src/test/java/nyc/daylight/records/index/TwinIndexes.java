package nyc.daylight.records.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two indexes over the same publications, one with a result cache and one without: whatever the
 * cached one answers, the plain one shows what a fresh search would have answered.
 */
final class TwinIndexes implements AutoCloseable {
    final RecordIndex cached;
    final RecordIndex plain;
    private long seq;

    TwinIndexes(Path cachedDir, Path plainDir, int countLimit) throws IOException {
        this.cached = new RecordIndex(cachedDir, 8 << 20, countLimit);
        this.plain = new RecordIndex(plainDir, 0, countLimit);
    }

    /** Publishes (or republishes) the documents to both, in one commit each. */
    void publish(List<PublishedDocument> docs) throws IOException {
        List<Publication> ps = new ArrayList<>();
        for (PublishedDocument d : docs) ps.add(Publication.publish(++seq, d));
        cached.apply(ps);
        plain.apply(ps);
    }

    void withdraw(long documentId) throws IOException {
        Publication p = Publication.withdraw(++seq, documentId);
        cached.apply(List.of(p));
        plain.apply(List.of(p));
    }

    @Override
    public void close() throws IOException {
        cached.close();
        plain.close();
    }
}
