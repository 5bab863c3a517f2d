package nyc.daylight.agencies;

import java.util.Map;

/**
 * The first page of an agency's public requests in the order the reader chose, for the agency's
 * own page: supplied by the wiring (boot), since the requests feature depends on this one and not
 * the other way round. The model it returns holds {@code page} (the requests list's keyset page),
 * {@code sort} (the chosen order's name) and {@code sorts} (every order a reader may choose), so
 * the agency page offers exactly the choices of {@code /requests} and its "more" link continues
 * there with the same agency, order and cursor.
 */
@FunctionalInterface
public interface AgencyRequests {
    /** @param sort as given in the URL; unknown or missing: the list's default */
    Map<String, Object> firstPage(String agencySlug, String sort, int size);

    /** No list (tests and tools that build the agency pages alone). */
    AgencyRequests NONE = (slug, sort, size) -> Map.of();
}
