package nyc.daylight.requests;

import java.util.Map;
import java.util.Optional;
import nyc.daylight.core.User;

/** What other features add to a request's page for one viewer (agencies' e-mailed replies to confirm, say). */
@FunctionalInterface
public interface RequestPageExtras {
    RequestPageExtras NONE = (number, viewer) -> Map.of();

    Map<String, Object> forViewer(String number, Optional<User> viewer);

    /** Every part's entries on one page, later parts winning a shared name. */
    static RequestPageExtras all(java.util.List<RequestPageExtras> parts) {
        return (number, viewer) -> {
            Map<String, Object> model = new java.util.HashMap<>();
            parts.forEach(p -> model.putAll(p.forViewer(number, viewer)));
            return model;
        };
    }
}
