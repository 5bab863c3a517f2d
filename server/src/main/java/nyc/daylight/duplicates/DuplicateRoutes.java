package nyc.daylight.duplicates;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nyc.daylight.core.BadInput;
import nyc.daylight.core.NotFound;
import nyc.daylight.core.Text;
import nyc.daylight.releases.RecordLibrary;
import nyc.daylight.web.Role;

/**
 * The public pages of duplicate records: {@code /records/{id}/compare} lists the other agencies'
 * copies of a record's pages, and with {@code page}, {@code with} and {@code withPage} shows one
 * copy beside this record's page, with what each agency withheld that the other released.
 */
public final class DuplicateRoutes {
    private final Copies copies;
    private final RecordLibrary library;

    public DuplicateRoutes(Copies copies, RecordLibrary library) {
        this.copies = copies;
        this.library = library;
    }

    public void register(RoutesConfig routes) {
        routes.get("/records/{id}/compare", this::compare, Role.PUBLIC);
    }

    /** The viewer's extra model: this page's copies elsewhere, and whether other pages have some. */
    public Map<String, Object> forViewer(long id, int page) {
        List<Copies.Copy> all = copies.of(id);
        return Map.of("copies", all.stream().filter(c -> c.page() == page).toList(),
                "copiedPages", all.stream().map(Copies.Copy::page).distinct().count());
    }

    private void compare(Context ctx) {
        long id = number(ctx.pathParam("id"));
        Map<String, Object> model = new HashMap<>();
        if (Text.blankToNull(ctx.queryParam("with")) == null) {
            RecordLibrary.Viewer v = library.view(id, 1, null).orElseThrow(() -> NotFound.of("refusal.record.unpublished"));
            model.put("v", v);
            model.put("copies", copies.of(id));
            ctx.render("records/copies.ftlh", model);
            return;
        }
        int page = page(ctx, "page");
        long with = number(ctx.queryParam("with"));
        int withPage = page(ctx, "withPage");
        Copies.Compared c = copies.compare(id, page, with, withPage).orElseThrow(() -> NotFound.of("refusal.duplicates.notLinked"));
        model.put("c", c);
        ctx.render("records/compare.ftlh", model);
    }

    private static long number(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw NotFound.of("refusal.record.unpublished");
        }
    }

    private static int page(Context ctx, String name) {
        try {
            int p = Integer.parseInt(Text.blankToNull(ctx.queryParam(name)) == null ? "" : ctx.queryParam(name));
            if (p < 1) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw BadInput.of(name, "error.duplicates.page");
        }
    }
}
