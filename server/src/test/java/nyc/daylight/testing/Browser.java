package nyc.daylight.testing;

import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import com.microsoft.playwright.BrowserType;

/**
 * Debian's Chromium driven by Playwright. No browser is ever downloaded; when
 * {@code /usr/bin/chromium} is missing the calling test is skipped with a message saying how to
 * install it ({@code .ci/run} does, so CI always runs browser tests).
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("DAYLIGHT_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Browser launch() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Browser tests skipped: no Chromium at " + CHROMIUM + " (apt-get install -y chromium)");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Browser(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"))));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public com.microsoft.playwright.Page newPage() {
        return browser.newContext().newPage();
    }

    /** For injecting test tooling (axe-core) into pages whose Content-Security-Policy rightly forbids it. */
    public com.microsoft.playwright.Page newPageBypassingCsp() {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBypassCSP(true)).newPage();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
