package nyc.daylight.cli;

import picocli.CommandLine.Command;

/** {@code daylight records}: released records. */
@Command(name = "records", mixinStandardHelpOptions = true, description = "Released records.",
        subcommands = {RecordsImportCommand.class, RecordsRelinkCommand.class})
final class RecordsCommand extends CommandGroup {
}
