package nyc.daylight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import nyc.daylight.records.extract.ExtractionLimits;
import nyc.daylight.records.extract.Extractor;
import nyc.daylight.records.extract.Ocr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daylight records import}: records released outside the portal, through the same pipeline as releases. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import records released outside the portal through the same extraction and review pipeline. "
                + "The running server indexes what gets published within seconds.")
final class RecordsImportCommand extends DatabaseCommand {
    @Parameters(index = "0", description = "Directory of files (PDF, e-mail, spreadsheets, Word, text, ZIP).")
    Path dir;

    @Option(names = "--agency", required = true, description = "The releasing agency's slug, e.g. nypd.")
    String agency;

    @Option(names = "--request", description = "The Daylight request they answer, e.g. DL-2026-000123.")
    String request;

    @Option(names = "--source", required = true, description = "Where they came from, e.g. \"Released in Doe v. City, 2025\".")
    String source;

    @Option(names = "--publish", description = "Publish at once each document with no personal-data findings; the rest wait for review.")
    boolean publish;

    @Override
    int run(OpenDatabase db) throws Exception {
        try (Extractor extractor = new Extractor(ExtractionLimits.defaults(), Ocr.tesseractIfInstalled());
             ProgressOutput progress = progress("records import")) {
            // Flushed at each line: a file that failed or was skipped is named as it happens.
            PrintWriter lines = new PrintWriter(progress.lines(), true);
            var summary = services(db).recordImporter(extractor).importDirectory(dir, agency, request, source, publish, lines, progress);
            progress.close();
            PrintWriter end = new PrintWriter(out(), true);
            summary.print(end);
            // 0: every file read (or already imported); 1: some files failed; 2: the import could not run (or was stopped).
            return summary.exitCode();
        }
    }

    // Each file is its own: Ctrl-C lets the one in hand finish, and a second run skips what is done.
    @Override
    StopSignal stopSignal() {
        return StopSignal.afterCurrentUnit(err(), "Stopping after the file in hand; run the same command again to import the rest "
                + "(files already imported are skipped).");
    }

    // Files fail one by one inside the import; what reaches here stopped it from running (the database is down).
    @Override
    int couldNotRun(RuntimeException e) {
        err().println("The import could not run: " + e.getMessage());
        return 2;
    }

    @Override
    int explained(String sentence, Throwable e) {
        return super.explained("The import could not run. " + sentence, e);
    }
}
