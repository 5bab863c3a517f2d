package nyc.daylight.deadlines;

import java.time.LocalDate;

/** A non-business day with its name: an observed public holiday or an agency closure. */
public record Holiday(LocalDate date, String name) {}
