package nyc.daylight.cli;

import java.time.Duration;

/** Time left, as a person says it: "40 s", "12 min", "3 h 05 min". */
final class Durations {
    private Durations() {}

    static String roughly(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 90) return s + " s";
        long min = (s + 30) / 60;
        if (min < 90) return min + " min";
        return String.format("%d h %02d min", min / 60, min % 60);
    }
}
