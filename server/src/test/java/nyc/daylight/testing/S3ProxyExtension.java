package nyc.daylight.testing;

import java.util.Locale;
import java.util.UUID;
import nyc.daylight.records.S3Settings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class its own bucket on the run's one S3Proxy ({@link S3ProxyServer}), started
 * the first time a class asks and stopped when the run ends. Inject {@link S3Settings} (the
 * bucket, as Daylight is configured with it) or {@link S3ProxyServer} (to look inside).
 */
public final class S3ProxyExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(S3ProxyExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String bucket = "daylight-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        context.getStore(NS).put(S3Settings.class, server(context).newBucket(bucket));
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == S3Settings.class || p.getParameter().getType() == S3ProxyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        if (p.getParameter().getType() == S3ProxyServer.class) return server(e);
        ExtensionContext c = e;
        while (c != null) {
            S3Settings bucket = c.getStore(NS).get(S3Settings.class, S3Settings.class);
            if (bucket != null) return bucket;
            c = c.getParent().orElse(null);
        }
        throw new IllegalStateException("No bucket: is the class annotated with @ExtendWith(S3ProxyExtension.class)?");
    }

    // One server per test run, closed by JUnit when the root context closes.
    private static S3ProxyServer server(ExtensionContext context) {
        return context.getRoot().getStore(NS).computeIfAbsent(S3ProxyServer.class, k -> {
            try {
                return S3ProxyServer.start();
            } catch (Exception e) {
                throw new IllegalStateException("No S3Proxy for tests: " + e.getMessage(), e);
            }
        }, S3ProxyServer.class);
    }
}
