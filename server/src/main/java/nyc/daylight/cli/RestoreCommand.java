package nyc.daylight.cli;

import java.nio.file.Path;
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
        var m = new Backup(db.dataSource()).restore(dir, settings().blobDir());
        try (RecordIndexer indexer = services(db).indexer(new RecordIndex(settings().indexDir()))) {
            int docs = indexer.rebuild();
            out().println("Restored the backup of " + m.createdAt() + " (" + m.blobs() + " files); " + docs
                    + " published record(s) reindexed.");
        }
        return 0;
    }
}
