package nyc.daylight.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code daylight admin create}: the first administrator, or an existing account made one. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create the first administrator, or make an existing account one.")
final class AdminCreateCommand extends DatabaseCommand {
    @Option(names = "--email", required = true, description = "The administrator's e-mail address.")
    String email;

    @Option(names = "--password", interactive = true, arity = "0..1",
            description = "Asked for when not given; or set DAYLIGHT_ADMIN_PASSWORD.")
    char[] password;

    private String password() {
        return password != null && password.length > 0 ? new String(password) : System.getenv("DAYLIGHT_ADMIN_PASSWORD");
    }

    @Override
    Optional<String> refusal() {
        String pw = password();
        return pw == null || pw.isEmpty()
                ? Optional.of("Give a password with --password (asked for interactively) or DAYLIGHT_ADMIN_PASSWORD.")
                : Optional.empty();
    }

    @Override
    int run(OpenDatabase db) {
        services(db).accounts().createAdmin(email, password());
        out().println("Administrator " + email.strip() + " is ready: sign in at /signin.");
        return 0;
    }
}
