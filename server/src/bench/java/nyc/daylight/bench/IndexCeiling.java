package nyc.daylight.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import nyc.daylight.records.index.PublishedDocument;
import nyc.daylight.records.index.RecordAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The indexing ceiling, on a sample of the same pages held in memory: plain Lucene storing and
 * indexing only the page text, first with Lucene's StandardAnalyzer, then with Daylight's
 * RecordAnalyzer. Against RecordIndex's rate this separates the analyzer's cost from the rest
 * (grouping key, facets, offsets, stored metadata).
 */
final class IndexCeiling {
    record Result(int pages, double standardPagesPerSecond, double recordAnalyzerPagesPerSecond) {}

    private IndexCeiling() {}

    static Result run(Documents documents, int pages, Path work) throws Exception {
        List<String> texts = new ArrayList<>(pages);
        for (Iterator<PublishedDocument> it = documents.upTo(pages); it.hasNext(); ) texts.addAll(it.next().pages());
        double standard = rate(texts, new StandardAnalyzer(), work);
        double record = rate(texts, RecordAnalyzer.forIndexing(), work);
        return new Result(texts.size(), standard, record);
    }

    private static double rate(List<String> texts, Analyzer analyzer, Path work) throws Exception {
        Path dir = Files.createTempDirectory(work, "ceiling");
        try (Directory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
            long t0 = System.nanoTime();
            for (String t : texts) {
                Document doc = new Document();
                doc.add(new TextField("body", t, Field.Store.YES));
                w.addDocument(doc);
            }
            w.commit();
            return texts.size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            Benchmarks.deleteTree(dir);
        }
    }
}
