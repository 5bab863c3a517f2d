package nyc.daylight.cli;

import nyc.daylight.boot.DaylightApp;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code daylight serve | migrate | …}: the entry point of the one runnable jar and its table of commands. */
@Command(name = "daylight", mixinStandardHelpOptions = true, version = "Daylight " + DaylightApp.VERSION,
        description = "A public FOIL request portal.",
        subcommands = {ServeCommand.class, MigrateCommand.class, AdminCommand.class, ImportCommand.class, RecordsCommand.class,
                ReindexCommand.class, BackupCommand.class, RestoreCommand.class, DoctorCommand.class})
public final class Main extends CommandGroup {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
