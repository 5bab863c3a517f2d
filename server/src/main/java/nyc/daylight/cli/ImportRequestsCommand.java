package nyc.daylight.cli;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import nyc.daylight.requests.RequestImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daylight import requests}: an agency's past FOIL log, all rows or none. */
@Command(name = "requests", mixinStandardHelpOptions = true,
        description = "Import an agency's past FOIL log (CSV) as requests with their events; all rows or none.")
final class ImportRequestsCommand extends DatabaseCommand {
    @Parameters(index = "0", description = "The CSV file (columns in docs/open-data.md).")
    Path file;

    @Option(names = "--agency", required = true, description = "The agency's slug, e.g. doc.")
    String agency;

    @Option(names = "--source", required = true, description = "Where the log came from, e.g. \"DOC FOIL log, 2019–2024\".")
    String source;

    @Override
    int run(OpenDatabase db) throws Exception {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RequestImporter.Result result;
            try (ProgressOutput progress = progress("import requests")) {
                result = services(db).requestImporter().importCsv(reader, agency, source, progress);
            }
            if (!result.ok()) {
                err().println("Nothing was imported. Problems:");
                result.problems().forEach(p -> err().println("  line " + p.line() + ": " + p.message()));
                return 1;
            }
            out().println("Imported " + result.imported() + " request(s) for " + agency + ".");
            return 0;
        } catch (NoSuchFileException e) {
            err().println("No such file: " + file);
            return 2;
        }
    }

    // One transaction: Ctrl-C rolls it back whole, so running it again is all it takes.
    @Override
    StopSignal stopSignal() {
        return StopSignal.explaining(err(), "Interrupted: nothing was imported (all rows or none); run the same command again.");
    }
}
