package nyc.daylight.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * Gives each page view one pooled connection for all its reads, instead of a checkout per query.
 * A request page makes about ten queries (the session, the request, its events, letters, records
 * …); under load each checkout queued separately behind every other request, so a page waited
 * ten times, and past a few hundred clients those waits crossed the pool's timeout (the load
 * run, docs/operations.md). Inside a scope the connection is taken on the first query and given
 * back when the page is done; outside one (form posts, background workers) every query checks
 * out and returns its own, so a sign-in does not hold a connection while it hashes a password.
 * Transactions inside a scope run on the scope's connection (jOOQ's thread-bound transactions
 * take it from here).
 */
public final class PageConnections implements ConnectionProvider {
    private final DataSource dataSource;
    private final ThreadLocal<Scope> scope = new ThreadLocal<>();

    private static final class Scope {
        Connection connection;
    }

    public PageConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** From now until {@link #close()}, this thread's queries share one connection. */
    public void open() {
        // A scope left open by a request that never reached close() must not keep its connection.
        close();
        scope.set(new Scope());
    }

    /** Gives the scope's connection back to the pool, if a query took one. */
    public void close() {
        Scope s = scope.get();
        scope.remove();
        if (s != null && s.connection != null) giveBack(s.connection);
    }

    @Override
    public Connection acquire() {
        try {
            Scope s = scope.get();
            if (s == null) return dataSource.getConnection();
            if (s.connection == null) s.connection = dataSource.getConnection();
            return s.connection;
        } catch (SQLException e) {
            throw new DataAccessException("Could not get a database connection: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(Connection connection) {
        Scope s = scope.get();
        if (s == null || s.connection != connection) giveBack(connection);
    }

    private static void giveBack(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("Could not return a connection to the pool", e);
        }
    }
}
