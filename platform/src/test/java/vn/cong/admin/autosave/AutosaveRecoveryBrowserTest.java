package vn.cong.admin.autosave;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.testing.BrowserTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An editor loses what the browser kept (another computer, a cleared browser) after the form sent it to the
 * server: reopening the item offers the server's autosave back, restoring fills the editor, and Save stores it.
 */
@MicronautTest(transactional = false)
class AutosaveRecoveryBrowserTest extends BrowserTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    Publishing publishing;

    private TwoPortals portals;
    private long itemId;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        long section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
        itemId = publishing.saveDraft(portals.alpha(), Draft.article(section, "vi", "hoi-nghi-tong-ket", "Hội nghị tổng kết năm",
                "Tóm tắt.", "<p>Mở đầu.</p>", portals.editorId(portals.alpha()))).block().id();
    }

    @Test
    void whatTheFormSentToTheServerIsOfferedBackAfterTheBrowsersOwnCopyIsGone() {
        ChromeDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        logIn(driver);
        String edit = url("/quan-tri/bai-viet/" + itemId);
        driver.get(edit);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tox-tinymce iframe")));
        driver.switchTo().frame(driver.findElement(By.cssSelector(".tox-tinymce iframe")));
        WebElement body = driver.findElement(By.id("tinymce"));
        body.click();
        body.sendKeys(Keys.END, " Phần viết thêm trước khi mất kết nối.");
        driver.switchTo().defaultContent();

        // the minute's autosave, now rather than in a minute
        driver.executeScript("window.congAutosave.now();");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-autosave-status]"), "Đã tự lưu lên máy chủ lúc"));

        // reopened in a new tab, with what this browser kept for itself cleared
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(url("/quan-tri"));
        driver.executeScript("window.localStorage.clear();");
        driver.get(edit);
        WebElement restore = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-autosave-restore]")));
        assertTrue(restore.getText().startsWith("Khôi phục bản tự lưu lúc "), restore.getText());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tox-tinymce iframe")));
        assertEquals(java.util.List.of(), chromium.seriousAccessibilityViolations(), "the form with the offer passes axe");
        assertTrue(!String.valueOf(driver.executeScript("return tinymce.get('body').getContent({format: 'text'});")).contains("mất kết nối"),
                "the editor shows the saved text until the editor chooses");

        restore.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-autosave-restored]")));
        String restored = String.valueOf(driver.executeScript("return tinymce.get('body').getContent({format: 'text'});"));
        assertTrue(restored.contains("Phần viết thêm trước khi mất kết nối."), restored);

        WebElement save = driver.findElement(By.xpath("//form[@data-autosave]//button[@type='submit']"));
        driver.executeScript("arguments[0].click();", save);
        wait.until(d -> d.getCurrentUrl().contains("thongbao=luu"));
        assertTrue(SqlProbe.string(this::jdbc, "SELECT body_html FROM t_alpha.content_items WHERE id = " + itemId)
                .contains("Phần viết thêm trước khi mất kết nối."));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.item_autosaves WHERE item_id = " + itemId),
                "the save made the autosave pointless");
    }

    private void logIn(ChromeDriver driver) {
        driver.get(url("/quan-tri/dang-nhap"));
        driver.findElement(By.id("username")).sendKeys(TwoPortals.EDITOR);
        driver.findElement(By.id("password")).sendKeys(TwoPortals.ALPHA_EDITOR_PASSWORD, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/quan-tri"));
    }

    private String url(String path) {
        return "http://" + TwoPortals.ALPHA_HOST + ":" + server.getPort() + path;
    }
}
