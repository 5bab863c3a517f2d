package nyc.daylight.testing;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * axe-core from the test classpath (never a CDN), run in a Chromium page: the serious and critical
 * WCAG 2.1 A/AA violations, each with up to three of the elements it found. The page must allow the
 * inline script ({@link Browser#newPageBypassingCsp()}).
 */
public final class Axe {
    private static final String RESOURCE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private final String script;

    private Axe(String script) {
        this.script = script;
    }

    public static Axe load() {
        try (InputStream in = Axe.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new AssertionError("axe-core is not on the test classpath: " + RESOURCE);
            return new Axe(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds each serious or critical violation of the page as it stands to {@code failures}, prefixed by {@code where}. */
    @SuppressWarnings("unchecked")
    public void check(Page page, String where, List<String> failures) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(script));
        Object result = page.evaluate("""
                async () => {
                  const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
                  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' [' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + ']');
                }""");
        for (Object v : (List<Object>) result) failures.add(where + " — " + v);
    }
}
