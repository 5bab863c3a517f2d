package nyc.daylight.lifecycle;

/** A records officer of one agency, as the assignment list and reminders see them. */
public record Officer(long id, String email, String name, boolean appealsOfficer) {
    public String label() {
        return name == null || name.isBlank() ? email : name;
    }
}
