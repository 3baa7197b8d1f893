package vn.cong.admin.content;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.testing.BrowserTestSupport;
import vn.cong.testing.TwoPortals;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** In a browser, with the keyboard only: select all rows of a filtered list, leave one out, delete the drafts checked. */
@MicronautTest(transactional = false)
class BulkSelectionBrowserTest extends BrowserTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    Publishing publishing;

    private TwoPortals portals;

    @BeforeAll
    void seed() {
        portals = TwoPortals.onboard(context);
        for (int n = 1; n <= 3; n++) {
            publishing.saveDraft(portals.alpha(), Draft.article(null, "vi", "chon-hang-loat-" + n, "Chọn hàng loạt " + n, "Tóm tắt.",
                    "<p>Nội dung.</p>", portals.editorId(portals.alpha()))).block();
        }
    }

    @Test
    void selectAllWorksFromTheKeyboardAndTheResultListsEachItem() {
        ChromeDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(url("/quan-tri/dang-nhap"));
        driver.findElement(By.id("username")).sendKeys(TwoPortals.EDITOR);
        driver.findElement(By.id("password")).sendKeys(TwoPortals.ALPHA_EDITOR_PASSWORD, Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().endsWith("/quan-tri"));
        driver.get(url("/quan-tri/noi-dung?q=chon+hang+loat&sapxep=tieude"));
        WebElement all = wait.until(d -> {
            WebElement box = d.findElement(By.id("chon-tat-ca"));
            return box.isDisplayed() ? box : null;
        });
        all.sendKeys(Keys.SPACE);
        List<WebElement> rows = driver.findElements(By.cssSelector("input[data-row-select]"));
        assertEquals(3, rows.size());
        wait.until(d -> rows.stream().allMatch(WebElement::isSelected));
        rows.get(2).sendKeys(Keys.SPACE);
        wait.until(d -> !rows.get(2).isSelected());
        assertEquals(Boolean.TRUE, driver.executeScript("return document.getElementById('chon-tat-ca').indeterminate;"),
                "select-all shows that only some rows are checked");
        driver.findElement(By.cssSelector("button[value=xoa-nhap]")).sendKeys(Keys.ENTER);
        wait.until(d -> d.getTitle().startsWith("Kết quả: Xoá bản nháp"));
        assertEquals(List.of("Chọn hàng loạt 1", "Chọn hàng loạt 2"),
                driver.findElements(By.cssSelector("table.bulk-outcomes tbody th")).stream().map(WebElement::getText).toList());
        driver.findElement(By.linkText("Về danh sách")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/quan-tri/noi-dung?q=chon+hang+loat&sapxep=tieude&chieu=tang"));
        assertEquals(List.of("Chọn hàng loạt 3"), driver.findElements(By.cssSelector("table.content-list tbody th")).stream()
                .map(WebElement::getText).toList(), "the list comes back as it was filtered, without the deleted drafts");
    }

    private String url(String path) {
        return "http://" + TwoPortals.ALPHA_HOST + ":" + server.getPort() + path;
    }
}
