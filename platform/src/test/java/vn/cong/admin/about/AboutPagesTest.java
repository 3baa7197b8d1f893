package vn.cong.admin.about;

import vn.cong.testing.TwoPortals;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.content.about.AboutEntries;
import vn.cong.content.about.AboutPages;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/** The about pages: text pages published like any item, leadership, organisation chart and phone directory under stable addresses. */
@MicronautTest(transactional = false)
class AboutPagesTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";
    private static final String BETA = "beta.most.localhost";

    @Inject
    EmbeddedServer server;

    @Inject

    ApplicationContext context;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    AccountAdministration accounts;
    @Inject
    AboutPages about;

    private Browser editor;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        editor = new Browser(server.getPort(), ALPHA);
        logInOk(editor, "bientap", "BienTap2026!x");
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private String token() {
        return csrfToken(editor.get("/quan-tri/gioi-thieu"));
    }

    @Test
    void introductionIsDraftedThenPublishedUnderItsStableAddress() {
        Browser reader = new Browser(server.getPort(), ALPHA);
        String page = "/quan-tri/gioi-thieu/trang/introduction/vi";
        HttpResponse<String> form = editor.get(page);
        assertEquals(200, form.statusCode(), form.body());
        assertEquals(303, editor.postForm(page, Map.of("csrfToken", csrfToken(form), "title", "Giới thiệu Cục Alpha",
                "body", "<p>Cục Alpha là đơn vị <strong>trực thuộc Bộ</strong>.</p><script>x()</script>", "version", "0")).statusCode());
        HttpResponse<String> beforePublishing = reader.get("/gioi-thieu");
        assertEquals(200, beforePublishing.statusCode(), "the address linked from every footer answers");
        assertTrue(!text(beforePublishing).contains("trực thuộc Bộ"), "a draft is not public");
        assertTrue(text(beforePublishing).contains("Chưa có thông tin."));
        assertEquals(303, editor.postForm(page + "/dang", Map.of("csrfToken", csrfToken(editor.get(page)))).statusCode());

        HttpResponse<String> intro = reader.get("/gioi-thieu");
        assertEquals(200, intro.statusCode());
        Document doc = Jsoup.parse(intro.body());
        assertEquals("Giới thiệu Cục Alpha", doc.selectFirst("h1").text());
        assertEquals("trực thuộc Bộ", doc.selectFirst(".prose strong").text());
        assertTrue(!intro.body().contains("x()"), "sanitised");
        assertNotNull(doc.selectFirst(".site-footer a[href=/gioi-thieu]"), "linked from the footer");
        assertNotNull(doc.selectFirst(".about-nav a[href=/gioi-thieu/lanh-dao]"));
        assertTrue(intro.headers().allValues("Set-Cookie").isEmpty(), "public pages open no session");
        assertEquals(intro.headers().firstValue("ETag"), reader.get("/gioi-thieu").headers().firstValue("ETag"), "cached");
        assertEquals("Quá trình phát triển", Jsoup.parse(reader.get("/gioi-thieu/lich-su").body()).selectFirst("h1").text(), "a page nobody wrote");
        assertEquals(404, reader.get("/gioi-thieu/khong-co").statusCode());
    }

    @Test
    void leadershipUnitsAndPhoneDirectoryRender() {
        assertEquals(303, editor.postForm("/quan-tri/gioi-thieu/lanh-dao", Map.of("csrfToken", token(), "id", "", "fullName", "Nguyễn Văn Trưởng",
                "jobTitle", "Cục trưởng", "bio", "Sinh năm 1970.", "photoUrl", "", "photoAlt", "", "position", "1")).statusCode());
        assertEquals(303, editor.postForm("/quan-tri/gioi-thieu/don-vi", Map.of("csrfToken", token(), "id", "", "parentId", "",
                "name", "Văn phòng Cục", "duties", "Tham mưu tổng hợp", "position", "1")).statusCode());
        long office = about.units(tenant("alpha")).block().stream().filter(u -> u.name().equals("Văn phòng Cục")).findFirst().orElseThrow().id();
        assertEquals(303, editor.postForm("/quan-tri/gioi-thieu/don-vi", Map.of("csrfToken", token(), "id", "", "parentId", String.valueOf(office),
                "name", "Phòng Hành chính", "duties", "", "position", "1")).statusCode());
        assertEquals(303, editor.postForm("/quan-tri/gioi-thieu/danh-ba", Map.of("csrfToken", token(), "id", "", "fullName", "Lê Thị Thư",
                "jobTitle", "Chánh Văn phòng", "unit", "Văn phòng Cục", "phone", "024 3943 0000", "email", "vanphong@alpha.gov.vn",
                "position", "1")).statusCode());

        Browser reader = new Browser(server.getPort(), ALPHA);
        HttpResponse<String> leaders = reader.get("/gioi-thieu/lanh-dao");
        assertEquals(200, leaders.statusCode());
        assertTrue(text(leaders).contains("Nguyễn Văn Trưởng Cục trưởng"), text(leaders));
        Document chart = Jsoup.parse(reader.get("/gioi-thieu/co-cau-to-chuc").body());
        assertEquals("Phòng Hành chính", chart.selectFirst(".org-chart > li > ul > li > strong").text(), "units nest under their parent");
        Document phones = Jsoup.parse(reader.get("/gioi-thieu/danh-ba").body());
        assertEquals("Lê Thị Thư", phones.selectFirst(".phone-table tbody th[scope=row]").text());
        assertEquals("tel:02439430000", phones.selectFirst(".phone-table a[href^=tel]").attr("href"));
        assertEquals("Leadership", Jsoup.parse(reader.get("/en/gioi-thieu/lanh-dao").body()).selectFirst("h1").text());
    }

    @Test
    void listFormErrorsKeepWhatWasTypedAndIdsStayUnique() {
        Map<String, String> f = new HashMap<>(Map.of("csrfToken", token(), "id", "", "fullName", "Trần Văn Phó", "jobTitle", "",
                "bio", "Tiểu sử dài", "photoUrl", "javascript:alert(1)", "photoAlt", "", "position", "2"));
        HttpResponse<String> refused = editor.postForm("/quan-tri/gioi-thieu/lanh-dao", f);
        assertEquals(400, refused.statusCode(), refused.body());
        Document doc = Jsoup.parse(refused.body());
        assertEquals("Chức vụ không được để trống.", doc.selectFirst("#loi-lanh-dao-jobTitle").text());
        assertNotNull(doc.selectFirst("#loi-lanh-dao-photoUrl"));
        assertEquals("Trần Văn Phó", doc.selectFirst("#lanh-dao-fullName").attr("value"));
        assertEquals("Tiểu sử dài", doc.selectFirst("#lanh-dao-bio").text());
        assertEquals(1, doc.select("#danh-ba-fullName").size(), "each form's fields have their own ids");
        assertEquals(0, doc.select("[id=fullName]").size());
    }

    @Test
    void anotherTenantNeverShowsOrChangesTheseEntries() {
        about.saveLeader(tenant("alpha"), new AboutEntries.Leader(null, "Phạm Văn Alpha", "Phó Cục trưởng", "", null, null, 5)).block();
        long id = about.leaders(tenant("alpha")).block().stream().filter(l -> l.fullName().equals("Phạm Văn Alpha")).findFirst().orElseThrow().id();
        Browser betaReader = new Browser(server.getPort(), BETA);
        assertTrue(!text(betaReader.get("/gioi-thieu/lanh-dao")).contains("Phạm Văn Alpha"));

        Browser betaEditor = new Browser(server.getPort(), BETA);
        logInOk(betaEditor, "bientap", "BetaEditor2026!");
        String token = csrfToken(betaEditor.get("/quan-tri/gioi-thieu"));
        assertEquals(404, betaEditor.postForm("/quan-tri/gioi-thieu/lanh-dao/" + id + "/xoa", Map.of("csrfToken", token)).statusCode());
        assertEquals(404, betaEditor.postForm("/quan-tri/gioi-thieu/lanh-dao", Map.of("csrfToken", token, "id", String.valueOf(id),
                "fullName", "Bị sửa", "jobTitle", "Bị sửa", "bio", "", "photoUrl", "", "photoAlt", "", "position", "1")).statusCode());
        assertTrue(about.leaders(tenant("alpha")).block().stream().anyMatch(l -> l.fullName().equals("Phạm Văn Alpha")));
        assertTrue(about.leaders(tenant("beta")).block().isEmpty());
    }
}
