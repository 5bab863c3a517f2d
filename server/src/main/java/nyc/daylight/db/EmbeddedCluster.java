package nyc.daylight.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Set;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, locked with a password. It listens on 127.0.0.1 only, but any local
 * process or user on the machine could otherwise connect as the superuser: zonky's default cluster
 * trusts every connection. So the first start makes a random password, keeps it beside the cluster
 * in {@code dataDir/pg-password} (readable by the portal's user alone, mode 0600), initialises the
 * cluster with SCRAM-SHA-256 and that password, and writes a {@code pg_hba.conf} without a single
 * {@code trust} line. A cluster made by an older version (all trust) is upgraded on its next start:
 * the password is set over the still-trusted connection, then pg_hba.conf is rewritten and reloaded.
 */
final class EmbeddedCluster {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);
    static final String PASSWORD_FILE = "pg-password";
    static final String SUPERUSER = "postgres";
    /** Every way in asks for the password: the Unix socket, IPv4 and IPv6 loopback, replication. */
    static final String HBA = """
            # Written by Daylight at every start: every connection needs the password in ../pg-password.
            # TYPE  DATABASE     USER  ADDRESS       METHOD
            local   all          all                 scram-sha-256
            host    all          all   127.0.0.1/32  scram-sha-256
            host    all          all   ::1/128       scram-sha-256
            local   replication  all                 scram-sha-256
            host    replication  all   127.0.0.1/32  scram-sha-256
            host    replication  all   ::1/128       scram-sha-256
            """;

    private EmbeddedCluster() {}

    /** A started server and the superuser's password. */
    record Started(EmbeddedPostgres server, String password) {}

    static Started start(Path dataDir) throws IOException {
        Path pgDir = Files.createDirectories(dataDir.resolve("pg"));
        // A postgres still running is an orphan only if no live Daylight holds the directory.
        DataDirectoryInUse.refuseIfHeld(pgDir);
        OrphanedPostgres.stopIfRunning(pgDir, java.time.Duration.ofSeconds(30));
        boolean fresh = !Files.exists(pgDir.resolve("postgresql.conf"));
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        boolean trusting = !fresh && allowsTrust(pgDir.resolve("pg_hba.conf"));
        if (!fresh && !trusting && !Files.exists(passwordFile)) {
            // A new password would not open it; say so rather than start a portal that cannot log in.
            throw new IOException("The embedded PostgreSQL in " + pgDir + " is locked with a password, but " + passwordFile
                    + " is missing. Restore that file from the backup of this data directory (see docs/operations.md).");
        }
        String password = readOrCreatePassword(passwordFile);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                // The embedded default trades durability for speed; an acknowledged commit must
                // survive a crash of the machine, so every commit waits for its WAL flush.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", password)
                // We stop it ourselves on close; its own hook would race ours at shutdown.
                .setRegisterShutdownHook(false);
        if (fresh) {
            // Appended after zonky's own "-A trust", so these win: initdb takes the last of each.
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
        }
        // An old trusting cluster keeps its file until its password is set, or nobody could get in.
        if (!trusting) builder.setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
        EmbeddedPostgres pg = builder.start();
        if (trusting) {
            try {
                lock(pg, pgDir, password);
            } catch (IOException | SQLException | RuntimeException e) {
                pg.close();
                throw new IOException("Could not set a password on the embedded PostgreSQL in " + pgDir
                        + " (made by an older Daylight, which trusted local connections): " + e.getMessage(), e);
            }
            log.warn("The embedded PostgreSQL in {} trusted local connections; it now requires the password kept in {}",
                    pgDir, passwordFile);
        }
        return new Started(pg, password);
    }

    /** Sets the superuser's password over the trusted connection, then closes the door behind it. */
    private static void lock(EmbeddedPostgres pg, Path pgDir, String password) throws IOException, SQLException {
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl(SUPERUSER, SUPERUSER), SUPERUSER, "")) {
            // The driver hashes the password (SCRAM) itself: the server never sees it in clear.
            c.unwrap(org.postgresql.PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
            writeHba(pgDir);
            DSL.using(c, SQLDialect.POSTGRES).select(DSL.function("pg_reload_conf", Boolean.class)).fetch();
        }
    }

    private static void writeHba(Path pgDir) {
        try {
            Path tmp = pgDir.resolve("pg_hba.conf.new");
            Files.writeString(tmp, HBA, StandardCharsets.US_ASCII);
            Files.move(tmp, pgDir.resolve("pg_hba.conf"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot write pg_hba.conf in " + pgDir, e);
        }
    }

    /** Whether any rule in pg_hba.conf lets a connection in without a password. */
    static boolean allowsTrust(Path hba) throws IOException {
        if (!Files.exists(hba)) return false;
        for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
            int hash = line.indexOf('#');
            String rule = hash >= 0 ? line.substring(0, hash) : line;
            for (String token : rule.strip().split("\\s+")) {
                if (token.equalsIgnoreCase("trust")) return true;
            }
        }
        return false;
    }

    /** The password in the file, made first if there is none; the file is left readable by its owner alone. */
    static String readOrCreatePassword(Path file) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                // Created with its final mode, so it is never readable by others, not even for a moment.
                if (posix) Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
                else Files.createFile(file);
                Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
                return password;
            } catch (FileAlreadyExistsException raced) {
                // Another process made it first: use theirs.
            }
        }
        if (posix && !Files.getPosixFilePermissions(file).equals(ownerOnly)) {
            log.warn("{} was readable by others; it is now mode 0600", file);
            Files.setPosixFilePermissions(file, ownerOnly);
        }
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (password.isEmpty()) throw new IOException(file + " is empty; delete it only together with the pg directory beside it");
        return password;
    }
}
