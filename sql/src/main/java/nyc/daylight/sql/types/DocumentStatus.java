package nyc.daylight.sql.types;



/** What became of a released file: {@code documents.status}. Mirrors the column's CHECK constraint (EnumColumnsTest holds the two together). */
public enum DocumentStatus {
    FAILED, NEEDS_REVIEW, PUBLISHED
}
