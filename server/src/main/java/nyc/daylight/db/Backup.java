package nyc.daylight.db;

import static nyc.daylight.sql.jooq.Tables.OUTBOX;
import static nyc.daylight.sql.jooq.Tables.REQUESTS;
import static nyc.daylight.sql.jooq.Tables.SERVER_SECRETS;
import static nyc.daylight.sql.jooq.Tables.USERS;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nyc.daylight.core.Progress;
import nyc.daylight.records.BlobStore;
import nyc.daylight.records.FileBlobStore;
import nyc.daylight.sql.jooq.Public;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.SQLDialect;
import org.jooq.SelectField;
import org.jooq.Sequence;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code daylight backup DIR} and {@code daylight restore DIR}. A backup is a directory anyone
 * can inspect: every table as PostgreSQL's own COPY text (exact for every type, jsonb and
 * timestamps included), all taken in one repeatable-read snapshot so it is consistent while the
 * portal keeps serving; the blob store (content-addressed, append-only, so files referenced by
 * the snapshot are all there); and a manifest with the schema version, row counts and SHA-256 of
 * every file. The search index is not backed up: it is rebuilt from the restored database.
 *
 * <p>A backup holds no live secret: session ids, e-mailed tokens and API tokens are stored only as
 * SHA-256 hashes anyway; the one-time links of mail not yet sent ({@code outbox.secret}) are
 * written as empty (such a message is then never sent: its recipient asks again), and the server's
 * own keys ({@code server_secrets}) stay out (a restored portal makes new ones).
 */
public final class Backup {
    static final String MANIFEST = "manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;

    public Backup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param sequences last value of each free-standing sequence (request numbers), null if never used */
    public record Manifest(int format, String createdAt, String schemaVersion, Map<String, Long> rows, Map<String, String> sha256,
                           Map<String, Long> sequences, long blobs) {}

    /** Writes a backup of the database and of {@code blobDir} into {@code dir} (which must be empty or absent). */
    public Manifest write(Path dir, Path blobDir) throws IOException, SQLException {
        return write(dir, new FileBlobStore(blobDir), Progress.NONE);
    }

    /**
     * Writes a backup of the database and of every file in {@code blobs} (a directory or a bucket)
     * into {@code dir}, telling {@code progress} of each table, then each stored file, copied.
     */
    public Manifest write(Path dir, BlobStore blobs, Progress progress) throws IOException, SQLException {
        if (Files.exists(dir) && !isEmpty(dir)) throw new IllegalArgumentException(dir + " is not empty; back up into a new directory.");
        Files.createDirectories(dir.resolve("db"));
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, String> sums = new LinkedHashMap<>();
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<Table<?>> tables = tablesInLoadOrder();
            progress.start("tables", tables.size());
            for (Table<?> t : tables) {
                Path file = dir.resolve("db").resolve(t.getName() + ".copy");
                try (OutputStream out = Files.newOutputStream(file)) {
                    // COPY has no jOOQ form; the table name comes from the generated schema, never from input.
                    rows.put(t.getName(), copy.copyOut("COPY (" + selectWithoutSecrets(t) + ") TO STDOUT", out));
                }
                sums.put("db/" + t.getName() + ".copy", sha256(file));
                progress.advance(1);
            }
            for (Sequence<?> seq : Public.PUBLIC.getSequences()) {
                sequences.put(seq.getName(), DSL.using(c, SQLDialect.POSTGRES)
                        .select(DSL.function("pg_sequence_last_value", Long.class, DSL.inline(seq.getName()))).fetchOne(0, Long.class));
            }
            c.commit();
        }
        // After the snapshot: blobs are never deleted, so every file the snapshot names is there.
        long files = copyOut(blobs, dir.resolve("blobs"), progress);
        Manifest m = new Manifest(1, Instant.now().toString(), schemaVersion(), rows, sums, sequences, files);
        Files.writeString(dir.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
        return m;
    }

    /**
     * Restores a backup into a database that holds no requests yet (a fresh data directory or a
     * new database), after checking every file against the manifest. All tables are replaced in
     * one transaction: a failed restore leaves the database as it was.
     */
    public Manifest restore(Path dir, Path blobDir) throws IOException, SQLException {
        return restore(dir, new FileBlobStore(blobDir), Progress.NONE);
    }

    /** The same into {@code blobs} (a directory or a bucket), telling {@code progress} of each table loaded, then each stored file. */
    public Manifest restore(Path dir, BlobStore blobs, Progress progress) throws IOException, SQLException {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.exists(manifestFile)) throw new IllegalArgumentException(dir + " holds no Daylight backup (no " + MANIFEST + ").");
        Manifest m = JSON.readValue(Files.readString(manifestFile), Manifest.class);
        for (Map.Entry<String, String> e : m.sha256().entrySet()) {
            if (!sha256(dir.resolve(e.getKey())).equals(e.getValue())) {
                throw new IllegalArgumentException(e.getKey() + " does not match its checksum: the backup is damaged.");
            }
        }
        String current = schemaVersion();
        if (!current.equals(m.schemaVersion())) {
            throw new IllegalArgumentException("This backup has schema version " + m.schemaVersion() + " and this Daylight has "
                    + current + ": restore it with the Daylight version that made it, then upgrade.");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            var dsl = DSL.using(c, SQLDialect.POSTGRES);
            if (dsl.fetchCount(REQUESTS) > 0 || dsl.fetchCount(USERS) > 0) {
                throw new IllegalArgumentException("The target database already has users or requests; restore into an empty one.");
            }
            List<Table<?>> order = tablesInLoadOrder();
            dsl.truncate(order.toArray(Table[]::new)).cascade().execute();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            progress.start("tables", order.size());
            for (Table<?> t : order) {
                try (InputStream in = Files.newInputStream(dir.resolve("db").resolve(t.getName() + ".copy"))) {
                    long n = copy.copyIn("COPY " + DSL.using(SQLDialect.POSTGRES).render(t) + " FROM STDIN", in);
                    Long expected = m.rows().get(t.getName());
                    if (expected == null || expected != n) {
                        throw new IllegalArgumentException(t.getName() + ": restored " + n + " rows, the manifest says " + expected + ".");
                    }
                }
                // Identity columns continue after the restored ids.
                if (t.getIdentity() != null) {
                    var id = t.getIdentity().getField();
                    Long max = dsl.select(DSL.max(id)).from(t).fetchOne(0, Long.class);
                    if (max != null) {
                        dsl.select(DSL.function("setval", Long.class,
                                DSL.function("pg_get_serial_sequence", String.class, DSL.inline(t.getName()), DSL.inline(id.getName())),
                                DSL.inline(max))).fetch();
                    }
                }
                progress.advance(1);
            }
            for (Map.Entry<String, Long> e : m.sequences().entrySet()) {
                if (e.getValue() != null) {
                    dsl.select(DSL.function("setval", Long.class, DSL.inline(e.getKey()), DSL.inline(e.getValue()))).fetch();
                }
            }
            c.commit();
        }
        copyIn(dir.resolve("blobs"), blobs, progress);
        return m;
    }

    /**
     * Every column of the table in order, but a live secret's column as NULL. Rendered by jOOQ
     * from the generated schema, never from input.
     */
    private static String selectWithoutSecrets(Table<?> t) {
        List<SelectField<?>> columns = new ArrayList<>();
        for (Field<?> f : t.fields()) {
            columns.add(f.equals(OUTBOX.SECRET) ? DSL.castNull(f.getDataType()).as(f.getUnqualifiedName()) : f);
        }
        return DSL.using(SQLDialect.POSTGRES).renderInlined(DSL.select(columns).from(t).orderBy(DSL.inline(1)));
    }

    /** Parents before children, so rows can be loaded as they are, with every foreign key checked. */
    public static List<Table<?>> tablesInLoadOrder() {
        List<Table<?>> all = new ArrayList<>(Public.PUBLIC.getTables());
        all.removeIf(t -> t.getName().startsWith("flyway_"));
        // Table-valued functions (add_shingle_documents, V35) are generated as tables but hold no rows.
        all.removeIf(t -> t.getTableType() != org.jooq.TableOptions.TableType.TABLE);
        all.remove(SERVER_SECRETS);
        Set<Table<?>> done = new LinkedHashSet<>();
        while (done.size() < all.size()) {
            boolean progress = false;
            for (Table<?> t : all) {
                if (done.contains(t)) continue;
                boolean ready = true;
                for (ForeignKey<?, ?> fk : t.getReferences()) {
                    Table<?> parent = fk.getKey().getTable();
                    if (!parent.equals(t) && !done.contains(parent) && all.contains(parent)) ready = false;
                }
                if (ready) {
                    done.add(t);
                    progress = true;
                }
            }
            if (!progress) throw new IllegalStateException("Foreign keys form a cycle; cannot order the tables");
        }
        return new ArrayList<>(done);
    }

    private String schemaVersion() {
        MigrationInfo current = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    /** Every stored file into {@code to} as {@code ab/cd/abcd…}, the layout of a data directory's blobs/. */
    private static long copyOut(BlobStore blobs, Path to, Progress progress) throws IOException {
        List<String> all = new ArrayList<>();
        blobs.forEach(all::add);
        progress.start("files", all.size());
        for (String sha : all) {
            Path target = to.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
            Files.createDirectories(target.getParent());
            try (InputStream in = blobs.open(sha)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            progress.advance(1);
        }
        return all.size();
    }

    /**
     * Every file of a backup's blobs/ into the store, each only if missing (content-addressed: a
     * file already there under its hash is the same file); a file whose bytes no longer match its
     * name is damage, and refused.
     */
    private static void copyIn(Path from, BlobStore blobs, Progress progress) throws IOException {
        if (!Files.isDirectory(from)) return;
        List<Path> all;
        try (Stream<Path> files = Files.walk(from)) {
            all = files.filter(Files::isRegularFile).filter(f -> BlobStore.isSha256(f.getFileName().toString())).toList();
        }
        progress.start("files", all.size());
        for (Path f : all) {
            String sha = f.getFileName().toString();
            if (!blobs.contains(sha)) {
                try (InputStream in = Files.newInputStream(f)) {
                    if (!blobs.put(in, Long.MAX_VALUE).sha256().equals(sha)) {
                        throw new IllegalArgumentException(from.relativize(f) + " does not match its name: the backup is damaged.");
                    }
                }
            }
            progress.advance(1);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
