package nyc.daylight.records.index;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The requests whose records the public may not find right now (an administrator hid the
 * request, or its requester keeps it unlisted). The index knows nothing of why: the caller reads
 * the set from the database at search time and passes it in, and the search leaves those pages
 * out of the query itself, so totals, facets and hits are all counted without them.
 *
 * @param requestNumbers request numbers as written ("DL-2026-000123"); matched without regard to case
 */
public record Withheld(Set<String> requestNumbers) {
    private static final Withheld NONE = new Withheld(Set.of());

    public Withheld {
        requestNumbers = requestNumbers.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Nothing withheld: for tools and tests that index records of no request. */
    public static Withheld none() {
        return NONE;
    }

    public static Withheld requests(java.util.Collection<String> numbers) {
        return numbers.isEmpty() ? NONE : new Withheld(Set.copyOf(numbers));
    }
}
