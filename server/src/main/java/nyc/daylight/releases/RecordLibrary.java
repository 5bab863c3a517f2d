package nyc.daylight.releases;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.index.SearchQuery;
import nyc.daylight.records.index.SearchResults;
import nyc.daylight.sql.jooq.tables.records.DocumentPagesRecord;
import nyc.daylight.sql.jooq.tables.records.DocumentsRecord;
import org.jooq.DSLContext;

/**
 * What the public can read: search over published pages, the record viewer and the published
 * (redacted) file. Anything not published is "not found" here, whoever asks.
 */
public final class RecordLibrary {
    private final DSLContext dsl;
    private final AgencyService agencies;
    private final BlobStore blobs;
    private final RecordIndexer indexer;
    private final ReleaseRepository repo = new ReleaseRepository();

    public RecordLibrary(DSLContext dsl, AgencyService agencies, BlobStore blobs, RecordIndexer indexer) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.blobs = blobs;
        this.indexer = indexer;
    }

    public SearchResults search(SearchQuery query) {
        return indexer.index().search(query);
    }

    public record Viewer(DocumentsRecord document, Agency agency, String requestNumber, int page, int pageCount, String pageHtml,
                        boolean needsOcr, String query) {}

    public Optional<Viewer> view(long documentId, int pageNo, String query) {
        Optional<DocumentsRecord> d = published(documentId);
        if (d.isEmpty()) return Optional.empty();
        List<DocumentPagesRecord> pages = repo.pages(dsl, documentId);
        int count = Math.max(1, pages.size());
        int page = Math.min(Math.max(1, pageNo), count);
        DocumentPagesRecord p = pages.isEmpty() ? null : pages.get(page - 1);
        String text = p == null || p.getPublishedText() == null ? "" : p.getPublishedText();
        return Optional.of(new Viewer(d.get(), agencies.byId().get(d.get().getAgencyId()), repo.requestNumber(dsl, d.get().getRequestId()),
                page, count, indexer.index().highlightWholePage(query, text), p != null && p.getNeedsOcr() && text.isBlank(), query));
    }

    public record PublishedFile(String filename, long size, InputStream content) {}

    public Optional<PublishedFile> file(long documentId) throws IOException {
        Optional<DocumentsRecord> d = published(documentId);
        if (d.isEmpty() || d.get().getPublishedSha256() == null) return Optional.empty();
        String base = d.get().getOriginalName().replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
        return Optional.of(new PublishedFile(base + " (published).pdf", -1, blobs.open(d.get().getPublishedSha256())));
    }

    /** Published records released in answer to a request, for its public page. */
    public List<DocumentsRecord> publishedFor(String requestNumber) {
        return repo.requestId(dsl, requestNumber).map(id -> repo.forRequest(dsl, id).stream()
                .filter(d -> "PUBLISHED".equals(d.getStatus())).toList()).orElse(List.of());
    }

    /** Every document of a request whatever its state, for the officer's work page. */
    public List<DocumentsRecord> allFor(long requestId) {
        return repo.forRequest(dsl, requestId);
    }

    private Optional<DocumentsRecord> published(long documentId) {
        return repo.document(dsl, documentId).filter(d -> "PUBLISHED".equals(d.getStatus()));
    }
}
