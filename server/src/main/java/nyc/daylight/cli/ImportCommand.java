package nyc.daylight.cli;

import picocli.CommandLine.Command;

/** {@code daylight import}: data from elsewhere. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import data from elsewhere.",
        subcommands = {ImportRequestsCommand.class})
final class ImportCommand extends CommandGroup {
}
