package nyc.daylight.db;

/**
 * The database was migrated by a newer Daylight than this one: it holds migrations this version
 * does not have. Flyway would go on regardless (it ignores "future" migrations by default), and
 * this older code would then read and write a schema it does not know.
 */
public final class NewerSchema extends IllegalStateException {
    private final String applied;
    private final String known;

    NewerSchema(String applied, String known) {
        super("The database has schema version " + applied + "; this Daylight knows versions up to " + known);
        this.applied = applied;
        this.known = known;
    }

    /** The newest migration applied to the database. */
    public String applied() {
        return applied;
    }

    /** The newest migration this Daylight carries. */
    public String known() {
        return known;
    }
}
