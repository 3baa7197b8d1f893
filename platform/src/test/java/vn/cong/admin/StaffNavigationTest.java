package vn.cong.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff menu is gathered from the screens' own declarations, grouped, and shows each person what their roles open. */
@MicronautTest(transactional = false)
class StaffNavigationTest extends PlatformTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    StaffNavigation navigation;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
    }

    @Test
    void everyScreenThatDeclaresAnEntryIsInTheMenuOnceInItsGroupAndOrder() {
        List<String> paths = navigation.entries().stream().map(StaffNavigation.Entry::path).toList();
        assertEquals(List.of("/quan-tri/noi-dung", "/quan-tri/bai-viet", "/quan-tri/van-ban", "/quan-tri/du-thao", "/quan-tri/thu-tuc", "/quan-tri/gioi-thieu",
                "/quan-tri/ban-tieng-anh", "/quan-tri/thu-vien", "/quan-tri/quy-trinh", "/quan-tri/thong-bao", "/quan-tri/quy-dinh", "/quan-tri/hoi-dap", "/quan-tri/luu-tru",
                "/quan-tri/phan-anh", "/quan-tri/gop-y-du-thao",
                "/quan-tri/bao-cao/dong-gop", "/quan-tri/bao-cao/tai-khoan", "/quan-tri/bao-cao/dich-vu-cong", "/quan-tri/bao-cao/nhac-nho",
                "/quan-tri/bao-cao/ky-duyet", "/quan-tri/bao-cao/da-ky-duyet", "/quan-tri/bao-cao/nhuan-but",
                "/quan-tri/chuyen-muc", "/quan-tri/thong-tin-chan-trang",
                "/quan-tri/giao-dien", "/quan-tri/don-vi", "/quan-tri/tai-khoan", "/quan-tri/ma-api", "/quan-tri/kenh-day-tin",
                "/quan-tri/dang-ky-nhan-tin", "/quan-tri/lien-thong-bo", "/quan-tri/chu-de", "/quan-tri/bieu-mau-cong-khai", "/quan-tri/bao-mat", "/quan-tri/phien-dang-nhap"), paths);
    }

    @Test
    void anEditorSeesContentWorkflowAndReportsButNotAdministration() {
        Document page = Jsoup.parse(portals.editor(portals.alpha()).get("/quan-tri").body());
        assertEquals(List.of("Nội dung", "Quy trình", "Báo cáo"), page.select("nav.main-nav .menu-group-name").eachText());
        assertEquals(List.of("Bảng điều khiển", "Tất cả nội dung", "Bài viết", "Văn bản", "Dự thảo", "Thủ tục", "Giới thiệu", "Bản tiếng Anh", "Thư viện tư liệu", "Quy trình duyệt", "Thông báo",
                        "Quy định áp dụng", "Hỏi – đáp", "Lưu trữ", "Phản ánh, kiến nghị", "Góp ý dự thảo", "Số liệu dịch vụ công",
                        "Nhắc nhở và thi đua", "Báo cáo đã ký duyệt"),
                page.select("nav.main-nav a").eachText());
    }

    @Test
    void aTenantAdminSeesAdministrationAndEveryEntryOpensForThem() {
        Browser admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        Document page = Jsoup.parse(admin.get("/quan-tri").body());
        assertEquals(List.of("Nội dung", "Quy trình", "Báo cáo", "Quản trị"), page.select("nav.main-nav .menu-group-name").eachText());
        assertTrue(page.select("nav.main-nav a").eachText().containsAll(List.of("Giao diện", "Tài khoản", "Mã API")));
        for (String href : page.select("nav.main-nav a").eachAttr("href")) {
            HttpResponse<String> screen = admin.get(href);
            assertEquals(200, screen.statusCode(), href);
            Document shown = Jsoup.parse(screen.body());
            assertEquals(List.of(href), shown.select("nav.main-nav a[aria-current=page]").eachAttr("href"),
                    "the menu marks the screen being shown: " + href);
        }
    }

    @Test
    void theMenuOfOneTenantLeadsOnlyToThatTenantsOwnStaffArea() {
        Document page = Jsoup.parse(portals.editor(portals.beta()).get("/quan-tri").body());
        assertTrue(page.select("nav.main-nav a").eachAttr("href").stream().allMatch(h -> h.startsWith("/quan-tri")),
                "menu links are relative to the tenant's own host");
        Browser alphaEditorOnBeta = portals.editor(portals.alpha()).at(TwoPortals.BETA_HOST);
        HttpResponse<String> refused = alphaEditorOnBeta.get("/quan-tri");
        assertTrue(refused.statusCode() == 303 || refused.statusCode() == 401 || refused.statusCode() == 403,
                "an alpha session opens no menu on beta: " + refused.statusCode());
        assertTrue(Jsoup.parse(refused.body()).select("nav.main-nav .menu-group").isEmpty());
    }
}
