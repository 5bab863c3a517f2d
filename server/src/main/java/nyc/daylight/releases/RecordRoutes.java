package nyc.daylight.releases;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nyc.daylight.agencies.AgencyService;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.Text;
import nyc.daylight.records.index.BadQueryException;
import nyc.daylight.records.index.SearchQuery;
import nyc.daylight.records.index.SearchResults;
import nyc.daylight.requests.AtomFeed;
import nyc.daylight.web.ConnectionUse;
import nyc.daylight.web.Language;
import nyc.daylight.web.Role;

/** Public search over released records, the record viewer, the published file, and the search API. */
public final class RecordRoutes {
    private static final int PAGE_SIZE = 20;
    private static final int FEED_SIZE = 50;
    private final RecordLibrary library;
    private final AgencyService agencies;

    private final String baseUrl;
    private final java.util.function.BiFunction<Long, Integer, Map<String, Object>> viewerExtras;

    /** @param baseUrl the public address, for feed links */
    public RecordRoutes(RecordLibrary library, AgencyService agencies, String baseUrl) {
        this(library, agencies, baseUrl, (id, page) -> Map.of());
    }

    /**
     * @param viewerExtras more for the record viewer's model, given the record and the page shown
     *     (other agencies' copies of the page): features that know more than records add it here
     */
    public RecordRoutes(RecordLibrary library, AgencyService agencies, String baseUrl,
                        java.util.function.BiFunction<Long, Integer, Map<String, Object>> viewerExtras) {
        this.baseUrl = baseUrl;
        this.library = library;
        this.agencies = agencies;
        this.viewerExtras = viewerExtras;
    }

    public void register(RoutesConfig routes) {
        routes.get("/records", this::searchPage, Role.PUBLIC, ConnectionUse.PER_QUERY);
        routes.get("/records/{id}", this::viewer, Role.PUBLIC);
        routes.get("/records/{id}/file", this::file, Role.PUBLIC);
        routes.get("/api/v1/search", this::api, Role.PUBLIC, ConnectionUse.PER_QUERY);
        routes.get("/feeds/records.atom", this::feed, Role.PUBLIC, ConnectionUse.PER_QUERY);
    }

    private SearchQuery query(Context ctx) {
        String sort = Text.blankToNull(ctx.queryParam("sort"));
        SearchQuery.Sort s;
        if (sort == null) s = SearchQuery.Sort.RELEVANCE;
        else s = switch (sort) {
            case "relevance" -> SearchQuery.Sort.RELEVANCE;
            case "newest" -> SearchQuery.Sort.NEWEST;
            case "oldest" -> SearchQuery.Sort.OLDEST;
            default -> throw BadInput.of("sort", "error.search.sort");
        };
        String q = Text.blankToNull(ctx.queryParam("q"));
        if (q != null && q.length() > 500) throw BadInput.of("q", "error.search.tooLong");
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (from != null && to != null && to.isBefore(from)) throw BadInput.of("to", "error.dateRange.endBeforeStart");
        return new SearchQuery(q, Text.blankToNull(ctx.queryParam("agency")), Text.blankToNull(ctx.queryParam("type")), from, to,
                Text.blankToNull(ctx.queryParam("request")), s, pageNumber(ctx), PAGE_SIZE);
    }

    private static LocalDate date(Context ctx, String name) {
        String v = Text.blankToNull(ctx.queryParam(name));
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw BadInput.of(name, "error.date.format");
        }
    }

    private static int pageNumber(Context ctx) {
        String v = Text.blankToNull(ctx.queryParam("page"));
        try {
            int p = v == null ? 1 : Integer.parseInt(v);
            if (p < 1 || p > 500) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw BadInput.of("page", "error.search.page");
        }
    }

    private void searchPage(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("agencies", agencies.all());
        model.put("params", ctx.queryParamMap());
        try {
            SearchQuery q = query(ctx);
            model.put("query", q);
            if (!q.blank()) {
                SearchResults r = library.search(q);
                model.put("results", r);
                model.put("pages", resultPages(q, r));
                model.put("linkBase", link(ctx, "/records"));
                model.put("feedLink", link(ctx, "/feeds/records.atom"));
            }
        } catch (BadInput e) {
            ctx.status(400);
            model.put("error", e.message(Language.of(ctx)));
        } catch (BadQueryException e) {
            ctx.status(400);
            model.put("error", refusal(e).message(Language.of(ctx)));
        }
        ctx.render("records/search.ftlh", model);
    }

    /**
     * Newly published records, newest publication first; with search parameters (the same as
     * /records) it is a saved search: a feed reader shows each record once, when it is published.
     */
    private void feed(Context ctx) {
        SearchQuery asked = query(ctx);
        SearchQuery q = new SearchQuery(asked.text(), asked.agency(), asked.kind(), asked.from(), asked.to(), asked.requestNumber(),
                SearchQuery.Sort.PUBLISHED, 1, FEED_SIZE);
        SearchResults r;
        try {
            r = library.search(q);
        } catch (BadQueryException e) {
            throw refusal(e);
        }
        var published = library.publishedAt(r.documents().stream().map(SearchResults.DocumentHit::documentId).toList());
        List<AtomFeed.Entry> entries = r.documents().stream().filter(d -> published.containsKey(d.documentId())).map(d -> {
            var at = published.get(d.documentId());
            String snippet = d.pages().isEmpty() ? "" : plain(d.pages().getFirst().snippetHtml());
            // The tag's date is when Daylight named its records (RFC 4151), not the entry's: ids stay put on republication.
            return new AtomFeed.Entry("tag:daylight,2026:record/" + d.documentId(), d.title(),
                    baseUrl + "/records/" + d.documentId(), at,
                    agencyName(d.agency()) + (d.requestNumber() == null ? "" : ", request " + d.requestNumber()) + ", " + d.date() + ". "
                            + snippet);
        }).toList();
        String params = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        String title = q.text() == null ? "Daylight: newly published records" : "Daylight: records matching " + q.text();
        ctx.contentType("application/atom+xml; charset=utf-8").result(AtomFeed.write(baseUrl + "/feeds/records.atom" + params,
                baseUrl + "/records" + params, title, "Released records published on Daylight, newest first.", entries,
                OffsetDateTime.now()));
    }

    /**
     * How many result pages there are. Past the count limit the documents are a lower bound, so
     * there is at least one more page whenever this one is full (up to the pager's 500).
     */
    static int resultPages(SearchQuery q, SearchResults r) {
        int known = (int) ((r.totalDocuments() + (long) q.pageSize() - 1) / q.pageSize());
        if (r.exact()) return known;
        int more = r.documents().size() >= q.pageSize() ? q.page() + 1 : q.page();
        return Math.max(known, Math.min(500, more));
    }

    /** The index keeps an agency's slug; readers get its name. */
    private String agencyName(String slug) {
        return agencies.find(slug).map(nyc.daylight.agencies.Agency::name).orElse(slug);
    }

    /** A snippet's text without its markup: feeds carry plain text, which the XML writer escapes. */
    static String plain(String snippetHtml) {
        String text = snippetHtml.replaceAll("<[^>]*>", "");
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|quot|amp|apos);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String c = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "amp" -> "&";
                case "apos" -> "'";
                default -> {
                    int cp = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                    yield Character.isValidCodePoint(cp) ? Character.toString(cp) : " ";
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        m.appendTail(out);
        // XML 1.0 cannot carry most control characters, which extracted text sometimes holds.
        return out.toString().replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " ");
    }

    private void api(Context ctx) {
        SearchQuery q = query(ctx);
        SearchResults r;
        try {
            r = library.search(q);
        } catch (BadQueryException e) {
            throw refusal(e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", r.totalDocuments());
        body.put("totalPages", r.totalPages());
        body.put("exact", r.exact());
        if (!r.exact()) body.put("facetSample", r.sampledPages());
        body.put("page", q.page());
        body.put("pageSize", q.pageSize());
        body.put("hits", r.documents().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recordId", d.documentId());
            m.put("title", d.title());
            m.put("agency", d.agency());
            m.put("agencyName", agencyName(d.agency()));
            m.put("request", d.requestNumber());
            m.put("date", d.date().toString());
            m.put("type", d.kind());
            m.put("matchingPages", d.matchingPages());
            m.put("url", "/records/" + d.documentId());
            m.put("pages", d.pages().stream().map(p -> Map.of("page", p.page(), "snippet", p.snippetHtml(),
                    "url", "/records/" + d.documentId() + "?page=" + p.page() + (q.text() == null ? "" : "&q=" + enc(q.text())))).toList());
            return m;
        }).toList());
        body.put("facets", r.facets());
        int pages = resultPages(q, r);
        String base = link(ctx, "/api/v1/search");
        body.put("next", q.page() < pages ? base + "page=" + (q.page() + 1) : null);
        body.put("prev", q.page() > 1 ? base + "page=" + (q.page() - 1) : null);
        ctx.json(body);
    }

    private void viewer(Context ctx) {
        long id = id(ctx);
        int page;
        try {
            page = ctx.queryParam("page") == null ? 1 : Integer.parseInt(ctx.queryParam("page"));
        } catch (NumberFormatException e) {
            page = 1;
        }
        RecordLibrary.Viewer v = library.view(id, page, Text.blankToNull(ctx.queryParam("q")))
                .orElseThrow(() -> NotFound.of("refusal.record.unpublished"));
        Map<String, Object> model = new HashMap<>();
        model.put("v", v);
        model.putAll(viewerExtras.apply(v.id(), v.page()));
        ctx.render("records/viewer.ftlh", model);
    }

    private void file(Context ctx) throws IOException {
        RecordLibrary.PublishedFile f = library.file(id(ctx)).orElseThrow(() -> NotFound.of("refusal.record.unpublished"));
        String ascii = f.filename().replaceAll("[^A-Za-z0-9 ._()-]", "_");
        ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(f.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header("X-Content-Type-Options", "nosniff");
        // A withdrawn record must not live on in caches.
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("application/pdf");
        ctx.result(f.content());
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw NotFound.of("refusal.record.unpublished");
        }
    }

    /** The current query string without its page number, ready for "page=N" to be appended. */
    private static String link(Context ctx, String path) {
        StringBuilder b = new StringBuilder(path).append('?');
        for (String name : List.of("q", "agency", "type", "from", "to", "request", "sort")) {
            String v = Text.blankToNull(ctx.queryParam(name));
            if (v != null) b.append(name).append('=').append(enc(v)).append('&');
        }
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A refused search, in the words of the bundles ({@code refusal.search.UNREADABLE} …). */
    private static BadInput refusal(BadQueryException e) {
        return BadInput.of("q", "refusal.search." + e.reason().name(), e.detail());
    }
}
