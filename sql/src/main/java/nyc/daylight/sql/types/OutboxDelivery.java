package nyc.daylight.sql.types;



/** Where a sent letter stands: {@code outbox.delivery}. Mirrors the column's CHECK constraint (EnumColumnsTest holds the two together). */
public enum OutboxDelivery {
    PENDING, SENT, DELIVERED, BOUNCED
}
