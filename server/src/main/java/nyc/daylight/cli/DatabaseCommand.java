package nyc.daylight.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import nyc.daylight.boot.AppSettings;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.boot.OfflineServices;
import nyc.daylight.boot.StartProblems;
import nyc.daylight.boot.Terminals;
import nyc.daylight.core.BadInput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * Every command that works on the database, opened the same way: the options give the
 * configuration, {@link OpenDatabase} opens it ({@code Database.open(config.database())}) and
 * applies pending migrations, the command runs, and the database closes. A refusal, whether a bad
 * setting or argument ({@link IllegalArgumentException}) or bad input ({@link BadInput}), is its
 * message on standard error and exit code 2.
 */
abstract class DatabaseCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command's work, with the database open and migrated; returns the exit code. */
    abstract int run(OpenDatabase db) throws Exception;

    /** A reason to refuse before anything opens (nothing to work with); empty to go on. */
    Optional<String> refusal() {
        return Optional.empty();
    }

    /**
     * What Ctrl-C does while the command runs (see {@link StopSignal}); null leaves it to end the
     * process at once. Closed after the database, so a stopped command still closes it.
     */
    StopSignal stopSignal() {
        return null;
    }

    private StopSignal stop;

    @Override
    public final Integer call() throws Exception {
        Optional<String> refused = refusal();
        if (refused.isPresent()) {
            err().println(refused.get());
            return 2;
        }
        DaylightConfig config;
        try {
            config = options.toConfig();
        } catch (IllegalArgumentException e) {
            err().println(e.getMessage());
            return 2;
        }
        try (StopSignal signal = stopSignal()) {
            stop = signal;
            try (OpenDatabase db = OpenDatabase.open(config)) {
                return run(db);
            }
        } catch (IllegalArgumentException | BadInput e) {
            err().println(e.getMessage());
            return 2;
        } catch (RuntimeException | java.io.IOException e) {
            Optional<String> explained = StartProblems.explainDatabase(e, config);
            if (explained.isEmpty() && e instanceof RuntimeException r) return couldNotRun(r);
            if (explained.isEmpty()) throw e;
            return explained(explained.get(), e);
        }
    }

    /** A known problem at start: its one sentence, and the stack trace only with {@code --debug}. */
    int explained(String sentence, Throwable e) {
        err().println(sentence);
        if (options.debug) e.printStackTrace(err());
        err().flush();
        return 2;
    }

    /** The progress of the command's work, a bar on a terminal or a line a minute otherwise; Ctrl-C asks it to stop. */
    ProgressOutput progress(String task) {
        return ProgressOutput.open(task, Terminals.interactive(), System.out, out(), Clock.systemUTC(),
                () -> stop != null && stop.requested());
    }

    /**
     * The database could not be opened or failed mid-command. A command whose exit codes promise 2
     * for "could not run at all" says so here; the others fail as they always did.
     */
    int couldNotRun(RuntimeException e) {
        throw e;
    }

    /** The settings the options give, for a command that serves no pages. */
    AppSettings settings() {
        return options.toSettings(options.port, options.dataDir);
    }

    /** The services a command uses, built in {@code boot} as the server builds them. */
    OfflineServices services(OpenDatabase db) {
        return new OfflineServices(db.dataSource(), settings(), Clock.systemUTC());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
