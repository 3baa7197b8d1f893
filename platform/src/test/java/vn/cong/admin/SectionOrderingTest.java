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
 * Reordering sibling sections: a «Lên»/«Xuống» step brings the list back with the focus on the moved row and its
 * new place told; a dragged list (ordering.js) posts the siblings' whole order, saved at once and audited, refused
 * when it no longer matches the siblings; another tenant's ids are not found.
 */
@MicronautTest(transactional = false)
class SectionOrderingTest extends PlatformTestSupport {

    private static final String PATH = "/quan-tri/chuyen-muc";

    @Inject
    ApplicationContext context;

    private TwoPortals portals;
    private Browser admin;
    private long parent;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        add("Hướng dẫn", "huong-dan", "");
        parent = id("huong-dan");
        for (String slug : new String[] {"hd-mot", "hd-hai", "hd-ba"}) {
            add("Mục " + slug, slug, String.valueOf(parent));
        }
    }

    private void add(String name, String slug, String parentId) {
        assertEquals(303, post(PATH, Map.of("nameVi", name, "nameEn", "", "slug", slug, "parentId", parentId, "description", "")).statusCode());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrfToken", csrfToken(admin.get(PATH)));
        return admin.postForm(path, form);
    }

    private long id(String slug) {
        return SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = '" + slug + "'");
    }

    private String children() {
        return SqlProbe.string(this::jdbc, "SELECT string_agg(slug, ',' ORDER BY position, id) FROM t_alpha.sections WHERE parent_id = " + parent);
    }

    @Test
    void aStepBringsTheListBackWithTheFocusOnTheMovedRowAndItsPlaceTold() {
        String before = children();
        long third = id(before.split(",")[2]);
        HttpResponse<String> moved = post(PATH + "/" + third + "/len", Map.of());
        assertEquals(303, moved.statusCode());
        HttpResponse<String> list = admin.get(moved.headers().firstValue("Location").orElseThrow());
        assertTrue(text(list).contains("Đã chuyển «Mục " + before.split(",")[2] + "» đến vị trí 2 trên 3 trong «Hướng dẫn»."), text(list));
        Document doc = Jsoup.parse(list.body());
        assertTrue(doc.selectFirst("#len-" + third).hasAttr("autofocus"), "the focus comes back to the button pressed");

        HttpResponse<String> top = admin.get(post(PATH + "/" + third + "/len", Map.of()).headers().firstValue("Location").orElseThrow());
        assertTrue(text(top).contains("vị trí 1 trên 3"), text(top));
        assertTrue(Jsoup.parse(top.body()).selectFirst("#xuong-" + third).hasAttr("autofocus"),
                "at the top there is no «Lên»: the focus goes to «Xuống» of the same row");
        assertEquals(1, Jsoup.parse(top.body()).select("[autofocus]").size());
    }

    @Test
    void aDraggedOrderIsSavedAtOnceAndAuditedAndAStaleOneIsRefused() {
        long one = id("hd-mot");
        long two = id("hd-hai");
        long three = id("hd-ba");
        HttpResponse<String> saved = post(PATH + "/thu-tu", Map.of("order", three + "," + one + "," + two, "moved", String.valueOf(three)));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("hd-ba,hd-mot,hd-hai", children());
        assertTrue(text(admin.get(saved.headers().firstValue("Location").orElseThrow())).contains("Đã chuyển «Mục hd-ba» đến vị trí 1 trên 3"));
        assertEquals(three + "," + one + "," + two, SqlProbe.string(this::jdbc,
                "SELECT details->>'order' FROM t_alpha.audit_log WHERE action = 'section.reorder' ORDER BY id DESC LIMIT 1"));

        HttpResponse<String> stale = post(PATH + "/thu-tu", Map.of("order", one + "," + two, "moved", String.valueOf(one)));
        assertEquals(400, stale.statusCode(), "a sibling left out: the list changed since it was shown");
        assertTrue(text(stale).contains("Danh sách chuyên mục vừa thay đổi"), text(stale));
        long top = id("tin-hoat-dong");
        assertEquals(400, post(PATH + "/thu-tu", Map.of("order", one + "," + two + "," + top)).statusCode(), "no mixing levels");
        assertEquals(400, post(PATH + "/thu-tu", Map.of("order", "1;DROP TABLE sections")).statusCode());
        assertEquals("hd-ba,hd-mot,hd-hai", children(), "nothing changed by the refused ones");
    }

    @Test
    void anotherTenantsAdminCannotReorderThisTenantsSections() {
        String before = children();
        Browser betaAdmin = portals.loggedIn(TwoPortals.BETA_HOST, "quantri", "MatKhauBeta2026!");
        java.util.List<String> ids = new java.util.ArrayList<>(java.util.Arrays.stream(before.split(",")).map(s -> String.valueOf(id(s))).toList());
        java.util.Collections.reverse(ids);
        String order = String.join(",", ids);
        HttpResponse<String> attempt = betaAdmin.postForm(PATH + "/thu-tu", Map.of("order", order, "csrfToken", csrfToken(betaAdmin.get(PATH))));
        assertEquals(404, attempt.statusCode(), "alpha's sections do not exist on beta's host");
        assertEquals(before, children());
        assertFalse(text(betaAdmin.get(PATH)).contains("Hướng dẫn"));
    }
}
