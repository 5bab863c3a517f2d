package nyc.daylight.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The page templates in the web module: every .ftlh, not the letters (which go to agencies in English). */
final class PageTemplates {
    private PageTemplates() {}

    static List<Path> all() throws IOException {
        try (Stream<Path> s = Files.walk(I18nBundlesTest.TEMPLATES)) {
            List<Path> pages = s.filter(p -> p.toString().endsWith(".ftlh"))
                    .filter(p -> !I18nBundlesTest.TEMPLATES.relativize(p).startsWith("letters"))
                    .sorted().toList();
            if (pages.size() < 30) throw new IllegalStateException("Expected the page templates under " + I18nBundlesTest.TEMPLATES.toAbsolutePath());
            return pages;
        }
    }
}
