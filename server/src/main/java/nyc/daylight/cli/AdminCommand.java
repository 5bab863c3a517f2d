package nyc.daylight.cli;

import picocli.CommandLine.Command;

/** {@code daylight admin}: administrator accounts. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Administrator accounts.",
        subcommands = {AdminCreateCommand.class})
final class AdminCommand extends CommandGroup {
}
