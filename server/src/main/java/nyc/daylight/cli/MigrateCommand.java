package nyc.daylight.cli;

import picocli.CommandLine.Command;

/** {@code daylight migrate}: the database's migrations, without serving (one node of several runs it once per deploy). */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending database migrations and exit.")
final class MigrateCommand extends DatabaseCommand {
    @Override
    int run(OpenDatabase db) {
        out().println("Applied " + db.migrationsApplied() + " migration(s) to " + db.jdbcUrl());
        return 0;
    }
}
