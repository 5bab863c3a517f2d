package nyc.daylight.core;

import java.time.ZoneId;

/** The city's clock: every FOIL day, deadline and timestamp shown to people is New York time. */
public final class NewYork {
    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private NewYork() {
    }
}
