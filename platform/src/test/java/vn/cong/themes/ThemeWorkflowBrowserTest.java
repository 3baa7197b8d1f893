package vn.cong.themes;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.BrowserTestSupport;
import vn.cong.testing.TestTenants;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole change of a portal's look in a real browser: alpha's tenant admin logs in, changes the
 * colours and uploads a logo, opens the preview and submits; alpha's head approves; alpha's public
 * page shows the new look and beta's does not change. Screenshots before and after go to target/.
 */
@MicronautTest(transactional = false)
class ThemeWorkflowBrowserTest extends BrowserTestSupport {

    private static final String ALPHA = "alpha.most.localhost";
    private static final String BETA = "beta.most.localhost";
    private static final String NEW_PRIMARY = "#0b4f8a";
    private static final String NEW_PRIMARY_RGB = "rgba(11, 79, 138, 1)";

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    AccountAdministration accounts;



    @BeforeAll
    void setUp() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        accounts.create(registry.findByCode("alpha").orElseThrow(), 1,
                new AccountDetails("lanhdao", "lanhdao@alpha.vn", "Lãnh Đạo Alpha", "Ban biên tập", "Trưởng ban", ""),
                Set.of(Role.HEAD), "LanhDao2026!x").block();
    }


    private String url(String host, String path) {
        return "http://" + host + ":" + server.getPort() + path;
    }

    @Test
    void adminChangesColoursAndLogoPreviewsSubmitsHeadApprovesAndOnlyAlphasPublicPageChanges() throws Exception {
        ChromeDriver driver = chromium.driver();
        String betaBefore = new Browser(server.getPort(), BETA).get("/").body();
        driver.get(url(ALPHA, "/"));
        String alphaBandBefore = bandColour(driver);
        assertNotEquals(NEW_PRIMARY_RGB, alphaBandBefore);
        chromium.screenshot(Path.of("target", "theme-workflow-before.png"));

        logIn(driver, "quantri", "MatKhauAlpha2026!");
        driver.get(url(ALPHA, "/quan-tri/giao-dien"));
        clickAndWait(driver, By.xpath("//button[normalize-space()='Tạo phiên bản mới']"));
        String versionUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");

        type(driver, "v-primaryColor", "#dddddd");
        clickAndWait(driver, By.xpath("//button[normalize-space()='Lưu bản nháp']"));
        String refusal = driver.findElement(By.id("v-primaryColor-loi")).getText();
        assertTrue(refusal.matches("Độ tương phản [0-9],[0-9]:1 thấp hơn 4,5:1.*"), "a pale header colour is refused with its ratio: " + refusal);
        assertEquals("#dddddd", driver.findElement(By.id("v-primaryColor")).getDomProperty("value"), "what was typed stays");
        type(driver, "v-primaryColor", NEW_PRIMARY);
        type(driver, "v-headerText", "Cổng thông tin của Cục Alpha");
        clickAndWait(driver, By.xpath("//button[normalize-space()='Lưu bản nháp']"));
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("Đã lưu bản nháp"), driver.findElement(By.tagName("main")).getText());
        driver.findElement(By.id("v-primaryColor")).sendKeys(Keys.TAB);
        assertEquals("v-primaryColor-picker", driver.switchTo().activeElement().getDomAttribute("id"), "the colour picker is the next Tab stop");
        assertEquals(NEW_PRIMARY.toLowerCase(Locale.ROOT), driver.findElement(By.id("v-primaryColor-picker")).getDomProperty("value"),
                "the picker shows the saved colour");
        assertEquals(List.of(), chromium.seriousAccessibilityViolations(), "the version form passes axe");

        new Select(driver.findElement(By.id("target"))).selectByValue("logo");
        driver.findElement(By.id("file")).sendKeys(logo().toAbsolutePath().toString());
        clickAndWait(driver, By.xpath("//button[normalize-space()='Tải lên']"));
        assertTrue(driver.findElement(By.cssSelector(".alert-success")).getText().startsWith("Đã tải ảnh lên"));

        chromium.screenshot(Path.of("target", "theme-workflow-admin.png"));
        clickAndWait(driver, By.id("xem-truoc"));
        assertEquals(NEW_PRIMARY_RGB, bandColour(driver), "the preview shows the draft");
        assertLogoShown(driver);
        chromium.screenshot(Path.of("target", "theme-workflow-preview.png"));
        driver.get(url(ALPHA, "/"));
        assertEquals(alphaBandBefore, bandColour(driver), "nothing changes for readers before approval");

        driver.get(versionUrl);
        clickAndWait(driver, By.xpath("//button[normalize-space()='Gửi duyệt']"));
        assertTrue(driver.findElement(By.cssSelector(".alert-success")).getText().startsWith("Đã gửi lãnh đạo duyệt"));
        clickAndWait(driver, By.xpath("//button[normalize-space()='Đăng xuất']"));

        logIn(driver, "lanhdao", "LanhDao2026!x");
        driver.get(versionUrl);
        driver.findElement(By.id("note-approve")).sendKeys("Đồng ý áp dụng.");
        clickAndWait(driver, By.xpath("//button[normalize-space()='Duyệt và áp dụng']"));
        assertTrue(driver.findElement(By.cssSelector(".alert-success")).getText().startsWith("Đã duyệt"));

        driver.get(url(ALPHA, "/"));
        assertEquals(NEW_PRIMARY_RGB, bandColour(driver), "alpha's public page shows the approved look");
        assertLogoShown(driver);
        assertTrue(driver.findElement(By.cssSelector(".brand-kicker")).getText().equalsIgnoreCase("Cổng thông tin của Cục Alpha"));
        chromium.screenshot(Path.of("target", "theme-workflow-after.png"));

        driver.get(url(BETA, "/"));
        assertEquals(alphaBandBefore, bandColour(driver), "beta keeps its look");
        assertTrue(driver.findElements(By.cssSelector("img.brand-logo")).isEmpty());
        assertEquals(betaBefore, new Browser(server.getPort(), BETA).get("/").body(), "beta's page is byte for byte the same");
    }

    private void logIn(ChromeDriver driver, String user, String password) {
        driver.get(url(ALPHA, "/quan-tri/dang-nhap"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndWait(driver, By.xpath("//button[normalize-space()='Đăng nhập']"));
        assertTrue(driver.getCurrentUrl().endsWith("/quan-tri"), driver.getCurrentUrl());
    }

    /** Clicks something that loads another page and waits until that page has loaded. */
    private static void clickAndWait(ChromeDriver driver, By what) {
        WebElement element = driver.findElement(what);
        // a script click returns at once; a native click that starts a navigation sometimes fails in the driver
        driver.executeScript("arguments[0].click();", element);
        var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.stalenessOf(element));
        wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    private static void type(ChromeDriver driver, String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static String bandColour(ChromeDriver driver) {
        return driver.findElement(By.cssSelector(".brand-band")).getCssValue("background-color");
    }

    private static void assertLogoShown(ChromeDriver driver) {
        WebElement logo = driver.findElement(By.cssSelector("img.brand-logo"));
        assertTrue(logo.getDomAttribute("src").startsWith("/media/"), logo.getDomAttribute("src"));
        Object width = driver.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : -1;", logo);
        assertTrue(((Number) width).intValue() > 0, "the logo loads");
    }

    /** A wide transparent logo, larger than its box so it gets resized. */
    private static Path logo() throws Exception {
        BufferedImage image = new BufferedImage(1600, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(255, 214, 10));
        g.fillOval(0, 0, 400, 400);
        g.setColor(Color.WHITE);
        g.fillRect(450, 120, 1100, 160);
        g.dispose();
        Path file = Path.of("target", "theme-test-logo.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
