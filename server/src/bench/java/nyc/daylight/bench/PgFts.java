package nyc.daylight.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import nyc.daylight.records.index.PublishedDocument;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The alternative: PostgreSQL full-text search over the same pages, done the way the PostgreSQL
 * manual recommends: a stored {@code tsvector} column (english configuration) with a GIN index,
 * matches ranked with {@code ts_rank}, the top 20 highlighted with {@code ts_headline}, and facet
 * counts by {@code count(*) ... group by agency}. Lives in its own schema, dropped afterwards.
 */
final class PgFts implements AutoCloseable {
    static final String SCHEMA = "daylight_bench_fts";

    record LoadReport(double copySeconds, double indexSeconds, double vacuumSeconds, long tableBytes, long indexBytes) {}

    private final String url;
    private final String user;
    private final Duration timeout;
    private final List<Connection> clients = new ArrayList<>();

    PgFts(String url, String user, Duration timeout) {
        this.url = url;
        this.user = user;
        this.timeout = timeout;
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        if (user != null) p.setProperty("user", user);
        return DriverManager.getConnection(url, p);
    }

    String version() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("show server_version")) {
            r.next();
            return r.getString(1);
        }
    }

    void drop() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    /** Creates the table, streams the pages in with COPY, builds the GIN index, vacuums and analyzes. */
    LoadReport load(Iterator<PublishedDocument> documents) throws SQLException, java.io.IOException {
        drop();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create schema " + SCHEMA);
            s.execute("create table " + SCHEMA + ".pages (id bigint primary key, doc_id bigint not null, page int not null, "
                    + "agency text not null, kind text not null, year int not null, title text not null, body text not null, "
                    + "tsv tsvector generated always as (to_tsvector('english', body)) stored)");
            long t0 = System.nanoTime();
            CopyIn copy = new CopyManager(c.unwrap(BaseConnection.class))
                    .copyIn("copy " + SCHEMA + ".pages (id, doc_id, page, agency, kind, year, title, body) from stdin");
            StringBuilder b = new StringBuilder(1 << 21);
            long id = 0;
            while (documents.hasNext()) {
                PublishedDocument d = documents.next();
                for (int i = 0; i < d.pages().size(); i++) {
                    b.append(++id).append('\t').append(d.id()).append('\t').append(i + 1).append('\t').append(d.agency())
                            .append('\t').append(d.kind()).append('\t').append(d.date().getYear()).append('\t');
                    escape(b, d.title());
                    b.append('\t');
                    escape(b, d.pages().get(i));
                    b.append('\n');
                }
                if (b.length() > (1 << 20)) {
                    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    b.setLength(0);
                }
            }
            byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
            long t1 = System.nanoTime();
            s.execute("set maintenance_work_mem = '1GB'");
            s.execute("create index pages_tsv on " + SCHEMA + ".pages using gin (tsv)");
            long t2 = System.nanoTime();
            s.execute("vacuum analyze " + SCHEMA + ".pages");
            long t3 = System.nanoTime();
            long table;
            long index;
            try (ResultSet r = s.executeQuery("select pg_total_relation_size('" + SCHEMA + ".pages') - pg_indexes_size('" + SCHEMA
                    + ".pages'), pg_relation_size('" + SCHEMA + ".pages_tsv')")) {
                r.next();
                table = r.getLong(1);
                index = r.getLong(2);
            }
            return new LoadReport((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, table, index);
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped. */
    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
    }

    private synchronized Connection client(int thread) throws SQLException {
        while (clients.size() <= thread) {
            Connection c = connect();
            try (Statement s = c.createStatement()) {
                s.execute("set statement_timeout = " + timeout.toMillis());
            }
            clients.add(c);
        }
        return clients.get(thread);
    }

    private String topSql(SearchCase c) {
        return "select t.id, t.doc_id, t.page, t.agency, t.rank, ts_headline('english', t.body, t.q, "
                + "'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=20, MinWords=8') "
                + "from (select p.id, p.doc_id, p.page, p.agency, p.body, q.q, ts_rank(p.tsv, q.q) as rank "
                + "from " + SCHEMA + ".pages p, " + c.pgFunction() + "('english', ?) as q(q) "
                + "where p.tsv @@ q.q order by rank desc limit 20) t order by t.rank desc";
    }

    private String facetSql(SearchCase c) {
        return "select p.agency, count(*) from " + SCHEMA + ".pages p where p.tsv @@ " + c.pgFunction()
                + "('english', ?) group by p.agency order by 2 desc";
    }

    /** The query for one client thread, on that thread's own connection. */
    Load.Ops ops(SearchCase c) {
        return thread -> {
            Connection conn = client(thread);
            PreparedStatement top = conn.prepareStatement(topSql(c));
            PreparedStatement facets = c.faceted() ? conn.prepareStatement(facetSql(c)) : null;
            return () -> {
                long n = 0;
                top.setString(1, c.pgText());
                try (ResultSet r = top.executeQuery()) {
                    while (r.next()) n += r.getString(6).length();
                }
                if (facets != null) {
                    facets.setString(1, c.pgText());
                    try (ResultSet r = facets.executeQuery()) {
                        while (r.next()) n += r.getLong(2);
                    }
                }
                return n;
            };
        };
    }

    long count(SearchCase c) throws SQLException {
        try (PreparedStatement s = client(0).prepareStatement("select count(*) from " + SCHEMA + ".pages p where p.tsv @@ "
                + c.pgFunction() + "('english', ?)")) {
            s.setString(1, c.pgText());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Override
    public synchronized void close() {
        for (Connection c : clients) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        clients.clear();
    }
}
