package nyc.daylight.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import nyc.daylight.boot.DaylightApp;
import nyc.daylight.boot.DaylightConfig;
import nyc.daylight.boot.doctor.Doctor;
import nyc.daylight.boot.doctor.Finding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code daylight doctor}: the configuration checked without starting the portal, one line per
 * part with what to change; exit code 0 when nothing is an error, 1 otherwise.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the configuration (database, data directory, mail, OCR) without starting the portal or sending mail; "
                + "exit code 0 when nothing is an error.")
final class DoctorCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--dns-server", defaultValue = "${env:DAYLIGHT_DNS_SERVER}",
            description = "DNS server (host or host:port) to ask for the reply domain's MX (DAYLIGHT_DNS_SERVER; default the system's).")
    String dnsServer;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DaylightConfig config;
        nyc.daylight.boot.AppSettings settings;
        try {
            config = options.toConfig();
            settings = options.toSettings(config.port(), config.dataDir());
        } catch (IllegalArgumentException e) {
            out.println("error    configuration  " + e.getMessage());
            out.flush();
            return 1;
        }
        out.println("Daylight " + DaylightApp.VERSION + " doctor: checking the set-up; nothing is started, no mail is sent.");
        out.flush();
        List<Finding> findings = new Doctor(config, settings, System.getenv(), dnsServer).examine();
        int width = findings.stream().mapToInt(f -> f.part().length()).max().orElse(0);
        for (Finding f : findings) {
            out.println(String.format("%-8s %-" + width + "s  %s", label(f.level()), f.part(), f.detail()));
            if (!f.setting().isBlank()) out.println(" ".repeat(11 + width) + "→ " + f.setting());
        }
        long errors = findings.stream().filter(f -> f.level() == Finding.Level.ERROR).count();
        long warnings = findings.stream().filter(f -> f.level() == Finding.Level.WARNING).count();
        out.println(errors + " error(s), " + warnings + " warning(s).");
        out.flush();
        return errors > 0 ? 1 : 0;
    }

    private static String label(Finding.Level level) {
        return switch (level) {
            case OK -> "ok";
            case WARNING -> "warning";
            case ERROR -> "error";
        };
    }
}
