package nyc.daylight.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SQL goes through jOOQ's generated classes with bind values; nothing builds SQL from strings,
 * where an injection could hide. This scans the production sources for the ways one could.
 */
class NoStringSqlTest {
    private static final Pattern STRING_SQL = Pattern.compile(
            "\\.(execute|fetch|fetchOne|fetchMany|query|resultQuery)\\(\\s*\"|DSL\\.(sql|field|condition|table|query|resultQuery)\\(\\s*\""
                    + "|\\b(createStatement|prepareStatement|prepareCall)\\(|\\.(copyIn|copyOut)\\(");
    /** PostgreSQL's COPY has no jOOQ form; the backup renders only generated table names into it. */
    private static final Set<String> ALLOWED = Set.of("server/src/main/java/nyc/daylight/db/Backup.java");

    @Test
    void no_production_code_builds_sql_from_strings() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (String module : List.of("server", "records", "sql")) {
            Path src = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) continue;
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    scanned++;
                    String rel = root.relativize(f).toString();
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (STRING_SQL.matcher(lines.get(i)).find() && !ALLOWED.contains(rel)) found.add(rel + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(scanned).as("source files scanned").isGreaterThan(100);
        assertThat(found).isEmpty();
        // The scan sees what it is meant to see.
        assertThat(STRING_SQL.matcher("dsl.execute(\"delete from users\")").find()).isTrue();
        assertThat(STRING_SQL.matcher("DSL.field(\"to_char({0})\", String.class)").find()).isTrue();
        assertThat(STRING_SQL.matcher("dsl.selectFrom(USERS).fetch()").find()).isFalse();
    }
}
