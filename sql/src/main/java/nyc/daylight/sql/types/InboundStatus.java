package nyc.daylight.sql.types;



/** Where an agency's e-mail stands: {@code inbound_messages.status}. Mirrors the column's CHECK constraint (EnumColumnsTest holds the two together). */
public enum InboundStatus {
    MATCHED, CONFIRMED, NOT_A_STEP, HELD, DISCARDED, AUTOMATIC
}
