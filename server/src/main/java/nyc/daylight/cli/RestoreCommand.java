package nyc.daylight.cli;

import java.nio.file.Path;
import nyc.daylight.boot.BlobStores;
import nyc.daylight.db.Backup;
import nyc.daylight.records.index.RecordIndex;
import nyc.daylight.releases.RecordIndexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code daylight restore}: a backup into an empty portal, then the search index rebuilt. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup into an empty database and data directory, then rebuild the search index.")
final class RestoreCommand extends DatabaseCommand {
    @Parameters(index = "0", description = "A directory written by daylight backup.")
    Path dir;

    @Override
    int run(OpenDatabase db) throws Exception {
        Backup.Manifest m;
        try (ProgressOutput progress = progress("restore")) {
            m = new Backup(db.dataSource()).restore(dir, BlobStores.open(settings()), progress);
        }
        try (RecordIndexer indexer = services(db).indexer(new RecordIndex(settings().indexDir()));
             ProgressOutput progress = progress("reindex")) {
            int docs = indexer.rebuild(progress);
            progress.close();
            out().println("Restored the backup of " + m.createdAt() + " (" + m.blobs() + " files); " + docs
                    + " published record(s) reindexed.");
        }
        return 0;
    }

    // The rows load in one transaction; the files copy after it, each only if missing.
    @Override
    StopSignal stopSignal() {
        return StopSignal.explaining(err(), "Interrupted: if the database was not yet restored, run the same command again; if it "
                + "was (restore then says it is not empty), copy " + dir.resolve("blobs") + " into the data directory's blobs/ and "
                + "run daylight reindex.");
    }
}
