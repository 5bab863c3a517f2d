package nyc.daylight.core;

/**
 * How long work (an import, a reindex, a backup) says how far it is, and hears that it should
 * stop. The work calls {@link #start} with the size of each phase, {@link #advance} after each
 * unit of it (a file, a row, a table), and between units asks {@link #stopRequested}: when true
 * it stops after the unit it just finished, leaving nothing half done. How that is shown — a bar
 * on a terminal, a line a minute in a log — is the command line's business: the work knows only
 * this interface.
 */
public interface Progress {
    /** A phase begins: {@code total} units of {@code unit} (plural, e.g. "files"), 0 or more. */
    void start(String unit, long total);

    /** {@code units} more of the current phase are done. */
    void advance(long units);

    /** Whether the operator asked to stop (Ctrl-C): the work stops after the current unit. */
    default boolean stopRequested() {
        return false;
    }

    /** Shows nothing and never stops: for callers that are not a person's command. */
    Progress NONE = new Progress() {
        @Override
        public void start(String unit, long total) {
        }

        @Override
        public void advance(long units) {
        }
    };
}
