package vn.cong.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

/**
 * A platform test class with one headless Chromium for all its tests (skipped loudly when Chromium
 * is not installed, failed under CI). Public pages are served with {@code max-age=0}, so the browser revalidates and
 * always shows the server's current page.
 */
public abstract class BrowserTestSupport extends PlatformTestSupport {

    protected Chromium chromium;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.site.browser-max-age", "0",
                "cong.media.root", "target/test-media/" + databaseName);
    }

    @BeforeAll
    void startBrowser() {
        if (Chromium.missing() == null) {
            chromium = Chromium.start();
        } else {
            System.err.println("WARNING: " + Chromium.missing());
        }
    }

    /** Each test is reported as skipped, with the reason, when there is no browser; under CI it fails instead. */
    @BeforeEach
    void needBrowser() {
        Chromium.require();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
