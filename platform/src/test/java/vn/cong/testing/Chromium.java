package vn.cong.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for browser tests: Debian's {@code /usr/bin/chromium} driven by its
 * {@code /usr/bin/chromedriver}, both named explicitly so Selenium Manager never looks anything up
 * or downloads anything. A test class starts one and reuses it. When either binary is missing the
 * test is skipped with a message saying how to install them.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BROWSER = Path.of(System.getProperty("cong.test.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("cong.test.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why browser tests cannot run here, or null when Chromium and its driver are installed. */
    public static String missing() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER) ? null
                : "Browser test skipped: " + BROWSER + " or " + DRIVER + " is missing (apt-get install -y chromium chromium-driver)";
    }

    /**
     * Returns when Chromium and its driver are installed. Otherwise the calling test is skipped, loudly, on a
     * developer's machine, and fails under CI ({@code CI=true}), where {@code .ci/run} installs them: a browser
     * test that silently skips in CI proves nothing.
     */
    public static void require() {
        String missing = missing();
        if (missing == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(missing + " — CI=true: browser tests must run here (.ci/run installs chromium and chromium-driver)");
        }
        System.err.println("WARNING: " + missing);
        Assumptions.assumeTrue(false, missing);
    }

    /** Starts a browser; see {@link #require()} for what happens when Chromium is not installed. */
    public static Chromium start() {
        require();
        try {
            Path profile = Files.createTempDirectory("cong-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-extensions", "--window-size=1280,900", "--lang=vi", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Makes the viewport {@code width} CSS pixels wide (a phone at 360), or back to the desktop size. */
    public void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page (up to 4000 px high) at {@code width}, then the viewport back at {@code width} by {@code height}. */
    public void fullPageScreenshot(Path file, int width, int height, boolean mobile) {
        long tall = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        viewport(width, (int) Math.min(4000, Math.max(height, tall)), mobile);
        screenshot(file);
        viewport(width, height, mobile);
    }

    /**
     * Runs axe-core (bundled in the Deque test jar, never fetched from the web) on the open page and
     * returns its serious and critical violations, one line each: rule, impact, first few targets.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        ((JavascriptExecutor) driver).executeScript(AXE);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                        targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}))))
                   .catch(e => done([{id: 'axe-error', impact: 'critical', targets: String(e)}]));""");
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                serious.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("targets"));
            }
        }
        return serious;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("Could not remove browser profile " + profile + ": " + e.getMessage());
            }
        }
    }

    private static final String AXE = readAxe();

    private static String readAxe() {
        try (InputStream in = Chromium.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
