package vn.cong.site.questions;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.cong.testing.BrowserTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A citizen asks a question on a 360 px phone in headless Chromium; every page on the way passes axe-core. */
@MicronautTest(transactional = false)
class QuestionFormBrowserTest extends BrowserTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;

    @BeforeAll
    void portals() {
        TwoPortals.onboard(context);
    }

    @Test
    void aQuestionIsAskedOnAPhoneAndEveryPagePassesAxe() {
        WebDriver driver = chromium.driver();
        chromium.viewport(360, 740, true);
        String base = "http://" + TwoPortals.ALPHA_HOST + ":" + server.getPort();
        List<String> problems = new ArrayList<>();

        driver.get(base + "/hoi-dap/gui");
        chromium.seriousAccessibilityViolations().forEach(v -> problems.add("empty form: " + v));
        driver.findElement(By.id("name")).sendKeys("Phạm Thị Điện Thoại");
        driver.findElement(By.id("email")).sendKeys("dienthoai@example.vn");
        driver.findElement(By.id("phone")).sendKeys("0901 234 567");
        new Select(driver.findElement(By.id("topic"))).selectByValue("chuyen-mon");
        driver.findElement(By.id("title")).sendKeys("Hỏi từ điện thoại");
        driver.findElement(By.id("body")).sendKeys("Xin hỏi lịch tiếp công dân tháng này?");
        driver.findElement(By.cssSelector("form.public-form button[type=submit]")).click();
        // no consent yet: the form comes back with the error and what was typed (waiting, with a deadline, for the page to load)
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loi-consent")));
        assertTrue(driver.findElement(By.id("loi-consent")).isDisplayed());
        assertEquals("Hỏi từ điện thoại", driver.findElement(By.id("title")).getAttribute("value"));
        chromium.seriousAccessibilityViolations().forEach(v -> problems.add("form with errors: " + v));

        driver.findElement(By.id("consent")).click();
        driver.findElement(By.cssSelector("form.public-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tracking-code")));
        List<org.openqa.selenium.WebElement> codes = driver.findElements(By.cssSelector(".tracking-code"));
        assertEquals(1, codes.size(), () -> "the sent page, not: " + driver.getCurrentUrl() + " "
                + driver.findElement(By.tagName("main")).getText());
        String code = codes.get(0).getText();
        assertTrue(code.matches("HD-[A-Z2-9]{10}"), code);
        chromium.seriousAccessibilityViolations().forEach(v -> problems.add("sent page: " + v));
        long width = (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
        assertTrue(width <= 360, "no sideways scrolling at 360 px: " + width);

        driver.get(base + "/hoi-dap/tra-cuu?ma=" + code);
        chromium.seriousAccessibilityViolations().forEach(v -> problems.add("status page: " + v));
        driver.get(base + "/hoi-dap");
        chromium.seriousAccessibilityViolations().forEach(v -> problems.add("list: " + v));
        assertEquals(List.of(), problems);
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.questions WHERE tracking_code = '" + code + "'"));
    }
}
