package nyc.daylight.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, so deadlines pass without anyone waiting. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Sets the time to a moment in New York. */
    public void setNewYork(String localDateTime) {
        now = LocalDateTime.parse(localDateTime).atZone(ZoneId.of("America/New_York")).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock self = this;
        return new Clock() {
            public ZoneId getZone() {
                return zone;
            }

            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }

            public Instant instant() {
                return self.instant();
            }
        };
    }

    /** Moves the time on by {@code d}. */
    public void advance(java.time.Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
