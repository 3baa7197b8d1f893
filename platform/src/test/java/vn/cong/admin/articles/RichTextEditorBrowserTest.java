package vn.cong.admin.articles;

import io.micronaut.context.ApplicationContext;
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
import vn.cong.testing.Browser;
import vn.cong.testing.BrowserTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An editor writes an article in the WYSIWYG editor as in a word processor: Vietnamese text, bold from the toolbar,
 * saved and stored as sanitised NFC HTML; the editor is the application's own copy (no CDN), passes axe, and the
 * staff pages keep a CSP without inline scripts.
 */
@MicronautTest(transactional = false)
class RichTextEditorBrowserTest extends BrowserTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
    }

    @Test
    void anEditorFormatsAnArticleInTheEditorAndTheServerStoresCleanComposedHtml() {
        ChromeDriver driver = chromium.driver();
        logIn(driver);
        driver.get(url("/quan-tri/bai-viet/moi"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tox-tinymce iframe")));
        assertFalse(driver.findElements(By.cssSelector(".tox-toolbar__group button[aria-label='In đậm']")).isEmpty(),
                "a keyboard-reachable toolbar in Vietnamese");

        driver.findElement(By.id("title")).sendKeys("Hội thảo khoa học về đổi mới sáng tạo");
        new Select(driver.findElement(By.id("sectionId"))).selectByIndex(1);
        driver.switchTo().frame(driver.findElement(By.cssSelector(".tox-tinymce iframe")));
        WebElement body = driver.findElement(By.id("tinymce"));
        body.click();
        body.sendKeys("Nội dung ");
        driver.switchTo().defaultContent();
        driver.findElement(By.cssSelector("button[aria-label='In đậm']")).click();
        driver.switchTo().frame(driver.findElement(By.cssSelector(".tox-tinymce iframe")));
        // decomposed Vietnamese, as some input-method set-ups deliver it: stored composed
        driver.findElement(By.id("tinymce")).sendKeys("khoa ho\u0323c");
        driver.switchTo().defaultContent();
        chromium.screenshot(Path.of("target", "screenshots", "rich-text-editor.png"));
        assertEquals(java.util.List.of(), chromium.seriousAccessibilityViolations(), "the form with its editor passes axe");

        WebElement save = driver.findElement(By.xpath("//form[contains(@action,'/quan-tri/bai-viet')]//button[@type='submit']"));
        driver.executeScript("arguments[0].click();", save);
        wait.until(d -> d.getCurrentUrl().contains("thongbao=tao"));

        String stored = SqlProbe.string(this::jdbc, "SELECT body_html FROM t_alpha.content_items WHERE title = 'Hội thảo khoa học về đổi mới sáng tạo'");
        assertTrue(stored.contains("<strong>khoa học</strong>"), stored);
        assertTrue(stored.startsWith("<p>Nội dung"), stored);
    }

    @Test
    void theEditorIsServedByTheApplicationAndStaffPagesAllowNoInlineScript() {
        Browser editor = portals.editor(portals.alpha());
        HttpResponse<String> tinymce = editor.get("/quan-tri/tai-nguyen/tinymce/tinymce.min.js");
        assertEquals(200, tinymce.statusCode());
        assertTrue(tinymce.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(200, editor.get("/quan-tri/tai-nguyen/tinymce/plugins/table/plugin.min.js").statusCode());
        assertEquals(200, editor.get("/quan-tri/tai-nguyen/tinymce-vi.js").statusCode());
        assertEquals(404, editor.get("/quan-tri/tai-nguyen/tinymce/../../../../application.yml").statusCode());
        assertEquals(404, editor.get("/quan-tri/tai-nguyen/tinymce/%2e%2e/license.txt").statusCode());

        HttpResponse<String> form = editor.get("/quan-tri/bai-viet/moi");
        String policy = form.headers().firstValue("Content-Security-Policy").orElseThrow();
        String scripts = policy.replaceAll(".*script-src ([^;]*);.*", "$1");
        assertEquals("'self'", scripts, policy);
        assertTrue(form.body().contains("data-rich-text"), "the body field is a rich-text field");
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
