package nyc.daylight.sql.types;



/** An entry of the publication log the search index follows: {@code publications.action}. Mirrors the column's CHECK constraint (EnumColumnsTest holds the two together). */
public enum PublicationAction {
    PUBLISH, WITHDRAW
}
