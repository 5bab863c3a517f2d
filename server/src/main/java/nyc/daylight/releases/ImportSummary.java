package nyc.daylight.releases;

import java.io.PrintWriter;
import java.util.List;

/**
 * What a {@code records import} did, file by file: what it read, what failed and why, what it
 * skipped as already imported, and whether it had to stop because the database went away.
 *
 * @param files     files found in the directory
 * @param read      files read and written this time
 * @param documents documents written (an e-mail's attachments and a ZIP's entries count apart)
 * @param failed    files that could not be read, and documents whose extraction failed
 * @param skipped   files imported before (same bytes, same agency, same source), left as they were
 * @param failures  each failure with its reason, in file order
 * @param stopped   why the import stopped before its last file (the database went away), or null
 */
public record ImportSummary(int files, int read, int documents, int published, int waiting, int failed, int skipped,
                            List<Failure> failures, String stopped) {
    public ImportSummary {
        failures = List.copyOf(failures);
    }

    /** A file, or one document in it, that was not read, and why. */
    public record Failure(String file, String reason) {}

    /** 0: every file read (or already imported); 1: some files failed; 2: the import itself could not finish. */
    public int exitCode() {
        if (stopped != null) return 2;
        return failed > 0 ? 1 : 0;
    }

    /** The summary an operator reads at the end of an import. */
    public void print(PrintWriter out) {
        out.println("Imported " + read + " of " + files + " file(s) as " + documents + " document(s): " + published + " published, " + waiting
                + " waiting for review, " + failed + " failed, " + skipped + " skipped as already imported.");
        for (Failure f : failures) out.println("  failed  " + f.file() + ": " + f.reason());
        if (stopped != null) out.println("The import stopped: " + stopped + ". Run it again: files already imported are skipped.");
        out.flush();
    }
}
