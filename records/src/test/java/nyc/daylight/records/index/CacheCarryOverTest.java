package nyc.daylight.records.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publication keeps the cached answers it cannot have changed, and only those: after every
 * publication, republication and withdrawal, a cached index answers exactly what an index without
 * a cache answers (the same records, totals, facets and page counts).
 */
class CacheCarryOverTest {
    @TempDir
    Path cachedDir;
    @TempDir
    Path plainDir;
    TwinIndexes twins;
    RecordIndex cached;
    RecordIndex plain;

    static PublishedDocument doc(long id, String agency, int year, String... pages) {
        return new PublishedDocument(id, "Record " + id, agency, "DL-2026-" + String.format("%06d", id), LocalDate.of(year, 3, 1), "pdf",
                Map.of(), List.of(pages));
    }

    @BeforeEach
    void open() throws IOException {
        twins = new TwinIndexes(cachedDir, plainDir, RecordIndex.DEFAULT_COUNT_LIMIT);
        cached = twins.cached;
        plain = twins.plain;
        publish(doc(1, "doc", 2024, "A detainer was lodged.", "No detainer on file."),
                doc(2, "nypd", 2025, "Detainer request faxed."),
                doc(3, "hra", 2025, "Release date set.", "Nothing here."));
    }

    @AfterEach
    void close() throws IOException {
        if (twins != null) twins.close();
    }

    private void publish(PublishedDocument... docs) throws IOException {
        twins.publish(List.of(docs));
    }

    private SearchResults search(String text) {
        return cached.search(SearchQuery.of(text), Withheld.none());
    }

    @Test
    void a_publication_that_matches_nothing_of_a_cached_query_keeps_its_answer() throws IOException {
        SearchResults before = search("detainer");
        publish(doc(4, "doc", 2026, "A memo about the budget."));
        assertThat(cached.lastCarryOver().kept()).isEqualTo(1);
        assertThat(cached.lastCarryOver().dropped()).isZero();
        SearchResults after = search("detainer");
        assertThat(after).isSameAs(before); // served from the cache, not searched again
        assertThat(after).isEqualTo(plain.search(SearchQuery.of("detainer"), Withheld.none()));
        assertThat(cached.cacheUse().hits()).isEqualTo(1);
    }

    @Test
    void a_publication_that_matches_a_cached_query_drops_it() throws IOException {
        search("detainer");
        search("budget");
        publish(doc(4, "doc", 2026, "A new detainer notice."));
        assertThat(cached.lastCarryOver()).isEqualTo(new RecordIndex.CarryOver(1, 1, cached.lastCarryOver().millis()));
        SearchResults after = search("detainer");
        assertThat(after.documents()).extracting(SearchResults.DocumentHit::documentId).contains(4L);
        assertThat(after.totalPages()).isEqualTo(4);
    }

    @Test
    void a_republished_record_that_no_longer_matches_leaves_the_cached_query() throws IOException {
        assertThat(search("detainer").totalPages()).isEqualTo(3);
        // The old version matched; only the reader before the commit can tell.
        publish(doc(2, "nypd", 2025, "Request faxed, redacted."));
        assertThat(cached.lastCarryOver().kept()).isZero();
        SearchResults after = search("detainer");
        assertThat(after.documents()).extracting(SearchResults.DocumentHit::documentId).containsExactly(1L);
        assertThat(after).isEqualTo(plain.search(SearchQuery.of("detainer"), Withheld.none()));
    }

    @Test
    void a_republished_record_that_now_matches_joins_the_cached_query() throws IOException {
        search("release");
        publish(doc(1, "doc", 2024, "A detainer was lodged.", "Release date moved."));
        assertThat(cached.lastCarryOver().kept()).isZero();
        assertThat(search("release").documents()).extracting(SearchResults.DocumentHit::documentId).containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void withdrawing_a_record_drops_the_queries_it_matched_and_keeps_the_others() throws IOException {
        SearchResults release = search("release");
        search("detainer");
        twins.withdraw(2);
        assertThat(cached.lastCarryOver().kept()).isEqualTo(1);
        assertThat(search("release")).isSameAs(release);
        assertThat(search("detainer").documents()).extracting(SearchResults.DocumentHit::documentId).containsExactly(1L);
    }

    @Test
    void a_query_filtered_by_agency_is_kept_when_the_new_record_is_another_agencys() throws IOException {
        SearchQuery doc = new SearchQuery("detainer", "doc", null, null, null, null, SearchQuery.Sort.RELEVANCE, 1, 20);
        SearchResults before = cached.search(doc, Withheld.none());
        publish(doc(5, "nypd", 2026, "Another detainer, another agency."));
        assertThat(cached.search(doc, Withheld.none())).isSameAs(before);
    }

    @Test
    void a_rebuild_drops_every_cached_answer() throws IOException {
        search("detainer");
        search("release");
        cached.rebuild(List.of(Publication.publish(1, doc(1, "doc", 2024, "A detainer was lodged."))).iterator());
        assertThat(cached.cachedResults()).isZero();
        assertThat(search("detainer").totalPages()).isEqualTo(1);
    }

    @Test
    void after_every_change_the_cached_index_answers_what_an_uncached_one_does() throws IOException {
        String[] words = {"detainer", "release", "warrant", "budget", "notice"};
        List<SearchQuery> queries = new ArrayList<>();
        for (String w : words) queries.add(SearchQuery.of(w));
        queries.add(SearchQuery.of("detainer OR warrant"));
        queries.add(SearchQuery.of("\"release date\""));
        queries.add(SearchQuery.of("not*"));
        queries.add(new SearchQuery("detainer", "nypd", null, null, null, null, SearchQuery.Sort.NEWEST, 1, 20));
        queries.add(new SearchQuery("release", null, null, LocalDate.of(2025, 1, 1), null, null, SearchQuery.Sort.OLDEST, 1, 20));
        queries.add(new SearchQuery(null, "hra", null, null, null, null, SearchQuery.Sort.PUBLISHED, 1, 20));
        Random random = new Random(7);
        String[] agencies = {"doc", "nypd", "hra"};
        int kept = 0;
        for (int step = 0; step < 40; step++) {
            for (SearchQuery q : queries) assertSameAnswer(q);
            long id = 1 + random.nextInt(12);
            if (random.nextInt(4) == 0) {
                twins.withdraw(id);
            } else {
                List<String> pages = new ArrayList<>();
                for (int p = 0; p <= random.nextInt(3); p++) {
                    pages.add(words[random.nextInt(words.length)] + " date " + words[random.nextInt(words.length)]);
                }
                publish(doc(id, agencies[random.nextInt(3)], 2023 + random.nextInt(4), pages.toArray(String[]::new)));
            }
            kept += cached.lastCarryOver().kept();
        }
        for (SearchQuery q : queries) assertSameAnswer(q);
        assertThat(kept).as("some answers survive publications").isPositive();
    }

    /** The same records, totals, facets and page counts; order is compared by record, since scores use index-wide statistics. */
    private void assertSameAnswer(SearchQuery q) {
        SearchResults c = cached.search(q, Withheld.none());
        SearchResults p = plain.search(q, Withheld.none());
        assertThat(c.totalPages()).as(q.toString()).isEqualTo(p.totalPages());
        assertThat(c.totalDocuments()).as(q.toString()).isEqualTo(p.totalDocuments());
        assertThat(c.facets()).as(q.toString()).isEqualTo(p.facets());
        assertThat(c.documents()).as(q.toString()).containsExactlyInAnyOrderElementsOf(p.documents());
    }

    @Test
    void an_answer_is_carried_at_most_its_maximum_age() {
        AtomicLong now = new AtomicLong();
        ResultCache cache = new ResultCache(1 << 20, now::get);
        ResultCache.Key key = new ResultCache.Key(new TermQuery(new Term("body", "x")), SearchQuery.Sort.RELEVANCE, 1, 20, 1);
        AtomicInteger searches = new AtomicInteger();
        java.util.function.Function<ResultCache.Key, SearchResults> search = k -> {
            searches.incrementAndGet();
            return new SearchResults(0, 0, List.of(), Map.of());
        };
        cache.get(key, search);
        now.addAndGet(ResultCache.MAX_AGE.toNanos() / 2);
        assertThat(cache.carryOver(1, 2, q -> true, Duration.ofSeconds(1)).kept()).isEqualTo(1);
        cache.get(key.at(2), search);
        assertThat(searches).hasValue(1);
        now.addAndGet(ResultCache.MAX_AGE.toNanos() / 2 + 1);
        cache.get(key.at(2), search);
        assertThat(searches).as("past its age, computed again").hasValue(2);
    }

    @Test
    void what_the_budget_leaves_unchecked_is_dropped() {
        ResultCache cache = new ResultCache(1 << 20);
        ResultCache.Key key = new ResultCache.Key(new TermQuery(new Term("body", "x")), SearchQuery.Sort.RELEVANCE, 1, 20, 1);
        cache.get(key, k -> new SearchResults(0, 0, List.of(), Map.of()));
        RecordIndex.CarryOver none = cache.carryOver(1, 2, q -> true, Duration.ZERO);
        assertThat(none.kept()).isZero();
        assertThat(none.dropped()).isEqualTo(1);
        assertThat(cache.size()).isZero();
    }
}
