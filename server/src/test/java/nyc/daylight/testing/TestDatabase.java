package nyc.daylight.testing;

import javax.sql.DataSource;
import nyc.daylight.db.Database;
import org.jooq.DSLContext;
import org.postgresql.ds.PGSimpleDataSource;

/** A migrated database (a fresh copy of the run's template) that belongs to one test class. */
public final class TestDatabase {
    private final String name;
    private final String url;
    private final PGSimpleDataSource dataSource;

    TestDatabase(String name, String url, String user, String password) {
        this.name = name;
        this.url = url;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        if (user != null) dataSource.setUser(user);
        if (password != null) dataSource.setPassword(password);
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public String user() {
        return dataSource.getUser();
    }

    /** For a test that hands the database to another process; null when none is needed. */
    public String password() {
        return dataSource.getPassword();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return Database.dsl(dataSource);
    }
}
