package vn.cong.themes;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.BrowserTestSupport;
import vn.cong.testing.TestTenants;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every theme's home, section and article pages in headless Chromium: no serious or critical
 * axe-core violation at desktop width and at 360 px, no sideways scrolling on a phone, a skip link
 * that is the first thing the keyboard reaches, and the page landmarks.
 */
@MicronautTest(transactional = false)
class ThemeAccessibilityBrowserTest extends BrowserTestSupport {

    private static final List<String> PAGES = List.of("/", "/chuyen-muc/tin-tuc", "/bai-viet/tin-so-01", "/en");

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    Themes themes;



    @BeforeAll
    void setUp() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "gamma");
    }


    private void useTheme(String theme) throws Exception {
        try (var c = jdbc(); var s = c.prepareStatement(
                "UPDATE platform.tenants SET theme = ?, content_version = content_version + 1 WHERE code IN ('gamma', 'bo')")) {
            s.setString(1, theme);
            s.executeUpdate();
        }
        registry.publishChange().block();
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + server.getPort() + path;
    }

    @Test
    void everyThemesPagesPassAxeOnDesktopAndPhoneAndKeepTheirLandmarks() throws Exception {
        List<String> problems = new ArrayList<>();
        var driver = chromium.driver();
        for (Theme theme : themes.all()) {
            useTheme(theme.name());
            for (String host : List.of("gamma.most.localhost", "www.most.localhost")) {
                for (String path : PAGES) {
                    if (host.startsWith("www") && !path.equals("/")) {
                        continue; // the ministry's home adds the member-portal block; its other pages are the same templates
                    }
                    String where = theme.name() + " " + host + path;
                    chromium.viewport(1280, 900, false);
                    driver.get(url(host, path));
                    assertTrue(driver.getPageSource().contains("/static/" + theme.name() + "/"), where + " uses its theme's files");
                    chromium.seriousAccessibilityViolations().forEach(v -> problems.add(where + " desktop: " + v));
                    landmarks(where, problems);
                    chromium.viewport(360, 740, true);
                    driver.navigate().refresh();
                    chromium.seriousAccessibilityViolations().forEach(v -> problems.add(where + " 360px: " + v));
                    long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth;");
                    if (scrollWidth > 360) {
                        problems.add(where + " 360px: page is " + scrollWidth + " px wide, scrolls sideways");
                    }
                }
            }
            chromium.screenshot(Path.of("target", "theme-" + theme.name() + "-360.png"));
        }
        chromium.viewport(1280, 900, false);
        assertEquals(List.of(), problems);
    }

    @Test
    void axeHarnessReportsASeriousViolationWhenThereIsOne() {
        chromium.viewport(1280, 900, false);
        chromium.driver().get("data:text/html;charset=utf-8,<html lang=vi><title>x</title><main><img src='a.png'>"
                + "<p style='color:%23aaa;background:%23fff'>chữ mờ</p></main></html>");
        List<String> violations = chromium.seriousAccessibilityViolations();
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("image-alt")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("color-contrast")), violations.toString());
    }

    private void landmarks(String where, List<String> problems) {
        var driver = chromium.driver();
        for (String landmark : List.of("header", "nav", "main#noi-dung", "footer")) {
            if (driver.findElements(By.cssSelector(landmark)).isEmpty()) {
                problems.add(where + ": no " + landmark);
            }
        }
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement first = driver.switchTo().activeElement();
        if (!"#noi-dung".equals(first.getDomAttribute("href"))) {
            problems.add(where + ": the first Tab stop is not the skip link but " + first.getTagName() + " " + first.getText());
        }
        long noAlt = (Long) driver.executeScript("return document.querySelectorAll('img:not([alt])').length;");
        if (noAlt > 0) {
            problems.add(where + ": " + noAlt + " images without alt");
        }
        assertFalse(driver.getTitle().isBlank(), where + " has a title");
    }
}
