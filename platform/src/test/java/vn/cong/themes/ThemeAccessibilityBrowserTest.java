package vn.cong.themes;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.about.AboutEntries;
import vn.cong.content.about.AboutPages;
import vn.cong.content.about.StandingRole;
import vn.cong.content.attachments.Attachments;
import vn.cong.content.consultations.ConsultationFields;
import vn.cong.content.consultations.Consultations;
import vn.cong.content.documents.DocumentFields;
import vn.cong.content.documents.DocumentStatus;
import vn.cong.content.documents.LegalDocuments;
import vn.cong.content.procedures.ProcedureFields;
import vn.cong.content.procedures.Procedures;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.BrowserTestSupport;
import vn.cong.testing.SampleFiles;
import vn.cong.testing.TestTenants;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every theme's home, section, article and content-kind (documents, consultations, procedures,
 * about) list and detail pages in headless Chromium: no serious or critical
 * axe-core violation at desktop width and at 360 px, no sideways scrolling on a phone, a skip link
 * that is the first thing the keyboard reaches, and the page landmarks.
 */
@MicronautTest(transactional = false)
class ThemeAccessibilityBrowserTest extends BrowserTestSupport {

    private static final List<String> PAGES = List.of("/", "/chuyen-muc/tin-tuc", "/bai-viet/tin-so-01", "/bai-viet/video-va-bo-anh", "/en",
            "/van-ban", "/van-ban/qd-01", "/du-thao", "/du-thao/du-thao-luat", "/thu-tuc", "/thu-tuc/cap-phep",
            "/gioi-thieu", "/gioi-thieu/lanh-dao", "/gioi-thieu/co-cau-to-chuc", "/gioi-thieu/danh-ba", "/en/van-ban");

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;

    @Inject
    PublicChanges changes;
    @Inject
    Themes themes;
    @Inject
    Publishing publishing;
    @Inject
    LegalDocuments documents;
    @Inject
    Consultations consultations;
    @Inject
    Procedures procedures;
    @Inject
    AboutPages about;
    @Inject
    Attachments attachments;
    @Inject
    vn.cong.content.library.MediaLibrary library;
    @Inject
    vn.cong.content.gallery.ItemVideos videos;
    @Inject
    vn.cong.content.gallery.ItemGalleries galleries;



    @BeforeAll
    void setUp() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "gamma");
        publishKinds(registry.findByCode("gamma").orElseThrow());
        for (String path : PAGES) {
            var page = new Browser(server.getPort(), "gamma.most.localhost").get(path);
            assertEquals(200, page.statusCode(), path + " is a page, not the not-found notice");
        }
    }

    /** One of each content kind with real data, long values included, so the pages have something to lay out on a phone. */
    private void publishKinds(Tenant gamma) {
        long doc = documents.save(gamma, draft(LegalDocuments.KIND, "qd-01", "Quyết định ban hành Quy chế quản lý, vận hành và cung cấp thông tin"),
                new DocumentFields("1234/QĐ-UBND-VP", "quyet-dinh", "Ủy ban nhân dân tỉnh Gamma", "Nguyễn Văn A",
                        LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 15), null, DocumentStatus.VALID, null), Map.of()).block().id();
        attachments.attach(gamma, doc, "quyet-dinh-1234-ban-hanh-quy-che-quan-ly-van-hanh.pdf", SampleFiles.pdf(), "Bản có chữ ký số", null).block();
        attachments.attach(gamma, doc, "quyet-dinh-1234.docx", SampleFiles.docx(), null, null).block();
        publishing.publish(gamma, doc, null).block();
        long expired = documents.save(gamma, draft(LegalDocuments.KIND, "tt-02", "Thông tư hướng dẫn"),
                new DocumentFields("02/2020/TT-BKHCN", "thong-tu", "Bộ Khoa học và Công nghệ", "Trần Văn B",
                        LocalDate.of(2020, 6, 10), null, LocalDate.of(2022, 1, 1), DocumentStatus.EXPIRED, null), Map.of()).block().id();
        publishing.publish(gamma, expired, null).block();
        long replaced = documents.save(gamma, draft(LegalDocuments.KIND, "qd-03", "Quyết định cũ"),
                new DocumentFields("03/QĐ-UBND", "quyet-dinh", "Ủy ban nhân dân tỉnh Gamma", "Lê Văn C",
                        LocalDate.of(2019, 1, 5), null, null, DocumentStatus.REPLACED, doc), Map.of()).block().id();
        publishing.publish(gamma, replaced, null).block();

        OffsetDateTime now = OffsetDateTime.now();
        long draft = consultations.save(gamma, draft(Consultations.KIND, "du-thao-luat", "Dự thảo Quy định về chuyển đổi số trong cơ quan nhà nước"),
                new ConsultationFields(now.minusDays(3), now.plusDays(30), "gopy@gamma.gov.vn", "Số 1 Đường Trần Phú, thành phố Gamma"),
                Map.of()).block().id();
        attachments.attach(gamma, draft, "du-thao.pdf", SampleFiles.pdf(), "Toàn văn dự thảo", null).block();
        publishing.publish(gamma, draft, null).block();
        long closed = consultations.save(gamma, draft(Consultations.KIND, "du-thao-cu", "Dự thảo đã hết hạn góp ý"),
                new ConsultationFields(now.minusDays(60), now.minusDays(30), "gopy@gamma.gov.vn", ""), Map.of()).block().id();
        publishing.publish(gamma, closed, null).block();

        long procedure = procedures.save(gamma, draft(Procedures.KIND, "cap-phep", "Cấp giấy phép hoạt động dịch vụ thông tin điện tử"),
                new ProcedureFields(4, "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234",
                        "Thông tin điện tử", "Sở Thông tin và Truyền thông", "15 ngày làm việc", "Không thu phí",
                        "Đơn đề nghị cấp phép\nBản sao giấy chứng nhận đăng ký doanh nghiệp"), Map.of()).block().id();
        attachments.attach(gamma, procedure, "mau-don.docx", SampleFiles.docx(), "Mẫu đơn", null).block();
        publishing.publish(gamma, procedure, null).block();

        long withMedia = publishing.saveDraft(gamma, draft("article", "video-va-bo-anh", "Hội nghị chuyển đổi số: video và bộ ảnh")).block().id();
        long clip = library.upload(gamma, "hoi-nghi.mp4", vn.cong.testing.Mp4Fixture.h264(2000), "", "", null).block().id();
        long captions = library.upload(gamma, "phu-de.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHội nghị\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "", "", null).block().id();
        long poster = library.upload(gamma, "toan-canh.png", picture(1200, 800), "Toàn cảnh hội nghị", "", null).block().id();
        long second = library.upload(gamma, "dai-bieu.png", picture(900, 600), "Đại biểu phát biểu", "", null).block().id();
        videos.set(gamma, withMedia, new vn.cong.content.gallery.ItemVideos.Choice(clip, poster, captions, null, "Toàn cảnh hội nghị chuyển đổi số"),
                null).block();
        galleries.add(gamma, withMedia, poster, "Toàn cảnh hội trường hội nghị", "Hội nghị sáng 12/3 tại thành phố Gamma", null).block();
        galleries.add(gamma, withMedia, second, "Đại biểu phát biểu tại hội nghị", "", null).block();
        publishing.publish(gamma, withMedia, null).block();

        long intro = about.saveText(gamma, StandingRole.INTRODUCTION, "vi", "Giới thiệu chung",
                "<p>Ủy ban nhân dân tỉnh Gamma là cơ quan hành chính nhà nước ở địa phương.</p><ul><li>Địa chỉ: Số 1 Đường Trần Phú</li></ul>",
                0, 1).block().id();
        publishing.publish(gamma, intro, null).block();
        about.saveLeader(gamma, new AboutEntries.Leader(null, "Nguyễn Văn Trưởng", "Chủ tịch Ủy ban nhân dân tỉnh", "Sinh năm 1970.", null, null, 1)).block();
        about.saveUnit(gamma, new AboutEntries.Unit(null, null, "Văn phòng Ủy ban nhân dân tỉnh", "Tham mưu tổng hợp", 1)).block();
        long office = about.units(gamma).block().get(0).id();
        about.saveUnit(gamma, new AboutEntries.Unit(null, office, "Phòng Hành chính – Tổ chức", "Văn thư, lưu trữ", 1)).block();
        about.savePhone(gamma, new AboutEntries.Phone(null, "Trần Thị Liên Hệ", "Chánh Văn phòng", "Văn phòng Ủy ban nhân dân tỉnh",
                "0236 3821 234", "vanphong.ubnd@gamma.gov.vn", 1)).block();
    }

    private static byte[] picture(int w, int h) {
        var image = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Draft draft(String kind, String slug, String title) {
        return new Draft(null, 0, kind, null, "vi", slug, title, "Tóm tắt: " + title,
                "<p>Toàn văn " + title + ".</p><table><tr><th>Điều</th><th>Nội dung</th></tr><tr><td>1</td><td>Phạm vi điều chỉnh</td></tr></table>",
                null, null, null, false, null);
    }


    private void useTheme(String theme) throws Exception {
        try (var c = jdbc(); var s = c.prepareStatement(
                "UPDATE platform.tenants SET theme = ?, content_version = content_version + 1 WHERE code IN ('gamma', 'bo')")) {
            s.setString(1, theme);
            s.executeUpdate();
        }
        changes.refreshEveryNode().block();
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + server.getPort() + path;
    }

    /** The pages whose look is kept as screenshots in {@code target/} for a person to look at. */
    private static final List<String> SHOTS = List.of("/", "/van-ban", "/van-ban/qd-01", "/du-thao/du-thao-luat", "/thu-tuc",
            "/thu-tuc/cap-phep", "/gioi-thieu/co-cau-to-chuc");

    private static String shotName(String path) {
        return path.equals("/") ? "" : path.replace('/', '-');
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
                    if (host.startsWith("gamma") && SHOTS.contains(path)) {
                        chromium.fullPageScreenshot(Path.of("target", "theme-" + theme.name() + shotName(path) + "-360.png"), 360, 740, true);
                        chromium.viewport(1280, 900, false);
                        driver.navigate().refresh();
                        chromium.fullPageScreenshot(Path.of("target", "theme-" + theme.name() + shotName(path) + "-desktop.png"), 1280, 900, false);
                    }
                }
            }
        }
        chromium.viewport(1280, 900, false);
        assertEquals(List.of(), problems);
    }

    @Test
    void onAPhoneTheMenuFoldsBehindAButtonThatTheKeyboardOpensAndEscapeCloses() throws Exception {
        var driver = chromium.driver();
        useTheme("default");
        chromium.viewport(360, 740, true);
        driver.get(url("www.most.localhost", "/"));
        WebElement toggle = driver.findElement(By.cssSelector(".main-nav .menu-toggle"));
        WebElement menu = driver.findElement(By.id("trinh-don-chinh"));
        assertTrue(toggle.isDisplayed(), "the button shows on a phone");
        assertEquals("false", toggle.getDomAttribute("aria-expanded"));
        assertFalse(menu.isDisplayed(), "the menu is folded at first");
        // by keyboard: Tab from the skip link reaches the button before any menu entry; Enter opens it
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        for (int i = 0; i < 10 && !toggle.equals(driver.switchTo().activeElement()); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals(toggle, driver.switchTo().activeElement(), "the keyboard reaches the menu button");
        toggle.sendKeys(Keys.ENTER);
        assertEquals("true", toggle.getDomAttribute("aria-expanded"));
        assertTrue(menu.isDisplayed(), "Enter opens the menu");
        assertTrue(chromium.seriousAccessibilityViolations().isEmpty(), chromium.seriousAccessibilityViolations().toString());
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertEquals("false", toggle.getDomAttribute("aria-expanded"));
        assertFalse(menu.isDisplayed(), "Escape folds it again");
        assertEquals(toggle, driver.switchTo().activeElement(), "and gives the focus back to the button");
        // on a desktop the menu is always there and the button is not
        chromium.viewport(1280, 900, false);
        driver.navigate().refresh();
        assertFalse(driver.findElement(By.cssSelector(".main-nav .menu-toggle")).isDisplayed());
        assertTrue(driver.findElement(By.id("trinh-don-chinh")).isDisplayed());
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
