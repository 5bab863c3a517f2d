package nyc.daylight.core;

import java.util.Set;
import nyc.daylight.core.Actor;

/** A signed-in person as pages and services see them. */
public record User(long id, String email, String displayName, String role, boolean verified,
                   Set<Long> agencyIds, Set<Long> appealsAgencyIds) {

    public boolean isAdmin() {
        return "ADMIN".equals(role);
    }

    public boolean isOfficer() {
        return "OFFICER".equals(role) || !agencyIds.isEmpty();
    }

    public Actor actor() {
        return new Actor(id, role);
    }

    /** What to call them on a page: their name, or their e-mail when they gave none. */
    public String label() {
        return displayName == null || displayName.isBlank() ? email : displayName;
    }
}
