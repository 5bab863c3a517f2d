package nyc.daylight.requests;

import java.util.Map;
import java.util.Optional;
import nyc.daylight.accounts.User;

/** What other features add to a request's page for one viewer (agencies' e-mailed replies to confirm, say). */
@FunctionalInterface
public interface RequestPageExtras {
    RequestPageExtras NONE = (number, viewer) -> Map.of();

    Map<String, Object> forViewer(String number, Optional<User> viewer);
}
