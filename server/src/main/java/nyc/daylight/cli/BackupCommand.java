package nyc.daylight.cli;

import java.nio.file.Path;
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
        var m = new Backup(db.dataSource()).write(dir, settings().blobDir());
        long rows = m.rows().values().stream().mapToLong(Long::longValue).sum();
        out().println("Backed up " + rows + " rows in " + m.rows().size() + " tables and " + m.blobs() + " files (schema "
                + m.schemaVersion() + ") to " + dir);
        return 0;
    }
}
