package nyc.daylight.requests;

import java.time.LocalDate;
import nyc.daylight.core.BadInput;

/**
 * How long a requester may keep a request off the public pages: a date after today and at most
 * twelve months away (the embargo protects a client's case while it is prepared, not forever).
 */
public final class Embargo {
    private Embargo() {
    }

    public static void check(LocalDate until, LocalDate today) {
        if (until == null) throw BadInput.of("embargoUntil", "error.embargo.dateMissing");
        if (!until.isAfter(today)) throw BadInput.of("embargoUntil", "error.embargo.notFuture");
        if (until.isAfter(today.plusMonths(12))) throw BadInput.of("embargoUntil", "error.embargo.tooLong");
    }
}
