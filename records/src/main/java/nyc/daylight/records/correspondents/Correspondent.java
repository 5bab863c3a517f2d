package nyc.daylight.records.correspondents;

/**
 * One party to one message on a page. {@code address} is empty when the review redacted the
 * mailbox's local part (the domain stays: an agency's domain is not personal information);
 * {@code name} is the display name as published, empty when absent or redacted.
 */
public record Correspondent(Role role, String name, String address, String domain) {
    public enum Role { FROM, TO, CC }
}
