package vn.cong.admin.themes;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.content.sections.Sections;
import vn.cong.testing.Browser;
import vn.cong.testing.BrowserTestSupport;
import vn.cong.testing.TwoPortals;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The menu of a theme version edited as a tenant admin would in a real browser: a row moved by its «Lên» button
 * from the keyboard (the focus stays on the row, the new place is announced), a registry added from the picker, a
 * row dragged by its handle, an outside link added and typed; saved, the draft shows that order; after the head
 * approves, alpha's public menu has it and beta's does not change. axe passes at desktop width and at 360 px.
 */
@MicronautTest(transactional = false)
class MenuEditorBrowserTest extends BrowserTestSupport {

    private static final String ALPHA = TwoPortals.ALPHA_HOST;

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Sections sections;
    @Inject
    AccountAdministration accounts;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        sections.add(portals.alpha(), 1, new Sections.Fields("thong-bao", "Thông báo", "Notices", "", null)).block();
        sections.add(portals.alpha(), 1, new Sections.Fields("hop-tac-quoc-te", "Hợp tác quốc tế", "International cooperation", "", null)).block();
        long notices = sections.tree(portals.alpha()).block().stream().filter(s -> s.slug().equals("thong-bao")).findFirst().orElseThrow().id();
        sections.add(portals.alpha(), 1, new Sections.Fields("thong-bao-chung", "Thông báo chung", "", "", notices)).block();
        sections.add(portals.alpha(), 1, new Sections.Fields("tuyen-dung", "Tuyển dụng", "", "", notices)).block();
        accounts.create(portals.alpha(), 1, new AccountDetails("lanhdao", "lanhdao@alpha.vn", "Lãnh Đạo Alpha", "Ban biên tập", "Trưởng ban", ""),
                Set.of(Role.HEAD), "LanhDao2026!x").block();
    }

    private String url(String path) {
        return "http://" + ALPHA + ":" + server.getPort() + path;
    }

    @Test
    void adminOrdersTheMenuByKeyboardAndByDraggingSavesAndTheApprovedMenuHasThatOrder() {
        long id = ThemeForms.openDraft(portals.loggedIn(ALPHA, "quantri", "MatKhauAlpha2026!"));
        String betaMenuBefore = publicMenu(TwoPortals.BETA_HOST).toString();
        List<String> alphaMenuBefore = publicMenu(ALPHA);
        ChromeDriver driver = chromium.driver();
        logIn(driver, "quantri", "MatKhauAlpha2026!");
        driver.get(url("/quan-tri/giao-dien/" + id));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trinh-don.ordering-on")));
        assertEquals(List.of("Tin hoạt động", "Thông báo", "Hợp tác quốc tế"), shownRows(driver));
        assertFalse(driver.findElement(By.id("menu-r-document-position")).isDisplayed(), "the number fields give way to the list");

        // keyboard: «Lên» twice on the last section; the focus stays on its row and each new place is announced
        WebElement up = driver.findElement(By.cssSelector("button[aria-label='Chuyển «Hợp tác quốc tế» lên trên']"));
        up.sendKeys(Keys.ENTER);
        assertEquals(up, driver.switchTo().activeElement(), "the focus stays on the moved row's button");
        assertEquals("«Hợp tác quốc tế»: vị trí 2 trên 3.", liveText(driver));
        up.sendKeys(Keys.ENTER);
        assertEquals("«Hợp tác quốc tế»: vị trí 1 trên 3.", liveText(driver));
        assertEquals("Chuyển «Hợp tác quốc tế» xuống dưới", driver.switchTo().activeElement().getDomAttribute("aria-label"),
                "at the top «Lên» is disabled and the focus moves to «Xuống» of the same row");
        assertEquals(List.of("Hợp tác quốc tế", "Tin hoạt động", "Thông báo"), shownRows(driver));

        // a registry from the picker goes to the end of the shown rows
        new Select(driver.findElement(By.id("trinh-don-them"))).selectByVisibleText("Danh mục: Văn bản (/van-ban)");
        driver.findElement(By.xpath("//div[@class='ordering-add']/button[normalize-space()='Thêm']")).click();
        assertEquals("«Danh mục: Văn bản (/van-ban)»: vị trí 4 trên 4.", liveText(driver));

        // dragging its handle above the first row
        WebElement documents = row(driver, "Danh mục: Văn bản (/van-ban)");
        WebElement first = row(driver, "Hợp tác quốc tế");
        int toTop = first.getRect().getY() + 3 - (documents.getRect().getY() + documents.getRect().getHeight() / 2);
        new Actions(driver).clickAndHold(documents.findElement(By.cssSelector(".drag-handle")))
                .moveByOffset(0, toTop / 2).moveByOffset(0, toTop - toTop / 2).release().perform();
        wait.until(d -> shownRows((ChromeDriver) d).get(0).equals("Danh mục: Văn bản (/van-ban)"));
        assertEquals(List.of("Danh mục: Văn bản (/van-ban)", "Hợp tác quốc tế", "Tin hoạt động", "Thông báo"), shownRows(driver));
        assertEquals("«Danh mục: Văn bản (/van-ban)»: vị trí 1 trên 4.", liveText(driver));

        // an outside link: the new row's name field takes the focus
        new Select(driver.findElement(By.id("trinh-don-them"))).selectByValue("link");
        driver.findElement(By.xpath("//div[@class='ordering-add']/button[normalize-space()='Thêm']")).click();
        WebElement name = driver.switchTo().activeElement();
        assertTrue(name.getDomAttribute("id").matches("menu-x-[0-9]+-labelVi"), name.getDomAttribute("id"));
        name.sendKeys("Cổng Chính phủ");
        String n = name.getDomAttribute("id").replaceAll("\\D+", "");
        driver.findElement(By.id("menu-x-" + n + "-labelEn")).sendKeys("Government portal");
        driver.findElement(By.id("menu-x-" + n + "-url")).sendKeys("https://chinhphu.vn");

        assertEquals(List.of(), chromium.seriousAccessibilityViolations(), "the menu editor passes axe at desktop width");
        chromium.viewport(360, 800, true);
        assertEquals(List.of(), chromium.seriousAccessibilityViolations(), "and at 360 px");
        Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
        assertTrue(width.intValue() <= 360, "nothing overflows a phone's width: " + width);
        chromium.viewport(1280, 900, false);

        clickAndWait(driver, By.xpath("//button[normalize-space()='Lưu bản nháp']"));
        assertTrue(driver.findElement(By.cssSelector(".alert-success")).getText().startsWith("Đã lưu bản nháp"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trinh-don.ordering-on")));
        assertEquals(List.of("Danh mục: Văn bản (/van-ban)", "Hợp tác quốc tế", "Tin hoạt động", "Thông báo", "Cổng Chính phủ"),
                shownRows(driver), "the saved draft keeps the order");
        clickAndWait(driver, By.xpath("//button[normalize-space()='Gửi duyệt']"));
        clickAndWait(driver, By.xpath("//button[normalize-space()='Đăng xuất']"));

        assertEquals(alphaMenuBefore, publicMenu(ALPHA), "nothing is live before the head approves");
        logIn(driver, "lanhdao", "LanhDao2026!x");
        driver.get(url("/quan-tri/giao-dien/" + id));
        clickAndWait(driver, By.xpath("//button[normalize-space()='Duyệt và áp dụng']"));
        assertTrue(driver.findElement(By.cssSelector(".alert-success")).getText().startsWith("Đã duyệt"));

        assertEquals(List.of("/", "/van-ban", "/chuyen-muc/hop-tac-quoc-te", "/chuyen-muc/tin-hoat-dong", "/chuyen-muc/thong-bao", "https://chinhphu.vn"),
                publicMenu(ALPHA), "alpha's public menu in the approved order");
        assertEquals(betaMenuBefore, publicMenu(TwoPortals.BETA_HOST).toString(), "beta's menu does not change");
    }

    @Test
    void aSubsectionDraggedAboveItsSiblingIsSavedAtOnceAndTheListSaysWhereItIs() {
        ChromeDriver driver = chromium.driver();
        logIn(driver, "quantri", "MatKhauAlpha2026!");
        driver.get(url("/quan-tri/chuyen-muc"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cac-chuyen-muc.ordering-on")));
        assertEquals(List.of(), chromium.seriousAccessibilityViolations(), "the section list with its drag handles passes axe");
        WebElement jobs = driver.findElement(By.cssSelector("tr[data-ordering-name='Tuyển dụng']"));
        WebElement general = driver.findElement(By.cssSelector("tr[data-ordering-name='Thông báo chung']"));
        int up = general.getRect().getY() + 3 - (jobs.getRect().getY() + jobs.getRect().getHeight() / 2);
        new Actions(driver).clickAndHold(jobs.findElement(By.cssSelector(".drag-handle"))).moveByOffset(0, up / 2)
                .moveByOffset(0, up - up / 2).release().perform();
        wait.until(ExpectedConditions.stalenessOf(jobs));
        wait.until(d -> !d.findElements(By.cssSelector(".alert-success")).isEmpty());
        assertEquals("Đã chuyển «Tuyển dụng» đến vị trí 1 trên 2 trong «Thông báo».",
                driver.findElement(By.cssSelector(".alert-success")).getText());
        List<String> order = driver.findElements(By.cssSelector("#cac-chuyen-muc tr")).stream()
                .map(tr -> tr.getDomAttribute("data-ordering-name")).filter(n -> n.equals("Tuyển dụng") || n.equals("Thông báo chung")).toList();
        assertEquals(List.of("Tuyển dụng", "Thông báo chung"), order, "saved at once, in the new order");
        assertEquals("Chuyển Tuyển dụng xuống dưới", driver.switchTo().activeElement().getDomAttribute("aria-label"),
                "the focus is on the moved row");
    }

    private List<String> publicMenu(String host) {
        return Jsoup.parse(new Browser(server.getPort(), host).get("/").body()).select("nav.main-nav > ul > li > a").eachAttr("href");
    }

    private static List<String> shownRows(ChromeDriver driver) {
        return driver.findElements(By.cssSelector("#trinh-don > li")).stream()
                .filter(li -> li.findElement(By.cssSelector("input[type=checkbox]")).isSelected())
                .map(li -> li.getDomAttribute("data-ordering-name")).toList();
    }

    private static WebElement row(ChromeDriver driver, String name) {
        return driver.findElement(By.cssSelector("#trinh-don > li[data-ordering-name='" + name + "']"));
    }

    private static String liveText(ChromeDriver driver) {
        return driver.findElement(By.id("trinh-don-vi-tri")).getDomProperty("textContent");
    }

    /** Logs in afresh (the cookies of an earlier test's session are dropped first). */
    private void logIn(ChromeDriver driver, String user, String password) {
        driver.get(url("/quan-tri/dang-nhap"));
        driver.manage().deleteAllCookies();
        driver.get(url("/quan-tri/dang-nhap"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndWait(driver, By.xpath("//button[normalize-space()='Đăng nhập']"));
        assertTrue(driver.getCurrentUrl().endsWith("/quan-tri"), driver.getCurrentUrl());
    }

    /** Clicks something that loads another page and waits until that page has loaded. */
    private static void clickAndWait(ChromeDriver driver, By what) {
        WebElement element = driver.findElement(what);
        driver.executeScript("arguments[0].click();", element);
        var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.stalenessOf(element));
        wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }
}
