package nyc.daylight.records.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes many new documents into an index from several threads, for building large benchmark
 * indexes quickly. Each page becomes exactly the Lucene document {@link RecordIndex} writes
 * ({@link PageDocuments#of}, same analyzer), and a commit records the publication sequence the
 * same way, so {@link RecordIndex} (and the app) opens the result as if {@code daylight reindex}
 * had built it. What it skips: the replace-by-id of {@link RecordIndex#stage} (documents must be
 * new) and the batching into one writer thread. It is not used by the application.
 */
public final class BulkLoader implements AutoCloseable {
    private final Directory directory;
    private final IndexWriter writer;

    /** @param create empty the directory first; otherwise append to what is there */
    public BulkLoader(Path dir, boolean create, int ramBufferMb) throws IOException {
        this.directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig(RecordAnalyzer.forIndexing());
        config.setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
        config.setRAMBufferSizeMB(ramBufferMb);
        config.setCommitOnClose(false);
        this.writer = new IndexWriter(directory, config);
    }

    /** Adds a new document's pages; safe to call from several threads at once (IndexWriter is). */
    public void add(Publication p) throws IOException {
        writer.addDocuments(PageDocuments.of(p.document(), p.seq()));
    }

    /** Commits everything added, recording {@code seq} as the last publication applied. */
    public void commit(long seq) throws IOException {
        writer.setLiveCommitData(Map.of(RecordIndex.COMMITTED_SEQ, Long.toString(seq)).entrySet());
        writer.commit();
    }

    @Override
    public void close() throws IOException {
        writer.close();
        directory.close();
    }
}
