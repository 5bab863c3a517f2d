package nyc.daylight.sql.types;



/** An officer's decision on a personal-data finding: {@code pii_findings.decision} and {@code inbound_findings.decision}. Mirrors the column's CHECK constraint (EnumColumnsTest holds the two together). */
public enum FindingDecision {
    REDACT, KEEP, NOT_PERSONAL
}
