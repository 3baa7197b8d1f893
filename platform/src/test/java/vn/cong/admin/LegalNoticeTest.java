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
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.text;

/**
 * The footer's legal block: the tenant admin writes it, every public page shows it at once (English under /en, falling
 * back to Vietnamese), bad input keeps what was typed, the change is audited, and another portal is untouched.
 */
@MicronautTest(transactional = false)
class LegalNoticeTest extends PlatformTestSupport {

    private static final String PATH = "/quan-tri/thong-tin-chan-trang";

    @Inject
    ApplicationContext context;

    private TwoPortals portals;

    @BeforeAll
    void portals() {
        portals = TwoPortals.onboard(context);
    }

    private Browser alphaAdmin() {
        return portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
    }

    private static Map<String, String> notice(String email) {
        Map<String, String> form = new HashMap<>();
        form.put("addressVi", "Số 1 Đường Thử, phường Ba Đình, Hà Nội");
        form.put("addressEn", "1 Test Street, Ba Dinh Ward, Ha Noi");
        form.put("phone", "024 3825 1234");
        form.put("email", email);
        form.put("responsibleVi", "Bà Trần Thị Alpha, Trưởng Ban biên tập");
        form.put("responsibleEn", "");
        form.put("licenceVi", "Giấy phép số 99/GP-TTĐT ngày 01/02/2024");
        form.put("licenceEn", "Licence No. 99/GP-TTĐT of 1 February 2024");
        return form;
    }

    private static HttpResponse<String> save(Browser admin, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrfToken", csrfToken(admin.get(PATH)));
        return admin.postForm(PATH, form);
    }

    private static String footer(Browser reader, String path) {
        Document page = Jsoup.parse(reader.get(path).body());
        return page.select("footer .footer-legal").text();
    }

    @Test
    void theAdminsLegalBlockIsInEveryPagesFooterAtOnceInBothLanguagesAndAudited() {
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        assertEquals("", footer(reader, "/"), "nothing is shown before it is written");

        HttpResponse<String> saved = save(alphaAdmin(), notice("banbientap@alpha.gov.vn"));
        assertEquals(303, saved.statusCode(), saved.body());

        String vi = footer(reader, "/");
        assertTrue(vi.contains("Địa chỉ: Số 1 Đường Thử, phường Ba Đình, Hà Nội"), vi);
        assertTrue(vi.contains("Điện thoại: 024 3825 1234") && vi.contains("Thư điện tử: banbientap@alpha.gov.vn"), vi);
        assertTrue(vi.contains("Chịu trách nhiệm chính: Bà Trần Thị Alpha, Trưởng Ban biên tập"), vi);
        assertTrue(vi.contains("Giấy phép số 99/GP-TTĐT ngày 01/02/2024"), vi);
        Document home = Jsoup.parse(reader.get("/").body());
        assertEquals("tel:02438251234", home.select("footer .footer-legal a[href^=tel:]").attr("href"));
        assertEquals("mailto:banbientap@alpha.gov.vn", home.select("footer .footer-legal a[href^=mailto:]").attr("href"));

        String en = footer(reader, "/en");
        assertTrue(en.contains("Address: 1 Test Street, Ba Dinh Ward, Ha Noi"), en);
        assertTrue(en.contains("Responsible for content: Bà Trần Thị Alpha"), "an empty English value shows the Vietnamese: " + en);
        assertTrue(en.contains("Licence No. 99/GP-TTĐT"), en);
        assertTrue(footer(reader, "/gioi-thieu").contains("024 3825 1234"), "every page has it, not only the home page");

        assertEquals(1, SqlProbe.number(this::jdbc,
                "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'legal_notice.update' AND details ? 'email'"));
        assertEquals("", footer(portals.browser(TwoPortals.BETA_HOST), "/"), "the other portal's footer is untouched");
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.legal_notice"));
    }

    @Test
    void aBadEmailIsRefusedWithItsFieldNamedAndEverythingTypedKept() {
        Browser admin = alphaAdmin();
        HttpResponse<String> refused = save(admin, notice("khong-phai-thu"));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.select("#loi-email").text().contains("Địa chỉ thư điện tử chưa đúng"), refused.body());
        assertEquals("khong-phai-thu", page.select("#email").val());
        assertEquals("Số 1 Đường Thử, phường Ba Đình, Hà Nội", page.select("#addressVi").val(), "what was typed is kept");
        assertFalse(footer(portals.browser(TwoPortals.ALPHA_HOST), "/").contains("khong-phai-thu"), "nothing was saved");
    }

    @Test
    void onlyTheTenantAdminMayChangeItAndOnlyOnTheirOwnPortal() {
        Browser editor = portals.editor(portals.alpha());
        assertEquals(403, editor.get(PATH).statusCode(), "an editor does not manage the footer");
        Browser admin = alphaAdmin();
        HttpResponse<String> onBeta = admin.at(TwoPortals.BETA_HOST).postForm(PATH, Map.of("phone", "1", "csrfToken", csrfToken(admin.get(PATH))));
        assertTrue(onBeta.statusCode() == 303 && onBeta.headers().firstValue("Location").orElse("").contains("dang-nhap")
                        || onBeta.statusCode() == 403 || onBeta.statusCode() == 401,
                "alpha's session means nothing on beta: " + onBeta.statusCode());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.legal_notice"));
        String page = text(admin.get(PATH));
        assertTrue(page.contains("Thông tin chân trang"));
        assertTrue(page.contains("Cơ quan chủ quản: Bộ Thử nghiệm"), "a member names its parent portal: " + page);
    }
}
