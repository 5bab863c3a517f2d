package nyc.daylight.testing;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class its own migrated database on the run's one PostgreSQL server
 * (see {@link PostgresServer}): a copy of a template migrated once ({@link TemplateDatabase}),
 * which takes a fraction of running the migrations. The database is dropped when the class is done. Inject
 * {@link TestDatabase} into a constructor, a lifecycle method or a test.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        PostgresServer server = server(context);
        String name = "daylight_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        String url = server.copyDatabase(name, template(context, server));
        TestDatabase db = new TestDatabase(name, url, server.user(), server.password());
        context.getStore(NS).put(TestDatabase.class, db);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        TestDatabase db = context.getStore(NS).remove(TestDatabase.class, TestDatabase.class);
        if (db != null) server(context).dropDatabase(db.name());
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return database(e);
    }

    static TestDatabase database(ExtensionContext e) {
        ExtensionContext c = e;
        while (c != null) {
            TestDatabase db = c.getStore(NS).get(TestDatabase.class, TestDatabase.class);
            if (db != null) return db;
            c = c.getParent().orElse(null);
        }
        throw new IllegalStateException("No TestDatabase: is the class annotated with @ExtendWith(PostgresExtension.class)?");
    }

    // One template per test run, looked up (or built) the first time a class needs a database.
    private static String template(ExtensionContext context, PostgresServer server) {
        return context.getRoot().getStore(NS).computeIfAbsent("template", k -> {
            try {
                return TemplateDatabase.ensure(server);
            } catch (Exception e) {
                throw new IllegalStateException("No template database for tests: " + e.getMessage(), e);
            }
        }, String.class);
    }

    // One server per test run, closed by JUnit when the root context closes.
    private static PostgresServer server(ExtensionContext context) {
        return context.getRoot().getStore(NS).computeIfAbsent(PostgresServer.class, k -> {
            try {
                return PostgresServer.start();
            } catch (Exception e) {
                throw new IllegalStateException("No PostgreSQL for tests: " + e.getMessage(), e);
            }
        }, PostgresServer.class);
    }
}
