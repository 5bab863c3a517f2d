package nyc.daylight.records.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result cache and the count limit: a cached answer is always the answer the index would give
 * now, and counts stay exact up to the limit and are honest lower bounds beyond it. A cached and an
 * uncached index over the same pages must agree on everything.
 */
class SearchUnderLoadTest {
    /** Small, so both sides of it take a handful of pages. */
    static final int LIMIT = 10;

    @TempDir
    Path cachedDir;
    @TempDir
    Path plainDir;
    TwinIndexes twins;
    RecordIndex cached;
    RecordIndex plain;

    static PublishedDocument doc(long id, String agency, String request, int year, String... pages) {
        return new PublishedDocument(id, "Record " + id, agency, request, LocalDate.of(year, 3, 1), "pdf", Map.of(), List.of(pages));
    }

    @BeforeEach
    void open() throws IOException {
        twins = new TwinIndexes(cachedDir, plainDir, LIMIT);
        cached = twins.cached;
        plain = twins.plain;
        List<PublishedDocument> docs = new ArrayList<>();
        // "detainer": 4 pages in 2 documents, under the limit.
        docs.add(doc(1, "doc", "DL-2026-000001", 2024, "A detainer was lodged.", "No detainer on file.", "Nothing here."));
        docs.add(doc(2, "nypd", "DL-2026-000002", 2025, "Detainer request faxed.", "Second detainer notice."));
        // "release": 31 pages in 11 documents of three agencies, over the limit; 10 of them nypd's.
        for (int i = 0; i < 10; i++) {
            String agency = i < 6 ? "doc" : i < 9 ? "nypd" : "hra";
            docs.add(doc(10 + i, agency, "DL-2026-0001" + (10 + i), 2020 + i % 3,
                    "Release date set.", "Release confirmed.", "Release logged for the record."));
        }
        docs.add(doc(30, "nypd", "DL-2026-000130", 2023, "Release noted."));
        twins.publish(docs);
    }

    @AfterEach
    void close() throws IOException {
        if (twins != null) twins.close();
    }

    private static List<Long> ids(SearchResults r) {
        return r.documents().stream().map(SearchResults.DocumentHit::documentId).toList();
    }

    @Test
    void a_repeated_query_is_answered_from_the_cache_with_the_same_result() {
        SearchResults first = cached.search(SearchQuery.of("detainer"), Withheld.none());
        assertThat(cached.cachedResults()).isEqualTo(1);
        SearchResults again = cached.search(SearchQuery.of("  detainer "), Withheld.none()); // same parsed query
        assertThat(again).isSameAs(first);
        assertThat(cached.cachedResults()).isEqualTo(1);
        assertThat(again).isEqualTo(plain.search(SearchQuery.of("detainer"), Withheld.none()));
        // Another page, sort or filter is another entry.
        cached.search(new SearchQuery("detainer", "doc", null, null, null, null, SearchQuery.Sort.RELEVANCE, 1, 20), Withheld.none());
        cached.search(new SearchQuery("detainer", null, null, null, null, null, SearchQuery.Sort.NEWEST, 1, 20), Withheld.none());
        assertThat(cached.cachedResults()).isEqualTo(3);
    }

    @Test
    void a_record_published_after_a_cached_query_appears_in_the_next_identical_query() throws IOException {
        assertThat(ids(cached.search(SearchQuery.of("detainer"), Withheld.none()))).containsExactlyInAnyOrder(1L, 2L);
        twins.publish(List.of(doc(3, "hra", "DL-2026-000003", 2026, "A new detainer record.")));
        SearchResults after = cached.search(SearchQuery.of("detainer"), Withheld.none());
        assertThat(ids(after)).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(after.totalPages()).isEqualTo(5);
        assertThat(after.facets().get("agency")).contains(new SearchResults.FacetCount("hra", 1));
        assertThat(after).isEqualTo(plain.search(SearchQuery.of("detainer"), Withheld.none()));
        assertThat(cached.cachedResults()).isEqualTo(1); // the old generation's entry is gone
    }

    @Test
    void a_withdrawn_record_disappears_from_the_next_identical_query() throws IOException {
        assertThat(ids(cached.search(SearchQuery.of("detainer"), Withheld.none()))).containsExactlyInAnyOrder(1L, 2L);
        twins.withdraw(2);
        SearchResults after = cached.search(SearchQuery.of("detainer"), Withheld.none());
        assertThat(ids(after)).containsExactly(1L);
        assertThat(after.totalPages()).isEqualTo(2);
        assertThat(after.facets().get("agency")).containsExactly(new SearchResults.FacetCount("doc", 2));
    }

    @Test
    void hiding_a_request_leaves_its_records_out_of_a_cached_query_at_once() {
        assertThat(ids(cached.search(SearchQuery.of("detainer"), Withheld.none()))).containsExactlyInAnyOrder(1L, 2L);
        SearchResults hidden = cached.search(SearchQuery.of("detainer"), Withheld.requests(List.of("DL-2026-000002")));
        assertThat(ids(hidden)).containsExactly(1L);
        assertThat(hidden.totalPages()).isEqualTo(2);
        assertThat(hidden.facets().get("agency")).containsExactly(new SearchResults.FacetCount("doc", 2));
        // And shown again when the request is listed again.
        assertThat(ids(cached.search(SearchQuery.of("detainer"), Withheld.none()))).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void at_or_under_the_limit_counts_and_facets_are_exact() {
        for (RecordIndex index : List.of(cached, plain)) {
            SearchResults r = index.search(SearchQuery.of("detainer"), Withheld.none());
            assertThat(r.exact()).isTrue();
            assertThat(r.sampledPages()).isZero();
            assertThat(r.totalPages()).isEqualTo(4);
            assertThat(r.totalDocuments()).isEqualTo(2);
            assertThat(r.facets().get("agency")).containsExactlyInAnyOrder(
                    new SearchResults.FacetCount("doc", 2), new SearchResults.FacetCount("nypd", 2));
            assertThat(r.documents()).extracting(SearchResults.DocumentHit::matchingPages).containsExactly(2L, 2L);
        }
        // Exactly the limit is still exact: agency nypd has 10 pages of "release".
        SearchResults atLimit = plain.search(new SearchQuery("release", "nypd", null, null, null, null, SearchQuery.Sort.RELEVANCE, 1, 20),
                Withheld.none());
        assertThat(atLimit.exact()).isTrue();
        assertThat(atLimit.totalPages()).isEqualTo(LIMIT);
        assertThat(atLimit.totalDocuments()).isEqualTo(4);
        assertThat(atLimit.facets().get("agency")).containsExactly(new SearchResults.FacetCount("nypd", LIMIT));
        // One page more is not.
        SearchResults over = plain.search(new SearchQuery("release", null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31),
                null, SearchQuery.Sort.RELEVANCE, 1, 20), Withheld.none());
        assertThat(over.exact()).isFalse(); // documents 10, 13, 16, 19 are from 2020: 4 × 3 = 12 pages
        assertThat(over.totalPages()).isEqualTo(LIMIT);
    }

    @Test
    void over_the_limit_totals_are_lower_bounds_and_facets_come_from_a_sample() {
        for (RecordIndex index : List.of(cached, plain)) {
            SearchResults r = index.search(SearchQuery.of("release"), Withheld.none());
            assertThat(r.exact()).isFalse();
            assertThat(r.totalPages()).isEqualTo(LIMIT);          // "10+": the true 31 is more
            assertThat(r.sampledPages()).isBetween(LIMIT - 1, LIMIT + 1);
            assertThat(r.totalDocuments()).isBetween(1, 11);       // documents among the sample: a lower bound
            // Hits and each hit's own page count stay exact.
            assertThat(r.documents()).hasSize(11);
            assertThat(r.documents()).filteredOn(d -> d.documentId() != 30).extracting(SearchResults.DocumentHit::matchingPages)
                    .containsOnly(3L);
            assertThat(r.documents()).filteredOn(d -> d.documentId() == 30).extracting(SearchResults.DocumentHit::matchingPages)
                    .containsExactly(1L);
            // Estimates scaled from the sample, never above a value's true number of pages, and only values that match.
            Map<String, Long> agency = new java.util.HashMap<>();
            for (SearchResults.FacetCount c : r.facets().get("agency")) agency.put(c.value(), c.count());
            assertThat(agency.keySet()).isSubsetOf("doc", "nypd", "hra");
            assertThat(agency.getOrDefault("doc", 0L)).isBetween(0L, 18L);
            assertThat(agency.getOrDefault("nypd", 0L)).isBetween(0L, 10L);
            assertThat(agency.getOrDefault("hra", 0L)).isBetween(0L, 3L);
            assertThat(agency.values().stream().mapToLong(Long::longValue).sum()).isPositive();
        }
        // The sample is fixed: the same query on the same pages gives the same figures, cached or not.
        assertThat(cached.search(SearchQuery.of("release"), Withheld.none()))
                .isEqualTo(plain.search(SearchQuery.of("release"), Withheld.none()));
    }

    @Test
    void a_withheld_request_counts_before_the_limit_is_applied() {
        // Withholding nine of the eleven "release" documents leaves 4 pages: exact again.
        List<String> withheld = new ArrayList<>();
        for (int i = 1; i < 10; i++) withheld.add("DL-2026-0001" + (10 + i));
        SearchResults r = cached.search(SearchQuery.of("release"), Withheld.requests(withheld));
        assertThat(r.exact()).isTrue();
        assertThat(r.totalPages()).isEqualTo(4);
        assertThat(ids(r)).containsExactlyInAnyOrder(10L, 30L);
        assertThat(r.facets().get("agency")).containsExactly(new SearchResults.FacetCount("doc", 3), new SearchResults.FacetCount("nypd", 1));
    }

    @Test
    void a_cache_of_zero_bytes_is_no_cache() throws IOException {
        plain.search(SearchQuery.of("detainer"), Withheld.none());
        assertThat(plain.cachedResults()).isZero();
    }
}
