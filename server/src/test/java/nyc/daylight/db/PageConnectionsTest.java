package nyc.daylight.db;

import static nyc.daylight.sql.jooq.Tables.SITE_SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import nyc.daylight.testing.PostgresExtension;
import nyc.daylight.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PageConnectionsTest {
    private HikariDataSource pool;
    private PageConnections connections;
    private DSLContext dsl;

    @BeforeEach
    void pool(TestDatabase db) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.url());
        c.setUsername(db.user());
        c.setMaximumPoolSize(3);
        pool = new HikariDataSource(c);
        connections = new PageConnections(pool);
        dsl = Database.dsl(connections);
    }

    @AfterEach
    void close() {
        connections.close();
        pool.close();
    }

    private int backend() {
        return dsl.select(DSL.function("pg_backend_pid", Integer.class)).fetchOne().value1();
    }

    private int active() {
        return pool.getHikariPoolMXBean().getActiveConnections();
    }

    @Test
    void a_page_takes_one_connection_for_all_its_queries_and_gives_it_back_when_done() {
        connections.open();
        assertThat(active()).as("nothing taken before the first query").isZero();
        int first = backend();
        assertThat(backend()).isEqualTo(first);
        assertThat(backend()).isEqualTo(first);
        assertThat(active()).isEqualTo(1);
        connections.close();
        assertThat(active()).isZero();
    }

    @Test
    void outside_a_page_each_query_returns_its_connection() {
        backend();
        assertThat(active()).isZero();
    }

    @Test
    void a_transaction_inside_a_page_commits_on_the_page_connection_which_is_in_autocommit_again_after() throws Exception {
        connections.open();
        int page = backend();
        int inTransaction = dsl.transactionResult(tx -> {
            tx.dsl().insertInto(SITE_SETTINGS).set(SITE_SETTINGS.KEY, "k").set(SITE_SETTINGS.VALUE, "v").execute();
            return tx.dsl().select(DSL.function("pg_backend_pid", Integer.class)).fetchOne().value1();
        });
        assertThat(inTransaction).isEqualTo(page);
        // Committed: another connection sees it while the page still holds its own.
        try (var other = pool.getConnection()) {
            assertThat(DSL.using(other).fetchExists(SITE_SETTINGS, SITE_SETTINGS.KEY.eq("k"))).isTrue();
        }
        dsl.insertInto(SITE_SETTINGS).set(SITE_SETTINGS.KEY, "after").set(SITE_SETTINGS.VALUE, "v").execute();
        try (var other = pool.getConnection()) {
            assertThat(DSL.using(other).fetchExists(SITE_SETTINGS, SITE_SETTINGS.KEY.eq("after"))).as("autocommit again").isTrue();
        }
        connections.close();
    }

    @Test
    void a_page_left_open_gives_its_connection_back_when_the_thread_opens_the_next() {
        connections.open();
        backend();
        connections.open();
        assertThat(active()).isZero();
    }
}
