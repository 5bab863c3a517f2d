package nyc.daylight.records.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordIndexTest {
    @TempDir
    Path dir;
    RecordIndex index;

    static PublishedDocument doc(long id, String agency, String request, String date, String kind, String... pages) {
        return new PublishedDocument(id, "Record " + id, agency, request, LocalDate.parse(date), kind, Map.of(), List.of(pages));
    }

    @BeforeEach
    void open() throws IOException {
        index = new RecordIndex(dir);
        index.apply(List.of(
                Publication.publish(1, doc(1, "doc", "DL-2026-000123", "2025-03-04", "pdf",
                        "The Department released detainees to ICE officers on the loading dock.",
                        "Form I-247A detainer received for the person in custody. Contact ero.nyc@ice.dhs.gov.")),
                Publication.publish(2, doc(2, "nypd", "DL-2026-000200", "2024-11-02", "email",
                        "Officers shared the arrest report with Homeland Security Investigations. #teamsendthemback")),
                Publication.publish(3, doc(3, "doc", null, "2026-01-15", "spreadsheet",
                        "Release date log: 40 releases, none to ICE custody."))));
    }

    @AfterEach
    void close() throws IOException {
        if (index != null) index.close();
    }

    private List<Long> ids(String q) {
        return index.search(SearchQuery.of(q), Withheld.none()).documents().stream().map(SearchResults.DocumentHit::documentId).toList();
    }

    @Test
    void stems_ordinary_words_but_keeps_identifiers_exact() {
        assertThat(ids("release")).containsExactlyInAnyOrder(1L, 3L);   // released, releases, Release
        assertThat(ids("I-247A")).containsExactly(1L);
        assertThat(ids("i-247a")).containsExactly(1L);
        assertThat(ids("247A")).containsExactly(1L);                 // the part alone, too
        assertThat(ids("ero.nyc@ice.dhs.gov")).containsExactly(1L);
        assertThat(ids("#teamsendthemback")).containsExactly(2L);
        assertThat(ids("DL-2026-000123")).isEmpty();                 // request numbers live in a field, not the text
        assertThat(ids("request:DL-2026-000123")).containsExactly(1L);
    }

    @Test
    void phrases_booleans_prefixes_and_fields() {
        assertThat(ids("\"loading dock\"")).containsExactly(1L);
        assertThat(ids("\"dock loading\"")).isEmpty();
        assertThat(ids("ICE OR Homeland")).containsExactlyInAnyOrder(1L, 2L, 3L);
        // Queries match pages: page 1 of record 1 mentions ICE without custody; record 3 does not.
        assertThat(ids("ICE NOT custody")).containsExactly(1L);
        assertThat(ids("ICE -custody")).containsExactly(1L);
        assertThat(index.search(SearchQuery.of("ICE NOT custody"), Withheld.none()).documents().get(0).pages())
                .extracting(SearchResults.PageHit::page).containsExactly(1);
        assertThat(ids("officers AND arrest")).containsExactly(2L);
        assertThat(ids("detain*")).containsExactly(1L);
        assertThat(ids("agency:nypd")).containsExactly(2L);
        assertThat(ids("date:[2025-01-01 TO 2025-12-31]")).containsExactly(1L);
        assertThat(ids("ICE date:2026")).containsExactly(3L);
    }

    @Test
    void malformed_queries_get_a_clear_message() {
        assertThatThrownBy(() -> index.search(SearchQuery.of("\"unclosed"), Withheld.none())).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("could not understand");
        assertThatThrownBy(() -> index.search(SearchQuery.of("*ice"), Withheld.none())).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("cannot start with *");
        assertThatThrownBy(() -> index.search(SearchQuery.of("secret:x"), Withheld.none())).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("'secret:' is not a field");
        assertThatThrownBy(() -> index.search(SearchQuery.of("date:[2025-13-01 TO 2026-01-01]"), Withheld.none())).isInstanceOf(BadQueryException.class)
                .hasMessageContaining("is not a date");
        assertThatThrownBy(() -> index.search(SearchQuery.of("(ICE AND"), Withheld.none())).isInstanceOf(BadQueryException.class);
    }

    @Test
    void groups_pages_per_document_with_highlighted_snippets_and_facets() {
        SearchResults r = index.search(SearchQuery.of("ICE"), Withheld.none());
        assertThat(r.totalDocuments()).isEqualTo(2);
        assertThat(r.totalPages()).isEqualTo(3);
        SearchResults.DocumentHit first = r.documents().stream().filter(d -> d.documentId() == 1).findFirst().orElseThrow();
        assertThat(first.matchingPages()).isEqualTo(2);
        assertThat(first.pages()).extracting(SearchResults.PageHit::page).containsExactlyInAnyOrder(1, 2);
        assertThat(first.pages().get(0).snippetHtml()).contains("<mark>ICE</mark>");
        assertThat(first.requestNumber()).isEqualTo("DL-2026-000123");
        assertThat(r.facets().get("agency")).containsExactly(new SearchResults.FacetCount("doc", 3));
        assertThat(r.facets().get("year")).containsExactlyInAnyOrder(
                new SearchResults.FacetCount("2025", 2), new SearchResults.FacetCount("2026", 1));
        assertThat(r.facets().get("type")).containsExactlyInAnyOrder(
                new SearchResults.FacetCount("pdf", 2), new SearchResults.FacetCount("spreadsheet", 1));
    }

    @Test
    void a_withheld_requests_pages_count_in_no_total_facet_or_hit() {
        Withheld withheld = Withheld.requests(List.of("DL-2026-000123"));
        SearchResults r = index.search(SearchQuery.of("ICE"), withheld);
        assertThat(r.totalDocuments()).isEqualTo(1);
        assertThat(r.totalPages()).isEqualTo(1);
        assertThat(r.documents()).extracting(SearchResults.DocumentHit::documentId).containsExactly(3L);
        assertThat(r.facets().get("agency")).containsExactly(new SearchResults.FacetCount("doc", 1));
        assertThat(r.facets().get("year")).containsExactly(new SearchResults.FacetCount("2026", 1));
        assertThat(r.facets().get("type")).containsExactly(new SearchResults.FacetCount("spreadsheet", 1));
        assertThat(r.facets().get("request")).isEmpty();
        // Its own words, its request number and a filter on it find nothing at all.
        for (SearchQuery q : List.of(SearchQuery.of("I-247A"), SearchQuery.of("request:DL-2026-000123"),
                new SearchQuery(null, null, null, null, null, "dl-2026-000123", null, 1, 20),
                new SearchQuery(null, "doc", "pdf", null, null, null, SearchQuery.Sort.NEWEST, 1, 20))) {
            SearchResults none = index.search(q, withheld);
            assertThat(none.totalDocuments()).as(q.toString()).isZero();
            assertThat(none.totalPages()).as(q.toString()).isZero();
            assertThat(none.documents()).as(q.toString()).isEmpty();
            assertThat(none.facets()).as(q.toString()).allSatisfy((dim, counts) -> assertThat(counts).as(dim).isEmpty());
        }
        // Records of no request are never withheld; the same index, asked without the set, still has it all.
        assertThat(index.search(SearchQuery.of("ICE"), Withheld.none()).totalDocuments()).isEqualTo(2);
    }

    @Test
    void visibility_is_not_in_the_index_so_a_rebuild_withholds_the_same_records() throws IOException {
        Withheld withheld = Withheld.requests(List.of("dl-2026-000200")); // any case: numbers match as the filter does
        SearchResults before = index.search(SearchQuery.of("officers"), withheld);
        index.rebuild(List.of(
                Publication.publish(1, doc(1, "doc", "DL-2026-000123", "2025-03-04", "pdf",
                        "The Department released detainees to ICE officers on the loading dock.")),
                Publication.publish(2, doc(2, "nypd", "DL-2026-000200", "2024-11-02", "email",
                        "Officers shared the arrest report with Homeland Security Investigations."))).iterator());
        SearchResults after = index.search(SearchQuery.of("officers"), withheld);
        assertThat(after.documents()).extracting(SearchResults.DocumentHit::documentId).containsExactly(1L);
        assertThat(after.totalDocuments()).isEqualTo(before.totalDocuments()).isEqualTo(1);
        assertThat(after.facets().get("agency")).isEqualTo(before.facets().get("agency")).containsExactly(new SearchResults.FacetCount("doc", 1));
    }

    @Test
    void snippets_escape_html_in_record_text() throws IOException {
        index.apply(List.of(Publication.publish(4, doc(4, "law", null, "2025-05-05", "text",
                "<script>alert(1)</script> memo about ICE & the courts"))));
        String snippet = index.search(SearchQuery.of("memo"), Withheld.none()).documents().get(0).pages().get(0).snippetHtml();
        assertThat(snippet).doesNotContain("<script>").contains("&lt;script&gt;").contains("<mark>memo</mark>");
        assertThat(index.highlightWholePage("memo", "<b>memo</b>")).isEqualTo("&lt;b&gt;<mark>memo</mark>&lt;&#x2F;b&gt;");
    }

    @Test
    void filters_sorting_and_paging() {
        SearchQuery newest = new SearchQuery(null, "doc", null, null, null, null, SearchQuery.Sort.NEWEST, 1, 1);
        SearchResults r = index.search(newest, Withheld.none());
        assertThat(r.totalDocuments()).isEqualTo(2);
        assertThat(r.documents()).extracting(SearchResults.DocumentHit::documentId).containsExactly(3L);
        SearchQuery second = new SearchQuery(null, "doc", null, null, null, null, SearchQuery.Sort.NEWEST, 2, 1);
        assertThat(index.search(second, Withheld.none()).documents()).extracting(SearchResults.DocumentHit::documentId).containsExactly(1L);
        SearchQuery dated = new SearchQuery("ICE", null, null, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"),
                null, SearchQuery.Sort.OLDEST, 1, 20);
        assertThat(index.search(dated, Withheld.none()).documents()).extracting(SearchResults.DocumentHit::documentId).containsExactly(1L);
        SearchQuery kind = new SearchQuery(null, null, "email", null, null, null, null, 1, 20);
        assertThat(index.search(kind, Withheld.none()).documents()).extracting(SearchResults.DocumentHit::documentId).containsExactly(2L);
    }

    @Test
    void email_header_fields_are_searchable() throws IOException {
        index.apply(List.of(Publication.publish(5, new PublishedDocument(5, "Re: detainer", "doc", null, LocalDate.parse("2025-02-01"),
                "email", Map.of("from", "Jane Officer <jane.officer@ice.dhs.gov>", "subject", "Detainer for release Friday"), List.of("See attached.")))));
        assertThat(ids("from:jane.officer@ice.dhs.gov")).containsExactly(5L);
        assertThat(ids("subject:detainer")).containsExactly(5L);
        assertThat(ids("subject:arrest")).isEmpty();
    }

    @Test
    void republishing_replaces_pages_and_withdrawal_removes_them() throws IOException {
        index.apply(List.of(Publication.publish(4, doc(1, "doc", "DL-2026-000123", "2025-03-04", "pdf", "Only one page now."))));
        assertThat(ids("loading")).isEmpty();
        assertThat(ids("\"one page\"")).containsExactly(1L);
        index.apply(List.of(Publication.withdraw(5, 1)));
        assertThat(ids("page")).isEmpty();
        assertThat(index.appliedSeq()).isEqualTo(5);
    }

    @Test
    void a_crash_before_the_index_commit_loses_the_sequence_with_the_pages_and_catch_up_repairs_it() throws IOException {
        index.stage(List.of(Publication.publish(4, doc(4, "acs", null, "2025-09-09", "pdf", "Uncommitted memo about ICE."))));
        index.crash();
        index = new RecordIndex(dir);
        assertThat(index.appliedSeq()).isEqualTo(3);
        assertThat(ids("memo")).isEmpty();
        // Catching up replays from the committed sequence; replaying entries already there duplicates nothing.
        index.apply(List.of(Publication.publish(3, doc(3, "doc", null, "2026-01-15", "spreadsheet",
                        "Release date log: 40 releases, none to ICE custody.")),
                Publication.publish(4, doc(4, "acs", null, "2025-09-09", "pdf", "Uncommitted memo about ICE."))));
        assertThat(ids("memo")).containsExactly(4L);
        assertThat(index.search(SearchQuery.of("log"), Withheld.none()).totalPages()).isEqualTo(1);
        assertThat(index.pageCount()).isEqualTo(5);
        index.close();
        index = new RecordIndex(dir);
        assertThat(index.appliedSeq()).isEqualTo(4);
    }

    @Test
    void rebuild_starts_from_nothing() throws IOException {
        index.rebuild(List.of(Publication.publish(9, doc(9, "moia", null, "2026-02-02", "text", "Guidance on ICE access to city buildings."))).iterator());
        assertThat(ids("ICE")).containsExactly(9L);
        assertThat(index.appliedSeq()).isEqualTo(9);
        assertThat(index.pageCount()).isEqualTo(1);
    }

    @Test
    void matching_answers_only_for_the_documents_asked_about_with_the_filters_and_without_withheld_requests() {
        SearchQuery release = SearchQuery.of("release");
        assertThat(index.matching(release, Withheld.none(), List.of(1L, 2L, 3L))).containsExactly(1L, 3L);
        assertThat(index.matching(release, Withheld.none(), List.of(2L, 3L))).containsExactly(3L);
        assertThat(index.matching(release, Withheld.none(), List.of())).isEmpty();
        assertThat(index.matching(release, Withheld.none(), List.of(99L))).isEmpty();
        SearchQuery atDoc = new SearchQuery("release", "doc", "pdf", null, null, null, SearchQuery.Sort.RELEVANCE, 1, 20);
        assertThat(index.matching(atDoc, Withheld.none(), List.of(1L, 3L))).containsExactly(1L);
        assertThat(index.matching(release, Withheld.requests(List.of("DL-2026-000123")), List.of(1L, 3L))).containsExactly(3L);
    }
}
