package nyc.daylight.cli;

import nyc.daylight.duplicates.DuplicateLinker;
import picocli.CommandLine.Command;

/**
 * {@code daylight records relink}: the links between pages released by two agencies, rebuilt from
 * the publication log (after a change to the matching rules). A running server need not stop:
 * passes run one node at a time, and its pages show the links again as the replay goes.
 */
@Command(name = "relink", mixinStandardHelpOptions = true,
        description = "Rebuild the links between pages that two agencies both released, from the published text of every record.")
final class RecordsRelinkCommand extends DatabaseCommand {
    @Override
    int run(OpenDatabase db) throws Exception {
        DuplicateLinker.Pass pass = services(db).duplicateLinker().relink();
        out().println("Signed " + pass.pages() + " published page(s) of " + pass.entries() + " log entries; " + pass.links()
                + " link(s) between agencies' copies.");
        return 0;
    }
}
