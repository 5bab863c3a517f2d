package nyc.daylight.releases;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.User;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.extract.OcrLayout;
import nyc.daylight.records.redact.PagePreview;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unredacted page images of a document in review, and where its findings sit on them. Only
 * officers of the releasing agency and admins may see them (anyone else: 404, as for the review
 * itself). PDFs are rendered with PDFBox; image records (scans, a TIFF's frames) are shown as
 * their stored frames. Other kinds (e-mail, office files) have no page image: the review shows
 * their text alone.
 */
public final class PageImages {
    private static final Logger log = LoggerFactory.getLogger(PageImages.class);
    /** The PDFs of the last few documents looked at: a review loads every page image of one document in turn. */
    private static final int CACHED = 4;
    /** A bigger file is read again per page rather than held in memory. */
    private static final int CACHED_MAX_BYTES = 20 * 1024 * 1024;

    /**
     * Rendered pages kept, by weight: a 300-page PDF under review asks for 300 page images, and
     * each render on a miss parses the whole document ({@code Loader.loadPDF}), and for a file over
     * {@link #CACHED_MAX_BYTES} reads it from the blob store again. A PNG of a text page at 1,100
     * pixels is 50–300 KB, so 32 MB holds one long document's pages, or several reviewers' current
     * pages. Keyed by the file's SHA-256 (content-addressed: a key never goes stale) and the page.
     */
    static final long DEFAULT_IMAGE_CACHE_BYTES = 32L << 20;

    private final DSLContext dsl;
    private final BlobStore blobs;
    private final Cache<String, byte[]> images;
    /** How many times a PDF was opened to render a page: what the cache saves, for tests. */
    private final java.util.concurrent.atomic.AtomicLong renders = new java.util.concurrent.atomic.AtomicLong();
    private final ReleaseRepository repo = new ReleaseRepository();
    private final DocumentAccess access;
    private final Map<String, byte[]> pdfs = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    };

    public PageImages(DSLContext dsl, AgencyService agencies, BlobStore blobs) {
        this(dsl, agencies, blobs, DEFAULT_IMAGE_CACHE_BYTES);
    }

    PageImages(DSLContext dsl, AgencyService agencies, BlobStore blobs, long imageCacheBytes) {
        this.dsl = dsl;
        this.blobs = blobs;
        this.access = new DocumentAccess(agencies, repo);
        // Evictions run on the calling thread, so the bound holds as soon as put returns.
        this.images = Caffeine.newBuilder().maximumWeight(imageCacheBytes).executor(Runnable::run)
                .weigher((String k, byte[] v) -> v.length + k.length() + 64).build();
    }

    /** Pages rendered since this object was made (each one an opening of its PDF). */
    long renders() {
        return renders.get();
    }

    /** Whether a document of this kind has page images. */
    static boolean hasImages(ReleasedDocument d) {
        return "pdf".equals(d.kind()) || "image".equals(d.kind());
    }

    /** Page {@code pageNo} of a document in review or published, as a PNG, for its agency's officers only. */
    public byte[] png(User user, String slug, long documentId, int pageNo) {
        ReleasedDocument d = access.load(dsl, user, slug, documentId, false);
        if (!hasImages(d) || "FAILED".equals(d.status())) throw NotFound.of("refusal.record.noImage");
        // Access is checked above on every call; the cache holds only what an authorised call rendered.
        String key = d.sha256() + "#" + pageNo;
        byte[] cached = images.getIfPresent(key);
        if (cached != null) return cached;
        try {
            renders.incrementAndGet();
            byte[] png = PagePreview.png(pdf(d), pageNo).orElseThrow(() -> NotFound.of("refusal.record.noImage"));
            images.put(key, png);
            return png;
        } catch (IOException e) {
            log.warn("Rendering page {} of document {} failed", pageNo, documentId, e);
            throw NotFound.of("refusal.record.noImage");
        }
    }

    /**
     * The boxes of every finding, by page, as fractions of the page; empty for a document without
     * page images or one that cannot be read (the text and the list of findings still show them).
     */
    Map<Integer, List<PagePreview.Box>> boxes(ReleasedDocument d, List<DocumentPage> pages, List<ReviewFinding> findings) {
        if (!hasImages(d) || "FAILED".equals(d.status()) || findings.isEmpty()) return Map.of();
        Map<Integer, List<PagePreview.Span>> spans = new LinkedHashMap<>();
        for (ReviewFinding f : findings) {
            spans.computeIfAbsent(f.pageNo(), p -> new ArrayList<>()).add(new PagePreview.Span(f.id(), f.startOffset(), f.endOffset(), f.text()));
        }
        Map<Integer, OcrLayout> layouts = new LinkedHashMap<>();
        for (DocumentPage p : pages) {
            if (p.ocrLayout() == null) continue;
            try {
                layouts.put(p.pageNo(), OcrLayout.decode(p.ocrLayout()));
            } catch (IllegalArgumentException e) {
                log.warn("Document {} page {} has an unreadable OCR layout", d.id(), p.pageNo());
            }
        }
        try {
            return PagePreview.boxes(pdf(d), spans, layouts);
        } catch (IOException | RuntimeException e) {
            log.warn("Locating the findings of document {} on its pages failed", d.id(), e);
            return Map.of();
        }
    }

    private byte[] pdf(ReleasedDocument d) throws IOException {
        synchronized (pdfs) {
            byte[] cached = pdfs.get(d.sha256());
            if (cached != null) return cached;
        }
        byte[] original;
        try (InputStream in = blobs.open(d.sha256())) {
            original = in.readAllBytes();
        }
        byte[] pdf = "image".equals(d.kind()) ? PagePreview.asPdf(original) : original;
        if (pdf.length <= CACHED_MAX_BYTES) {
            synchronized (pdfs) {
                pdfs.put(d.sha256(), pdf);
            }
        }
        return pdf;
    }

}
