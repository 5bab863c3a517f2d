package nyc.daylight.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every language has every message, and every message a template asks for exists. */
class I18nBundlesTest {
    static final Path WEB = Path.of("..", "web", "src", "main", "resources", "daylight", "web");
    static final Path I18N = WEB.resolve("i18n");
    static final Path TEMPLATES = WEB.resolve("templates");
    /** msg("key") or msg('key'), with or without arguments. */
    private static final Pattern MSG = Pattern.compile("msg\\(\\s*[\"']([A-Za-z0-9_.\\-]+)[\"']");

    static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(I18N.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void english_and_spanish_have_exactly_the_same_keys() throws IOException {
        Set<String> en = load("messages.properties").stringPropertyNames();
        Set<String> es = load("messages_es.properties").stringPropertyNames();
        assertThat(difference(en, es)).as("in messages.properties but missing from messages_es.properties").isEmpty();
        assertThat(difference(es, en)).as("in messages_es.properties but missing from messages.properties").isEmpty();
    }

    @Test
    void every_bundle_file_has_the_english_keys_and_no_empty_values() throws IOException {
        Set<String> en = load("messages.properties").stringPropertyNames();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".properties")).toList()) {
                Properties p = load(f.getFileName().toString());
                assertThat(difference(en, p.stringPropertyNames())).as("keys missing from " + f.getFileName()).isEmpty();
                assertThat(p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank()))
                        .as("empty messages in " + f.getFileName()).isEmpty();
            }
        }
    }

    @Test
    void every_message_a_template_uses_is_in_the_english_bundle() throws IOException {
        Set<String> en = load("messages.properties").stringPropertyNames();
        TreeMap<String, String> missing = new TreeMap<>();
        int used = 0;
        for (Path t : PageTemplates.all()) {
            Matcher m = MSG.matcher(Files.readString(t));
            while (m.find()) {
                used++;
                String key = m.group(1);
                // msg("standing." + s.name()): a family of keys, checked value by value in EnumMessagesTest.
                boolean found = key.endsWith(".") ? en.stream().anyMatch(k -> k.startsWith(key)) : en.contains(key);
                if (!found) missing.put(key, TEMPLATES.relativize(t).toString());
            }
        }
        assertThat(used).as("msg(...) calls found in templates").isGreaterThan(20);
        assertThat(missing).as("msg keys used in a template but not in messages.properties (key=template)").isEmpty();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
