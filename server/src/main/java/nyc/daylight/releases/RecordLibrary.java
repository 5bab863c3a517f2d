package nyc.daylight.releases;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.deadlines.BusinessCalendar;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.index.SearchQuery;
import nyc.daylight.records.index.SearchResults;
import nyc.daylight.records.index.Withheld;
import org.jooq.DSLContext;

/**
 * What the public can read: search over published pages, the record viewer and the published
 * (redacted) file. Anything not published, or answering a request that is hidden or unlisted for
 * now, is "not found" here, whoever asks; search hits are checked against the database too, so a
 * withdrawal the index has not applied yet is never shown.
 */
public final class RecordLibrary {
    private final DSLContext dsl;
    private final AgencyService agencies;
    private final BlobStore blobs;
    private final RecordIndexer indexer;
    private final Clock clock;
    private final ReleaseRepository repo = new ReleaseRepository();
    private final PublicationRepository publications = new PublicationRepository();
    private final ReviewRepository reviews = new ReviewRepository();
    private final SearchVisibility visibility = new SearchVisibility();

    public RecordLibrary(DSLContext dsl, AgencyService agencies, BlobStore blobs, RecordIndexer indexer, Clock clock) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.blobs = blobs;
        this.indexer = indexer;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessCalendar.NEW_YORK));
    }

    /**
     * Search leaves the records of hidden and embargoed requests out of the Lucene query itself
     * (see {@link Withheld}), so totals, facets and hits agree. The hits are then checked once more
     * against the database, for a withdrawal the index has not applied yet. Both checks are reused
     * while nothing that decides visibility has changed ({@link SearchVisibility}).
     */
    public SearchResults search(SearchQuery query) {
        SearchVisibility.Stamp stamp = visibility.stamp(dsl, today());
        SearchResults r = indexer.index().search(query, visibility.withheld(dsl, stamp));
        Set<Long> visible = visibility.visible(dsl, r.documents().stream().map(SearchResults.DocumentHit::documentId).toList(), stamp);
        if (visible.size() == r.documents().size()) return r;
        return r.withDocuments(r.documents().stream().filter(d -> visible.contains(d.documentId())).toList());
    }

    /**
     * Which of these documents the public can find with this search right now (saved-search
     * alerts): matched in the index, then checked against the database, so a record withdrawn or
     * withheld since is never among them.
     */
    public Set<Long> matching(SearchQuery query, Collection<Long> among) {
        if (among.isEmpty()) return Set.of();
        Withheld withheld = Withheld.requests(publications.withheldRequestNumbers(dsl, today()));
        Set<Long> found = indexer.index().matching(query, withheld, among);
        return found.isEmpty() ? found : publications.visible(dsl, found, today());
    }

    /** The last publication-log entry the index has applied: searches see everything up to it. */
    public long indexedSeq() {
        return indexer.index().appliedSeq();
    }

    /** Checks a search's syntax without running it (a saved search is checked when saved). */
    public void validate(String text) {
        indexer.index().validate(text);
    }

    /** One page of a published record, as the public sees it: only published text and title. */
    public record Viewer(long id, String title, Agency agency, String requestNumber, LocalDate date, String kind, String sourceNote,
                         int page, int pageCount, String pageHtml, boolean needsOcr, String query, List<LoggedRedaction> redactionLog) {}

    /** One line of the record's redaction log: a page, the boxes drawn over it (or withheld in full) and the ground cited. */
    public record LoggedRedaction(int page, String exemption, String label, int boxes, boolean withheld) {}

    public Optional<Viewer> view(long documentId, int pageNo, String query) {
        Optional<ReleasedDocument> found = published(documentId);
        if (found.isEmpty()) return Optional.empty();
        ReleasedDocument d = found.get();
        List<DocumentPage> pages = repo.pages(dsl, documentId);
        int count = Math.max(1, pages.size());
        int page = Math.min(Math.max(1, pageNo), count);
        DocumentPage p = pages.isEmpty() ? null : pages.get(page - 1);
        String text = p == null || p.publishedText() == null ? "" : p.publishedText();
        return Optional.of(new Viewer(d.id(), d.publishedTitle(), agencies.byId().get(d.agencyId()),
                repo.requestNumber(dsl, d.requestId()), d.recordDate(), d.kind(), d.sourceNote(), page, count,
                indexer.index().highlightWholePage(query, text), p != null && p.needsOcr() && text.isBlank(), query, log(d)));
    }

    private List<LoggedRedaction> log(ReleasedDocument d) {
        var regime = agencies.byId().get(d.agencyId()).regime();
        return reviews.log(dsl, d.id()).stream()
                .map(l -> new LoggedRedaction(l.pageNo(), l.exemption(), RedactionLog.label(regime, l.exemption()), l.boxes(), l.withheld()))
                .toList();
    }

    public record PublishedFile(String filename, InputStream content) {}

    public Optional<PublishedFile> file(long documentId) throws IOException {
        Optional<ReleasedDocument> d = published(documentId);
        if (d.isEmpty() || d.get().publishedSha256() == null) return Optional.empty();
        String base = d.get().publishedTitle().replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
        return Optional.of(new PublishedFile(base + " (published).pdf", blobs.open(d.get().publishedSha256())));
    }

    /** When each of these records was published, for feeds. */
    public Map<Long, OffsetDateTime> publishedAt(Collection<Long> ids) {
        return publications.publishedAt(dsl, ids);
    }

    /** A published record's title, for lists: what the public may read of it. */
    public record Listed(long id, String title, String kind, LocalDate publishedOn) {}

    /** Published records released in answer to a request, for its public page. */
    public List<Listed> publishedFor(String requestNumber) {
        return repo.requestId(dsl, requestNumber).map(id -> repo.forRequest(dsl, id).stream()
                .filter(d -> "PUBLISHED".equals(d.status()))
                .map(d -> new Listed(d.id(), d.publishedTitle(), d.kind(), d.publishedAt().toLocalDate()))
                .toList()).orElse(List.of());
    }

    /** Every document of a request whatever its state, for the officer's work page. */
    public List<ReleasedDocument> allFor(long requestId) {
        return repo.forRequest(dsl, requestId);
    }

    /**
     * Of these records, those the public may see right now (published, and not answering a hidden
     * or unlisted request): what a page linking to other records must check before it does.
     */
    public Set<Long> visible(Collection<Long> ids) {
        return publications.visible(dsl, ids, today());
    }

    private Optional<ReleasedDocument> published(long documentId) {
        if (publications.visible(dsl, List.of(documentId), today()).isEmpty()) return Optional.empty();
        return repo.document(dsl, documentId);
    }
}
