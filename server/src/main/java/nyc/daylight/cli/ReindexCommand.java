package nyc.daylight.cli;

import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.releases.RecordIndexer;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;

/** {@code daylight reindex}: the search index and the correspondents rebuilt from the publication log. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the records search index from the database (stop the server first).")
final class ReindexCommand extends DatabaseCommand {
    @Override
    int run(OpenDatabase db) throws Exception {
        RecordIndex index;
        try {
            index = new RecordIndex(settings().indexDir());
        } catch (LockObtainFailedException e) {
            throw new IllegalArgumentException("The index is in use: stop the running server, then reindex.");
        }
        try (RecordIndexer indexer = services(db).indexer(index)) {
            int n;
            try (ProgressOutput progress = progress("reindex")) {
                n = indexer.rebuild(progress);
            }
            out().println("Reindexed " + n + " document(s); " + index.pageCount() + " page(s) are searchable.");
            // Derived from the same log; a parser change reaches already-published pages this way.
            int entries = services(db).correspondents().rebuild();
            out().println("Correspondents read again from " + entries + " publication-log entries.");
        }
        return 0;
    }

    // The new index is committed only at the end: until then the old one stays as it was.
    @Override
    StopSignal stopSignal() {
        return StopSignal.explaining(err(), "Interrupted: the search index is as it was before; run daylight reindex again.");
    }
}
