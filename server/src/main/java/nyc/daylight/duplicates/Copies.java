package nyc.daylight.duplicates;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nyc.daylight.agencies.Agency;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.releases.RecordLibrary;
import org.jooq.DSLContext;

/**
 * The public side of duplicate pages: the other agencies' copies of a record's pages, and the
 * comparison of two copies. Everything here starts from the library, so a record the public may
 * not see (in review, withdrawn, answering a hidden or unlisted request) is neither linked to nor
 * compared; the texts compared are the published ones.
 */
public final class Copies {
    private final DSLContext dsl;
    private final RecordLibrary library;
    private final AgencyService agencies;
    private final DuplicateRepository repo = new DuplicateRepository();

    public Copies(DSLContext dsl, RecordLibrary library, AgencyService agencies) {
        this.dsl = dsl;
        this.library = library;
        this.agencies = agencies;
    }

    /** Page {@code page} of this record is page {@code otherPage} of another agency's record. */
    public record Copy(int page, long otherId, int otherPage, Agency agency, String requestNumber, String title, int percent) {
        /** Where the two versions are shown side by side. */
        public String compareUrl(long id) {
            return "/records/" + id + "/compare?page=" + page + "&with=" + otherId + "&withPage=" + otherPage;
        }
    }

    /** Every copy of every page of a public record, by page; empty for a record the public cannot see. */
    public List<Copy> of(long documentId) {
        if (library.visible(List.of(documentId)).isEmpty()) return List.of();
        List<DuplicateRepository.Link> links = repo.linksOf(dsl, documentId);
        Set<Long> others = new HashSet<>();
        for (DuplicateRepository.Link l : links) others.add(l.otherDocumentId());
        Set<Long> visible = library.visible(others);
        Map<Long, Agency> byId = agencies.byId();
        return links.stream().filter(l -> visible.contains(l.otherDocumentId()))
                .map(l -> new Copy(l.pageNo(), l.otherDocumentId(), l.otherPageNo(), byId.get(l.otherAgencyId()), l.otherRequestNumber(),
                        l.otherTitle(), (int) Math.round(l.similarity() * 100)))
                .toList();
    }

    /** The copies of one page, for the record viewer. */
    public List<Copy> ofPage(long documentId, int page) {
        return of(documentId).stream().filter(c -> c.page() == page).toList();
    }

    /** Two published versions of a page, side by side; {@code comparison} is empty when they are too long to align. */
    public record Compared(RecordLibrary.Viewer left, RecordLibrary.Viewer right, Copy copy, Optional<Differences.Comparison> comparison) {}

    /** The comparison of a linked page pair both of which the public may see; empty otherwise. */
    public Optional<Compared> compare(long id, int page, long with, int withPage) {
        Copy copy = of(id).stream().filter(c -> c.page() == page && c.otherId() == with && c.otherPage() == withPage).findFirst().orElse(null);
        if (copy == null) return Optional.empty();
        Optional<RecordLibrary.Viewer> left = library.view(id, page, null);
        Optional<RecordLibrary.Viewer> right = library.view(with, withPage, null);
        Optional<String> leftText = repo.publishedText(dsl, id, page);
        Optional<String> rightText = repo.publishedText(dsl, with, withPage);
        if (left.isEmpty() || right.isEmpty() || leftText.isEmpty() || rightText.isEmpty()) return Optional.empty();
        Optional<Differences.Comparison> comparison = RedactionDiff.comparable(leftText.get(), rightText.get())
                ? Optional.of(Differences.of(RedactionDiff.compare(leftText.get(), rightText.get()), log(left.get(), page),
                        log(right.get(), withPage)))
                : Optional.empty();
        return Optional.of(new Compared(left.get(), right.get(), copy, comparison));
    }

    /** A page's lines of its record's redaction log: exemption code to its label. */
    private static Map<String, String> log(RecordLibrary.Viewer v, int page) {
        Map<String, String> out = new LinkedHashMap<>();
        for (RecordLibrary.LoggedRedaction l : v.redactionLog()) {
            if (l.page() == page) out.put(l.exemption(), l.label());
        }
        return out;
    }
}
