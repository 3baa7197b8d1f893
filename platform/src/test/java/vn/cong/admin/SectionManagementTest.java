package vn.cong.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.text;

/**
 * The tenant admin manages the section tree in the staff area: changes go live at once, are audited,
 * survive the manifest being applied again; a section with items is archived, never deleted; only the
 * tenant's administrators may do it, and only on their own portal.
 */
@MicronautTest(transactional = false)
class SectionManagementTest extends PlatformTestSupport {

    private static final String PATH = "/quan-tri/chuyen-muc";

    @Inject
    ApplicationContext context;
    @Inject
    Onboarding onboarding;

    private TwoPortals portals;

    @BeforeAll
    void portals() {
        portals = TwoPortals.onboard(context);
    }

    private Browser alphaAdmin() {
        return portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
    }

    private long sectionId(String schema, String slug) {
        return SqlProbe.number(this::jdbc, "SELECT id FROM " + schema + ".sections WHERE slug = '" + slug + "'");
    }

    private static HttpResponse<String> post(Browser browser, String path, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrfToken", csrfToken(browser.get(PATH)));
        return browser.postForm(path, form);
    }

    private static Map<String, String> section(String nameVi, String nameEn, String slug, String parentId) {
        return Map.of("nameVi", nameVi, "nameEn", nameEn, "slug", slug, "parentId", parentId, "description", "");
    }

    private List<String> menu(Browser reader) {
        return Jsoup.parse(reader.get("/").body()).select("nav.main-nav a[href^=/chuyen-muc/]").eachAttr("href");
    }

    @Test
    void anAddedSectionIsLiveAtOnceAndAudited() {
        Browser admin = alphaAdmin();
        HttpResponse<String> added = post(admin, PATH, section("Chuyển đổi số", "Digital transformation", "chuyen-doi-so", ""));
        assertEquals(303, added.statusCode(), added.body());

        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        HttpResponse<String> page = reader.get("/chuyen-muc/chuyen-doi-so");
        assertEquals(200, page.statusCode());
        assertTrue(text(page).contains("Chuyển đổi số"));
        assertTrue(menu(reader).contains("/chuyen-muc/chuyen-doi-so"), "the new top-level section is in the menu: " + menu(reader));
        assertTrue(text(reader.get("/en/chuyen-muc/chuyen-doi-so")).contains("Digital transformation"));
        assertEquals(1, SqlProbe.number(this::jdbc,
                "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'section.add' AND details ->> 'slug' = 'chuyen-doi-so'"));
        // the other portal has no such section
        assertEquals(404, portals.browser(TwoPortals.BETA_HOST).get("/chuyen-muc/chuyen-doi-so").statusCode());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.sections WHERE slug = 'chuyen-doi-so'"));
    }

    @Test
    void badInputIsRefusedWithMessagesAndWhatWasTypedIsKept() {
        Browser admin = alphaAdmin();
        HttpResponse<String> refused = post(admin, PATH, section("", "Only English", "Sai Địa Chỉ", ""));
        assertEquals(400, refused.statusCode());
        assertTrue(text(refused).contains("Tên chuyên mục không được để trống."), text(refused));
        assertTrue(text(refused).contains("Địa chỉ chuyên mục chỉ gồm chữ thường không dấu"), text(refused));
        assertEquals("Only English", Jsoup.parse(refused.body()).selectFirst("input[name=nameEn]").attr("value"));
        assertEquals("Sai Địa Chỉ", Jsoup.parse(refused.body()).selectFirst("input[name=slug]").attr("value"));

        HttpResponse<String> taken = post(admin, PATH, section("Trùng địa chỉ", "", "tin-hoat-dong", ""));
        assertEquals(400, taken.statusCode());
        assertTrue(text(taken).contains("Địa chỉ “tin-hoat-dong” đã có chuyên mục khác dùng."), text(taken));
    }

    @Test
    void aRenamedSectionKeepsItsNameWhenTheManifestIsAppliedAgain() {
        Browser admin = alphaAdmin();
        post(admin, PATH, section("Hợp tác quốc tế", "", "hop-tac-quoc-te", ""));
        long id = sectionId("t_alpha", "hop-tac-quoc-te");
        HttpResponse<String> form = admin.get(PATH + "/" + id);
        assertEquals(200, form.statusCode());
        HttpResponse<String> renamed = post(admin, PATH + "/" + id, section("Hợp tác quốc tế và hội nhập", "International cooperation", "hop-tac-quoc-te", ""));
        assertEquals(303, renamed.statusCode(), renamed.body());
        assertTrue(text(portals.browser(TwoPortals.ALPHA_HOST).get("/chuyen-muc/hop-tac-quoc-te")).contains("Hợp tác quốc tế và hội nhập"));

        // the manifest's own section, renamed by staff, is not renamed back when the manifest is applied again
        long activities = sectionId("t_alpha", "tin-hoat-dong");
        post(admin, PATH + "/" + activities, section("Hoạt động của Cục", "Activities", "tin-hoat-dong", ""));
        TestTenants.onboard(onboarding, "alpha");
        assertEquals("Hoạt động của Cục", SqlProbe.string(this::jdbc, "SELECT name_vi FROM t_alpha.sections WHERE id = " + activities));
        assertEquals(1, SqlProbe.number(this::jdbc,
                "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'section.update' AND (details ->> 'section')::bigint = " + activities));
    }

    @Test
    void aSectionMovesUnderAnotherButNeverUnderItself() {
        Browser admin = alphaAdmin();
        post(admin, PATH, section("Khoa học", "", "khoa-hoc", ""));
        long science = sectionId("t_alpha", "khoa-hoc");
        post(admin, PATH, section("Đề tài", "", "de-tai", Long.toString(science)));
        long topics = sectionId("t_alpha", "de-tai");
        assertEquals(science, SqlProbe.number(this::jdbc, "SELECT parent_id FROM t_alpha.sections WHERE id = " + topics));

        HttpResponse<String> cycle = post(admin, PATH + "/" + science, section("Khoa học", "", "khoa-hoc", Long.toString(topics)));
        assertEquals(400, cycle.statusCode());
        assertTrue(text(cycle).contains("Không thể đặt chuyên mục vào chính nó hoặc chuyên mục con của nó."), text(cycle));

        HttpResponse<String> toTop = post(admin, PATH + "/" + topics, section("Đề tài", "", "de-tai", ""));
        assertEquals(303, toTop.statusCode());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.sections WHERE parent_id IS NOT NULL AND id = " + topics));
    }

    @Test
    void sectionsAreReorderedAmongTheirSiblings() {
        Browser admin = alphaAdmin();
        post(admin, PATH, section("Mục thứ tự A", "", "thu-tu-a", ""));
        post(admin, PATH, section("Mục thứ tự B", "", "thu-tu-b", ""));
        long b = sectionId("t_alpha", "thu-tu-b");
        String order = "SELECT string_agg(slug, ',' ORDER BY position, id) FROM t_alpha.sections WHERE slug LIKE 'thu-tu-%'";
        assertEquals("thu-tu-a,thu-tu-b", SqlProbe.string(this::jdbc, order));
        assertEquals(303, post(admin, PATH + "/" + b + "/len", Map.of()).statusCode());
        assertEquals("thu-tu-b,thu-tu-a", SqlProbe.string(this::jdbc, order));
        List<String> menu = menu(portals.browser(TwoPortals.ALPHA_HOST));
        assertTrue(menu.indexOf("/chuyen-muc/thu-tu-b") < menu.indexOf("/chuyen-muc/thu-tu-a"), menu.toString());
    }

    @Test
    void hiddenAndArchivedSectionsLeaveThePublicSiteButTheirItemsStay() {
        Browser admin = alphaAdmin();
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        long activities = sectionId("t_alpha", "tin-hoat-dong");
        assertEquals(200, reader.get("/chuyen-muc/tin-hoat-dong").statusCode());

        assertEquals(303, post(admin, PATH + "/" + activities + "/an", Map.of()).statusCode());
        assertEquals(404, reader.get("/chuyen-muc/tin-hoat-dong").statusCode());
        assertEquals(303, post(admin, PATH + "/" + activities + "/hien", Map.of()).statusCode());
        assertEquals(200, reader.get("/chuyen-muc/tin-hoat-dong").statusCode());

        // a section with items is never deleted: the refusal says to archive it
        HttpResponse<String> refused = post(admin, PATH + "/" + activities + "/xoa", Map.of());
        assertEquals(400, refused.statusCode());
        assertTrue(text(refused).contains("còn 1 tin, bài nên không xoá được; hãy lưu trữ chuyên mục"), text(refused));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.sections WHERE id = " + activities));

        assertEquals(303, post(admin, PATH + "/" + activities + "/luu-tru", Map.of()).statusCode());
        assertEquals(404, reader.get("/chuyen-muc/tin-hoat-dong").statusCode());
        assertFalse(menu(reader).contains("/chuyen-muc/tin-hoat-dong"));
        assertEquals(200, reader.get("/bai-viet/chuyen-doi-so-2026").statusCode(), "the archived section's article keeps its address");
        // editors still see it among the choices, named as archived, so an item in it is never moved by accident
        HttpResponse<String> newArticle = portals.editor(portals.alpha()).get("/quan-tri/bai-viet/moi");
        String name = SqlProbe.string(this::jdbc, "SELECT name_vi FROM t_alpha.sections WHERE id = " + activities);
        assertTrue(text(newArticle).contains(name + " (đã lưu trữ)"), text(newArticle));

        assertEquals(303, post(admin, PATH + "/" + activities + "/khoi-phuc", Map.of()).statusCode());
        assertEquals(200, reader.get("/chuyen-muc/tin-hoat-dong").statusCode());
        assertEquals(4, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action IN "
                + "('section.hide', 'section.show', 'section.archive', 'section.restore') AND (details ->> 'section')::bigint = " + activities));
    }

    @Test
    void anEmptySectionIsDeleted() {
        Browser admin = alphaAdmin();
        post(admin, PATH, section("Mục tạm", "", "muc-tam", ""));
        long id = sectionId("t_alpha", "muc-tam");
        assertEquals(303, post(admin, PATH + "/" + id + "/xoa", Map.of()).statusCode());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.sections WHERE slug = 'muc-tam'"));
        assertEquals(404, portals.browser(TwoPortals.ALPHA_HOST).get("/chuyen-muc/muc-tam").statusCode());
        assertEquals(404, admin.get(PATH + "/" + id).statusCode());
    }

    @Test
    void onlyTheTenantsAdministratorsManageSectionsAndOnlyTheirOwn() {
        Browser editor = portals.editor(portals.alpha());
        assertEquals(403, editor.get(PATH).statusCode());
        long activities = sectionId("t_alpha", "tin-hoat-dong");
        HttpResponse<String> dashboard = editor.get("/quan-tri");
        HttpResponse<String> forbidden = editor.postForm(PATH + "/" + activities + "/luu-tru", Map.of("csrfToken", csrfToken(dashboard)));
        assertEquals(403, forbidden.statusCode());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.sections WHERE archived_at IS NOT NULL AND id = " + activities));
        assertFalse(Jsoup.parse(dashboard.body()).select("a[href=" + PATH + "]").size() > 0, "the menu entry is for tenant admins only");

        // alpha's administrator, on beta's host, is nobody: sent to beta's login, beta's sections untouched
        Browser admin = alphaAdmin();
        String token = csrfToken(admin.get(PATH));
        long betaSection = sectionId("t_beta", "tin-hoat-dong");
        Browser onBeta = admin.at(TwoPortals.BETA_HOST);
        HttpResponse<String> elsewhere = onBeta.get(PATH);
        assertEquals(303, elsewhere.statusCode());
        assertTrue(elsewhere.headers().firstValue("Location").orElse("").startsWith("/quan-tri/dang-nhap"));
        HttpResponse<String> attempt = onBeta.postForm(PATH + "/" + betaSection + "/luu-tru", Map.of("csrfToken", token));
        assertTrue(attempt.statusCode() == 303 || attempt.statusCode() == 403, "status " + attempt.statusCode());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.sections WHERE archived_at IS NOT NULL"));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.audit_log WHERE action LIKE 'section.%'"));
    }
}
