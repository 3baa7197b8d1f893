package vn.cong.content.kinds;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.Publishing;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;

/**
 * A new content kind is its declaration: {@link PressReleaseKind}, written in the tests only, gets its
 * staff menu entry, list, form, validation and publishing from the generic screens and its public list
 * and pages from the generic public ones; one tenant's items stay invisible and unchangeable from
 * another tenant's staff area and public site.
 */
@MicronautTest(transactional = false)
@Property(name = PressReleaseKind.ENABLED, value = "true")
class NewKindSliceTest extends PlatformTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
    }

    private static Map<String, String> form(String token, String title) {
        Map<String, String> f = new HashMap<>();
        f.put("csrfToken", token);
        f.put("version", "0");
        f.put("title", title);
        f.put("slug", "");
        f.put("language", "vi");
        f.put("summary", "Tóm tắt thông cáo");
        f.put("body", "<p>Nội dung</p>");
        return f;
    }

    private long create(Browser editor, String title) {
        HttpResponse<String> created = editor.postForm("/quan-tri/thong-cao", form(csrfToken(editor.get("/quan-tri/thong-cao/moi")), title));
        assertEquals(303, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/quan-tri/thong-cao/[0-9]+\\?thongbao=tao"), location);
        return Long.parseLong(location.replaceAll("^/quan-tri/thong-cao/([0-9]+).*$", "$1"));
    }

    @Test
    void theDeclarationAloneGivesTheKindItsMenuEntryListFormAndEditPage() {
        Browser editor = portals.editor(portals.alpha());
        Document dashboard = Jsoup.parse(editor.get("/quan-tri").body());
        assertTrue(dashboard.select("nav.main-nav a").eachText().contains("Thông cáo"), "the kind's menu entry");

        Document blank = Jsoup.parse(editor.get("/quan-tri/thong-cao/moi").body());
        assertEquals("Thêm thông cáo", blank.selectFirst("h1").text());
        assertEquals(List.of("title", "slug", "language", "language", "summary", "body"),
                blank.select("form.form input[name], form.form textarea[name], form.form select[name]").eachAttr("name").stream()
                        .filter(n -> !n.equals("csrfToken") && !n.equals("version")).toList());

        long id = create(editor, "Thông cáo về kỳ họp thứ nhất");
        Document edit = Jsoup.parse(editor.get("/quan-tri/thong-cao/" + id + "?thongbao=tao").body());
        assertEquals("Thông cáo về kỳ họp thứ nhất", edit.selectFirst("h1").text());
        assertEquals("thong-cao-ve-ky-hop-thu-nhat", edit.selectFirst("input[name=slug]").attr("value"));
        assertEquals("Nội dung thông cáo", edit.selectFirst("label[for=body]").text());

        Document list = Jsoup.parse(editor.get("/quan-tri/thong-cao").body());
        assertEquals(List.of("Tiêu đề", "Cập nhật", "Trạng thái"), list.select("table thead th").eachText());
        assertTrue(list.select("table tbody th a").eachText().contains("Thông cáo về kỳ họp thứ nhất"));
    }

    @Test
    void aMissingTitleIsRefusedAndWhatWasTypedStays() {
        Browser editor = portals.editor(portals.alpha());
        HttpResponse<String> refused = editor.postForm("/quan-tri/thong-cao", form(csrfToken(editor.get("/quan-tri/thong-cao/moi")), " "));
        assertEquals(400, refused.statusCode(), refused.body());
        Document page = Jsoup.parse(refused.body());
        assertFalse(page.selectFirst("#loi-title").text().isBlank());
        assertEquals("Tóm tắt thông cáo", page.selectFirst("textarea[name=summary]").text());
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheKindsItems() {
        long id = create(portals.editor(portals.alpha()), "Thông cáo riêng của Alpha");
        Browser betaEditor = portals.editor(portals.beta());
        assertFalse(betaEditor.get("/quan-tri/thong-cao").body().contains("Thông cáo riêng của Alpha"));
        assertEquals(404, betaEditor.get("/quan-tri/thong-cao/" + id).statusCode());
        Map<String, String> change = form(csrfToken(betaEditor.get("/quan-tri/thong-cao/moi")), "Bị sửa");
        change.put("version", "1");
        assertEquals(404, betaEditor.postForm("/quan-tri/thong-cao/" + id, change).statusCode());
        assertEquals(404, betaEditor.postForm("/quan-tri/thong-cao/" + id + "/dang",
                Map.of("csrfToken", change.get("csrfToken"))).statusCode());
        Document alphaEdit = Jsoup.parse(portals.editor(portals.alpha()).get("/quan-tri/thong-cao/" + id).body());
        assertEquals("Thông cáo riêng của Alpha", alphaEdit.selectFirst("input[name=title]").attr("value"));
    }

    @Test
    void publishedItemsAreReadOnTheirOwnTenantsPublicSiteOnly() {
        long id = create(portals.editor(portals.alpha()), "Thông cáo công khai của Alpha");
        publishing.publish(portals.alpha(), id, null).block();
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        HttpResponse<String> page = reader.get("/thong-cao/thong-cao-cong-khai-cua-alpha");
        assertEquals(200, page.statusCode(), page.body());
        Document shown = Jsoup.parse(page.body());
        assertEquals("Thông cáo công khai của Alpha", shown.selectFirst("h1").text());
        assertEquals("Nội dung", shown.selectFirst(".prose").text());
        assertTrue(Jsoup.parse(reader.get("/thong-cao").body()).select(".card-title a").eachText().contains("Thông cáo công khai của Alpha"));
        assertEquals(404, reader.get("/en/thong-cao/thong-cao-cong-khai-cua-alpha").statusCode(), "a Vietnamese item has no English page");

        Browser betaReader = portals.browser(TwoPortals.BETA_HOST);
        assertEquals(404, betaReader.get("/thong-cao/thong-cao-cong-khai-cua-alpha").statusCode());
        assertFalse(betaReader.get("/thong-cao").body().contains("Thông cáo công khai của Alpha"));
    }

    @Test
    void aKindsDeclaredRolesHideItsMenuEntryAndCloseItsScreensToOthers() {
        Browser editor = portals.editor(portals.alpha());
        assertFalse(Jsoup.parse(editor.get("/quan-tri").body()).select("nav.main-nav a").eachText().contains("Bản tin lãnh đạo"));
        assertEquals(403, editor.get("/quan-tri/ban-tin-lanh-dao").statusCode());
        assertEquals(403, editor.get("/quan-tri/ban-tin-lanh-dao/moi").statusCode());
        Map<String, String> f = form(csrfToken(editor.get("/quan-tri/thong-cao/moi")), "Không được tạo");
        assertEquals(403, editor.postForm("/quan-tri/ban-tin-lanh-dao", f).statusCode());
    }
}
