package vn.cong.admin;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.demo.DemoLoader;
import vn.cong.themes.ThemeSelection;
import vn.cong.themes.ThemeVersions;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.BrowserTestSupport;
import vn.cong.testing.SqlProbe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every staff screen, on the demo ministry as the README's first run fills it, in headless Chromium at desktop
 * width and at 360 px: no serious or critical axe-core violation and no sideways scrolling on a phone. The
 * screens are an enumerated list checked against the router, so a new staff screen fails this test until it
 * is added here (with a sample address, or as "not a page" with the reason).
 */
@MicronautTest(transactional = false)
class StaffAccessibilityBrowserTest extends BrowserTestSupport {

    private static final String HOST = "www.most.localhost";
    private static final String USER = "kiemtra";
    private static final String PASSWORD = "KiemTraTruyCap2026!";

    /** Staff GET routes that are not pages a person reads, with the reason. */
    private static final Map<String, String> NOT_PAGES = Map.ofEntries(
            Map.entry("/quan-tri/tai-nguyen/admin.css", "the staff area's style sheet"),
            Map.entry("/quan-tri/tai-nguyen/editor.js", "the rich-text editor's script"),
            Map.entry("/quan-tri/tai-nguyen/tinymce-vi.js", "the editor's Vietnamese messages"),
            Map.entry("/quan-tri/tai-nguyen/ordering.js", "the script that orders lists by dragging or «Lên»/«Xuống» (menu, sections)"),
            Map.entry("/quan-tri/tai-nguyen/lists.js", "the staff lists' select-all script"),
            Map.entry("/quan-tri/tai-nguyen/autosave.js", "the item forms' server autosave script"),
            Map.entry("/quan-tri/tai-nguyen/tinymce/{+path}", "the editor's files (TinyMCE WebJar)"),
            Map.entry("/quan-tri/tep-dinh-kem/{attachmentId}", "a file download"),
            Map.entry("/quan-tri/thu-vien/anh.json", "the editor's image list (JSON)"),
            Map.entry("/quan-tri/tai-nguyen/khung-anh.js", "the media library's focal point and crop previews"),
            Map.entry("/quan-tri/thu-vien/{id}/anh-goc", "a picture's uncropped original (PicturesConvertedAndFramedTest)"),
            Map.entry("/quan-tri/bao-cao/tai-khoan/tai-ve/{format}", "a report download (AccountActivityReportTest)"),
            Map.entry("/quan-tri/bao-cao/nhac-nho/tai-ve/{format}", "a report download (RemindersTest)"),
            Map.entry("/quan-tri/bao-cao/dong-gop.{format}", "the contribution report as JSON or a download (Seed004ReportTest)"),
            Map.entry("/quan-tri/bao-cao/nhuan-but/tai-ve/{format}", "a report download (RoyaltiesTest)"),
            Map.entry("/quan-tri/dat-mat-khau", "needs a one-time token (covered by the set-password tests)"),
            Map.entry("/quan-tri/doi-mat-khau", "only for an account that must change its password (PasswordChangeAtLoginTest)"),
            Map.entry("/quan-tri/xac-thuc", "only between the password and the second factor (SecondFactorLoginTest)"),
            Map.entry("/quan-tri/gop-y-du-thao/{id}/tong-hop.{extension}", "a DOCX or XLSX download (ConsultationCommentsTest)"),
            Map.entry("/quan-tri/phan-anh/{id}/tep/{mediaId}", "a file download (PetitionsTest)"),
            Map.entry("/quan-tri/bao-cao/da-lap/{id}/tai-ve/{format}", "a produced report's download (ReportCadenceTest)"),
            Map.entry("/quan-tri/tra-loi-duyet/{itemId}", "a redirect from an answer in the workflow to its question or petition (QuestionsTest)"));

    @Inject
    EmbeddedServer server;
    @Inject
    Router router;
    @Inject
    TenantRegistry registry;
    @Inject
    AccountAdministration accounts;
    @Inject
    DemoLoader demo;
    @Inject
    ThemeVersions themes;
    @Inject
    Publishing publishing;

    private final Map<String, String> pages = new LinkedHashMap<>();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>(super.extraProperties());
        p.putAll(Map.of("cong.tenants-dir", "../tenants", "cong.demo.enabled", "true", "cong.demo.backup", "false"));
        return p;
    }

    @BeforeAll
    void demoAndSamples() {
        demo.loaded().block(Duration.ofSeconds(180));
        var most = registry.findByCode("most").orElseThrow();
        accounts.create(most, 1, new AccountDetails(USER, "kiemtra@most.gov.vn", "Kiểm Tra Truy Cập", "Trung tâm Thông tin", "", ""),
                EnumSet.allOf(Role.class), PASSWORD).block();
        String article = id("SELECT id FROM t_most.content_items WHERE kind = 'article' AND cover_url IS NOT NULL ORDER BY id LIMIT 1");
        String document = id("SELECT id FROM t_most.content_items WHERE kind = 'document' ORDER BY id LIMIT 1");
        String waiting = id("SELECT item_id FROM t_most.workflow_runs WHERE current_level = 1 LIMIT 1");
        long admin = Long.parseLong(id("SELECT id FROM t_most.accounts WHERE username = 'quantri'"));
        long theme = themes.openDraft(most, admin, new ThemeSelection("default", Map.of(), List.of())).block().id();
        long draft = publishing.saveDraft(most, Draft.article(Long.valueOf(id("SELECT id FROM t_most.sections WHERE slug = 'thong-bao'")),
                "vi", "ban-nhap-kiem-tra", "Bản nháp để kiểm tra trang gửi duyệt", "Tóm tắt", "<p>Nội dung</p>", admin)).block().id();
        pages.put("/quan-tri", "/quan-tri");
        pages.put("/quan-tri/dang-nhap", "/quan-tri/dang-nhap");
        pages.put("/quan-tri/bai-viet", "/quan-tri/bai-viet");
        pages.put("/quan-tri/noi-dung", "/quan-tri/noi-dung?tu=" + java.net.URLEncoder.encode("31/02/2026", java.nio.charset.StandardCharsets.UTF_8)
                + "&sapxep=tieude");
        pages.put("/quan-tri/bai-viet/moi", "/quan-tri/bai-viet/moi");
        pages.put("/quan-tri/bai-viet/{id}", "/quan-tri/bai-viet/" + article);
        pages.put("/quan-tri/van-ban", "/quan-tri/van-ban");
        pages.put("/quan-tri/van-ban/moi", "/quan-tri/van-ban/moi");
        pages.put("/quan-tri/van-ban/cai-dat", "/quan-tri/van-ban/cai-dat");
        pages.put("/quan-tri/van-ban/{id}", "/quan-tri/van-ban/" + document);
        pages.put("/quan-tri/du-thao", "/quan-tri/du-thao");
        pages.put("/quan-tri/du-thao/moi", "/quan-tri/du-thao/moi");
        pages.put("/quan-tri/du-thao/{id}", "/quan-tri/du-thao/" + id("SELECT id FROM t_most.content_items WHERE kind = 'consultation' LIMIT 1"));
        pages.put("/quan-tri/thu-tuc", "/quan-tri/thu-tuc");
        pages.put("/quan-tri/thu-tuc/moi", "/quan-tri/thu-tuc/moi");
        pages.put("/quan-tri/thu-tuc/{id}", "/quan-tri/thu-tuc/" + id("SELECT id FROM t_most.content_items WHERE kind = 'procedure' LIMIT 1"));
        pages.put("/quan-tri/gioi-thieu", "/quan-tri/gioi-thieu");
        pages.put("/quan-tri/gioi-thieu/trang/{role}/{lang}", "/quan-tri/gioi-thieu/trang/introduction/vi");
        pages.put("/quan-tri/noi-dung/{itemId}/tep-dinh-kem", "/quan-tri/noi-dung/" + document + "/tep-dinh-kem");
        pages.put("/quan-tri/noi-dung/{itemId}/video-anh", "/quan-tri/noi-dung/"
                + id("SELECT item_id FROM t_most.item_gallery_images ORDER BY id LIMIT 1") + "/video-anh");
        pages.put("/quan-tri/giao-dien", "/quan-tri/giao-dien");
        pages.put("/quan-tri/thu-vien", "/quan-tri/thu-vien");
        pages.put("/quan-tri/thu-vien/{id}", "/quan-tri/thu-vien/" + id("SELECT id FROM t_most.media_files WHERE NOT attachment ORDER BY id LIMIT 1"));
        pages.put("/quan-tri/tai-khoan", "/quan-tri/tai-khoan");
        pages.put("/quan-tri/tai-khoan/moi", "/quan-tri/tai-khoan/moi");
        pages.put("/quan-tri/tai-khoan/{id}", "/quan-tri/tai-khoan/" + id("SELECT id FROM t_most.accounts WHERE username = 'bientap'"));
        pages.put("/quan-tri/ma-api", "/quan-tri/ma-api");
        pages.put("/quan-tri/chuyen-muc", "/quan-tri/chuyen-muc");
        pages.put("/quan-tri/chuyen-muc/{id}", "/quan-tri/chuyen-muc/" + id("SELECT id FROM t_most.sections WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1"));
        pages.put("/quan-tri/don-vi", "/quan-tri/don-vi");
        pages.put("/quan-tri/hoi-dap", "/quan-tri/hoi-dap");
        pages.put("/quan-tri/hoi-dap/{id}", "/quan-tri/hoi-dap/" + id("SELECT id FROM t_most.questions ORDER BY id LIMIT 1"));
        pages.put("/quan-tri/gop-y-du-thao", "/quan-tri/gop-y-du-thao");
        pages.put("/quan-tri/gop-y-du-thao/{id}", "/quan-tri/gop-y-du-thao/" + id("SELECT item_id FROM t_most.consultation_comments ORDER BY id LIMIT 1"));
        pages.put("/quan-tri/phan-anh", "/quan-tri/phan-anh");
        pages.put("/quan-tri/phan-anh/{id}", "/quan-tri/phan-anh/" + id("SELECT id FROM t_most.petitions ORDER BY id LIMIT 1"));
        pages.put("/quan-tri/thong-bao", "/quan-tri/thong-bao");
        pages.put("/quan-tri/bao-mat", "/quan-tri/bao-mat");
        pages.put("/quan-tri/phien-dang-nhap", "/quan-tri/phien-dang-nhap");
        pages.put("/quan-tri/quy-dinh-bao-mat", "/quan-tri/quy-dinh-bao-mat");
        pages.put("/quan-tri/quy-dinh", "/quan-tri/quy-dinh");
        pages.put("/quan-tri/thong-tin-chan-trang", "/quan-tri/thong-tin-chan-trang");
        pages.put("/quan-tri/luu-tru", "/quan-tri/luu-tru");
        pages.put("/quan-tri/kenh-day-tin", "/quan-tri/kenh-day-tin");
        pages.put("/quan-tri/bao-cao/dong-gop", "/quan-tri/bao-cao/dong-gop");
        pages.put("/quan-tri/bao-cao/tai-khoan", "/quan-tri/bao-cao/tai-khoan");
        pages.put("/quan-tri/bao-cao/dich-vu-cong", "/quan-tri/bao-cao/dich-vu-cong");
        pages.put("/quan-tri/bao-cao/nhac-nho", "/quan-tri/bao-cao/nhac-nho");
        pages.put("/quan-tri/bao-cao/nhuan-but", "/quan-tri/bao-cao/nhuan-but");
        pages.put("/quan-tri/bao-cao/nhuan-but/cham", "/quan-tri/bao-cao/nhuan-but/cham");
        pages.put("/quan-tri/bao-cao/nhuan-but/bang-gia", "/quan-tri/bao-cao/nhuan-but/bang-gia");
        pages.put("/quan-tri/quy-trinh", "/quan-tri/quy-trinh");
        pages.put("/quan-tri/quy-trinh/chinh-sach", "/quan-tri/quy-trinh/chinh-sach");
        pages.put("/quan-tri/quy-trinh/{id}", "/quan-tri/quy-trinh/" + waiting);
        pages.put("/quan-tri/quy-trinh/theo-doi", "/quan-tri/quy-trinh/theo-doi");
        pages.put("/quan-tri/quy-trinh/{id}/gui", "/quan-tri/quy-trinh/" + draft + "/gui");
        pages.put("/quan-tri/quy-trinh/{id}/so-sanh", "/quan-tri/quy-trinh/" + article + "/so-sanh?tu=1&den=2");
        pages.put("/quan-tri/quy-trinh/{id}/dinh-chinh", "/quan-tri/quy-trinh/" + article + "/dinh-chinh");
        pages.put("/quan-tri/quy-trinh/{id}/phan-loai", "/quan-tri/quy-trinh/" + waiting + "/phan-loai");
        pages.put("/quan-tri/quy-trinh/{id}/xem-truoc", "/quan-tri/quy-trinh/" + waiting + "/xem-truoc");
        pages.put("/quan-tri/quy-trinh/{id}/xem-truoc/lien-ket", "/quan-tri/quy-trinh/" + waiting + "/xem-truoc/lien-ket");
        pages.put("/quan-tri/giao-dien/{id}", "/quan-tri/giao-dien/" + theme);
        pages.put("/quan-tri/giao-dien/{id}/xem-truoc", "/quan-tri/giao-dien/" + theme + "/xem-truoc");
        pages.put("/quan-tri/dang-ky-nhan-tin", "/quan-tri/dang-ky-nhan-tin");
        pages.put("/quan-tri/ban-tieng-anh", "/quan-tri/ban-tieng-anh");
        pages.put("/quan-tri/noi-dung/{itemId}/ban-dich", "/quan-tri/noi-dung/" + article + "/ban-dich");
        pages.put("/quan-tri/bao-cao/ky-duyet", "/quan-tri/bao-cao/ky-duyet");
        pages.put("/quan-tri/bao-cao/da-ky-duyet", "/quan-tri/bao-cao/da-ky-duyet");
        pages.put("/quan-tri/bao-cao/da-lap/{id}", "/quan-tri/bao-cao/da-lap/" + id("SELECT id FROM t_most.produced_reports WHERE state = 'signed' ORDER BY id LIMIT 1"));
        pages.put("/quan-tri/chu-de", "/quan-tri/chu-de");
        pages.put("/quan-tri/bieu-mau-cong-khai", "/quan-tri/bieu-mau-cong-khai");
        pages.put("/quan-tri/lien-thong-bo", "/quan-tri/lien-thong-bo");
    }

    private String id(String sql) {
        return SqlProbe.string(this::jdbc, sql);
    }

    @Test
    void theListOfStaffScreensIsComplete() {
        Set<String> routes = router.uriRoutes()
                .filter(r -> r.getHttpMethod() == HttpMethod.GET)
                .map(r -> r.getUriMatchTemplate().toString())
                .filter(t -> t.startsWith("/quan-tri"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = new TreeSet<>(pages.keySet());
        listed.addAll(NOT_PAGES.keySet());
        assertEquals(routes, listed, "every staff GET route is checked below or listed as not a page");
    }

    @Test
    void everyStaffScreenPassesAxeOnDesktopAndPhone() {
        var driver = chromium.driver();
        driver.get("http://" + HOST + ":" + server.getPort() + "/quan-tri/dang-nhap");
        driver.findElement(By.name("username")).sendKeys(USER);
        driver.findElement(By.name("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        List<String> problems = new ArrayList<>();
        for (var page : pages.entrySet()) {
            String url = "http://" + HOST + ":" + server.getPort() + page.getValue();
            chromium.viewport(1280, 900, false);
            driver.get(url);
            assertTrue(driver.getCurrentUrl().endsWith(page.getValue()) || page.getKey().equals("/quan-tri/dang-nhap"),
                    page.getValue() + " opened as itself, not " + driver.getCurrentUrl());
            chromium.seriousAccessibilityViolations().forEach(v -> problems.add(page.getValue() + " desktop: " + v));
            chromium.viewport(360, 740, true);
            driver.navigate().refresh();
            chromium.seriousAccessibilityViolations().forEach(v -> problems.add(page.getValue() + " 360px: " + v));
            long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth;");
            if (scrollWidth > 360) {
                problems.add(page.getValue() + " 360px: the page is " + scrollWidth + " px wide");
            }
        }
        assertEquals(List.of(), problems);
    }
}
