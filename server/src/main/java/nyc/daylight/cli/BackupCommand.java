package nyc.daylight.cli;

import java.nio.file.Path;
import nyc.daylight.boot.BlobStores;
import nyc.daylight.db.Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code daylight backup}: one consistent snapshot of the database and the stored files. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write the database (one consistent snapshot) and the stored files to a new directory, with a manifest of checksums.")
final class BackupCommand extends DatabaseCommand {
    @Parameters(index = "0", description = "A new, empty directory.")
    Path dir;

    @Override
    int run(OpenDatabase db) throws Exception {
        Backup.Manifest m;
        try (ProgressOutput progress = progress("backup")) {
            m = new Backup(db.dataSource()).write(dir, BlobStores.open(settings()), progress);
        }
        long rows = m.rows().values().stream().mapToLong(Long::longValue).sum();
        out().println("Backed up " + rows + " rows in " + m.rows().size() + " tables and " + m.blobs() + " files (schema "
                + m.schemaVersion() + ") to " + dir);
        return 0;
    }

    // The manifest is written last: a directory without one is no backup, and restore refuses it.
    @Override
    StopSignal stopSignal() {
        return StopSignal.explaining(err(), "Interrupted: " + dir + " is an unfinished backup (it has no manifest); delete it and "
                + "run daylight backup again.");
    }
}
