import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Build step (run by exec-maven-plugin in generate-sources): migrates a throwaway embedded
 * PostgreSQL with the real migrations and generates jOOQ classes from it. jOOQ's DDLDatabase
 * would parse the DDL through H2 and lose PostgreSQL types (text, jsonb, timestamptz).
 *
 * Arguments: migrations directory, output directory, scratch directory for the database.
 */
public class JooqCodegen {
    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        Path scratch = Path.of(args[2]).toAbsolutePath();
        // Skip the database round trip when the migrations are exactly those last generated from.
        String fingerprint = fingerprint(migrations);
        Path stamp = output.resolve(".migrations.sha256");
        if (Files.exists(stamp) && Files.readString(stamp).equals(fingerprint)) {
            return;
        }
        deleteTree(output);
        deleteTree(scratch);
        Files.createDirectories(scratch);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(scratch.resolve("data"))
                .setCleanDataDirectory(true)
                .start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            Flyway.configure()
                    .dataSource(url, "postgres", null)
                    .locations("filesystem:" + migrations)
                    .load()
                    .migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withExcludes("flyway_schema_history")
                                    .withForcedTypes(FORCED_TYPES))
                            .withGenerate(new Generate()
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withJavaTimeTypes(true))
                            .withTarget(new Target()
                                    .withPackageName("nyc.daylight.sql.jooq")
                                    .withDirectory(output.toString()))));
        } finally {
            deleteTree(scratch);
        }
        Files.writeString(stamp, fingerprint);
    }

    /** Status-like columns typed as the enums of {@code nyc.daylight.sql.types} (their CHECK constraints' values). */
    private static final java.util.List<ForcedType> FORCED_TYPES = java.util.List.of(
            enumType("DocumentStatus", "public\\.documents\\.status"),
            enumType("InboundStatus", "public\\.inbound_messages\\.status"),
            enumType("FindingDecision", "public\\.(pii_findings|inbound_findings)\\.decision"),
            enumType("PublicationAction", "public\\.publications\\.action"),
            enumType("OutboxDelivery", "public\\.outbox\\.delivery"));

    private static ForcedType enumType(String type, String columns) {
        return new ForcedType().withUserType("nyc.daylight.sql.types." + type).withEnumConverter(true)
                .withIncludeExpression(columns).withIncludeTypes("text");
    }

    private static String fingerprint(Path migrations) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        // The generator's own settings count too: a new forced type must regenerate.
        FORCED_TYPES.forEach(t -> sha.update((t.getUserType() + t.getIncludeExpression()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (var files = Files.list(migrations)) {
            for (Path f : files.sorted().toList()) {
                sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
