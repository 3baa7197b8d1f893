package vn.cong.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logIn;
import static vn.cong.admin.StaffForms.logInOk;

/**
 * Attack list cases 3 (another tenant's id in a form field), 7 (script in article HTML), 13 (CSRF on
 * publish and approve), 19 (look-alike usernames), 20 (SQL metacharacters in list filters), 21 (open
 * redirect after login), 22 (mass assignment) and 30 (Content-Security-Policy): what a logged-in
 * member of staff, or someone holding a link, can type.
 */
@MicronautTest(transactional = false)
class StaffInputAttacksTest extends PlatformTestSupport {

    private static final String ALPHA = AttackListTest.ALPHA;

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    TenantRegistry registry;

    private long alphaSection;
    private long betaSection;

    @BeforeAll
    void setUp() throws SQLException {
        TwoPortals.onboard(context);
        alphaSection = number("SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
        // ids are per schema: this one exists in beta only
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO t_beta.sections (id, slug, name_vi, name_en) VALUES (900001, 'chi-cua-beta', 'Chỉ của Beta', 'Beta only')");
        }
        betaSection = 900001;
    }

    private long number(String sql) throws SQLException {
        try (var c = jdbc(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private Browser editor() {
        Browser b = new Browser(server.getPort(), ALPHA);
        logInOk(b, "bientap", "BienTap2026!x");
        return b;
    }

    private Map<String, String> article(String token, String slug, long section, String body) {
        Map<String, String> form = new HashMap<>();
        form.put("csrfToken", token);
        form.put("title", "Bài thử " + slug);
        form.put("slug", slug);
        form.put("sectionId", String.valueOf(section));
        form.put("language", "vi");
        form.put("summary", "Tóm tắt.");
        form.put("body", body);
        form.put("version", "0");
        return form;
    }

    /** Saves a draft through the staff form; returns its edit page. */
    private String draft(Browser b, Map<String, String> form) {
        HttpResponse<String> created = b.postForm("/quan-tri/bai-viet", form);
        assertEquals(303, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*$", "");
    }

    private String token(Browser b) {
        return csrfToken(b.get("/quan-tri/bai-viet/moi"));
    }

    @Test
    void anotherTenantsSectionIdInTheArticleFormIsRefusedAndNothingIsSaved() throws SQLException {
        Browser editor = editor();
        HttpResponse<String> refused = editor.postForm("/quan-tri/bai-viet", article(token(editor), "muc-cua-beta", betaSection, "<p>x</p>"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(0, number("SELECT count(*) FROM t_alpha.content_items WHERE slug = 'muc-cua-beta'"));
        assertEquals(0, number("SELECT count(*) FROM t_beta.content_items WHERE slug = 'muc-cua-beta'"));
    }

    @Test
    void everyScriptVectorInAnArticleBodyIsGoneFromThePublicPage() {
        String vectors = "<p>Đoạn <b>an toàn</b></p><script>alert(1)</script><img src=x alt=\"ảnh\" onerror=alert(2)>"
                + "<a href=\"javascript:alert(3)\">a</a><a href=\"JaVaScRiPt:alert(4)\">b</a><a href=\"jav&#x09;ascript:alert(5)\">c</a>"
                + "<svg onload=alert(6)><circle r=\"1\"/></svg><svg><script>alert(7)</script></svg>"
                + "<iframe src=\"javascript:alert(8)\"></iframe><object data=\"x.swf\"></object>"
                + "<p style=\"background:url(javascript:alert(9))\">p</p><form action=\"https://evil.example\"><input name=q></form>"
                + "<math><mtext><table><mglyph><style><img src=x alt=a onerror=alert(10)></style></mglyph></table></mtext></math>"
                + "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxMSk8L3NjcmlwdD4=\">d</a><base href=\"https://evil.example/\">";
        Browser editor = editor();
        String edit = draft(editor, article(token(editor), "tan-cong-xss", alphaSection, vectors));
        assertEquals(303, editor.postForm(edit + "/dang", Map.of("csrfToken", csrfToken(editor.get(edit)))).statusCode());

        HttpResponse<String> page = new Browser(server.getPort(), ALPHA).get("/bai-viet/tan-cong-xss");
        assertEquals(200, page.statusCode());
        Document doc = Jsoup.parse(page.body());
        Element body = doc.selectFirst(".prose");
        assertTrue(body.text().contains("Đoạn an toàn"), body.outerHtml());
        assertTrue(body.select("script, svg, iframe, object, embed, style, form, input, base, math").isEmpty(), body.outerHtml());
        for (Element e : body.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String value = a.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), e.outerHtml());
                assertFalse(a.getKey().equalsIgnoreCase("style"), e.outerHtml());
                assertFalse(value.startsWith("javascript:") || value.startsWith("data:") || value.startsWith("vbscript:"), e.outerHtml());
            }
        }
        for (Element script : doc.select("script")) {
            assertFalse(script.data().contains("alert("), "no script of the page comes from the body: " + script.outerHtml());
        }
    }

    @Test
    void publishingOrApprovingWithoutTheTokenOrFromAnotherSiteChangesNothing() throws SQLException {
        Browser editor = editor();
        String edit = draft(editor, article(token(editor), "khong-dang-ho", alphaSection, "<p>x</p>"));
        String token = csrfToken(editor.get(edit));
        String id = edit.substring(edit.lastIndexOf('/') + 1);
        assertRefused(editor.postForm(edit + "/dang", Map.of()).statusCode(), "publish without a token");
        assertEquals(403, editor.postForm(edit + "/dang", Map.of("csrfToken", "gia-mao")).statusCode());
        assertEquals(403, editor.postForm(edit + "/dang", Map.of("csrfToken", token), Map.of("Origin", "https://evil.example")).statusCode());
        for (String step : new String[]{"nhan", "trinh", "duyet", "dang"}) {
            String path = "/quan-tri/quy-trinh/" + id + "/buoc/" + step;
            assertRefused(editor.postForm(path, Map.of("comment", "x")).statusCode(), path + " without a token");
            assertEquals(403, editor.postForm(path, Map.of("csrfToken", token), Map.of("Origin", "http://" + AttackListTest.BETA)).statusCode(), path);
        }
        assertEquals(0, number("SELECT count(*) FROM t_alpha.content_items WHERE slug = 'khong-dang-ho' AND state <> 'draft'"));
        assertEquals(404, new Browser(server.getPort(), ALPHA).get("/bai-viet/khong-dang-ho").statusCode());
    }

    @Test
    void fieldsNamingATenantStateOrRoleAreIgnoredWhenSavingAnArticle() throws SQLException {
        Browser editor = editor();
        Map<String, String> form = article(token(editor), "gan-truong-la", alphaSection, "<p>x</p>");
        form.putAll(Map.of("tenantId", "beta", "tenant", "beta", "tenantCode", "beta", "state", "published",
                "publishedAt", "2026-01-01T00:00:00Z", "createdBy", "1", "role", "tenant_admin", "roles", "tenant_admin"));
        draft(editor, form);
        assertEquals(1, number("SELECT count(*) FROM t_alpha.content_items WHERE slug = 'gan-truong-la' AND state = 'draft' AND published_at IS NULL"));
        assertEquals(0, number("SELECT count(*) FROM t_beta.content_items WHERE slug = 'gan-truong-la'"));
        assertEquals(404, new Browser(server.getPort(), ALPHA).get("/bai-viet/gan-truong-la").statusCode());
        assertEquals(403, editor.get("/quan-tri/tai-khoan").statusCode(), "the editor did not become the tenant admin");
    }

    @Test
    void lookAlikeUsernamesAreRefusedAndTheCanonicalFormLogsIn() throws SQLException {
        Browser admin = new Browser(server.getPort(), ALPHA);
        logInOk(admin, "quantri", "MatKhauAlpha2026!");
        String cyrillicA = "qu\u0430ntri";
        String decomposed = java.text.Normalizer.normalize("quảntrị", java.text.Normalizer.Form.NFD);
        for (String lookAlike : new String[]{cyrillicA, "QuanTri", " quantri ", decomposed, "quantri\u200b", "ｑｕａｎｔｒｉ"}) {
            String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
            HttpResponse<String> refused = admin.postForm("/quan-tri/tai-khoan", Map.of("username", lookAlike, "fullName", "Giả Danh",
                    "email", "gia-danh@alpha.example.vn", "roles", "editor", "passwordMode", "password",
                    "password", "MatKhauGiaDanh2026!", "csrfToken", token));
            assertTrue(refused.statusCode() == 400 || refused.statusCode() == 409, lookAlike + ": " + refused.body());
        }
        assertEquals(0, number("SELECT count(*) FROM t_alpha.accounts WHERE email = 'gia-danh@alpha.example.vn'"));
        assertEquals(303, logIn(new Browser(server.getPort(), ALPHA), "  QUANTRI ", "MatKhauAlpha2026!").statusCode(),
                "the same person, typed another way, is the one canonical account");
        assertEquals(401, logIn(new Browser(server.getPort(), ALPHA), cyrillicA, "MatKhauAlpha2026!").statusCode(),
                "a look-alike is nobody");
    }

    @Test
    void sqlMetacharactersInListFiltersAreJustTextThatMatchesNothing() throws SQLException {
        Browser reader = new Browser(server.getPort(), ALPHA);
        String[] payloads = {"' OR '1'='1", "1; DROP TABLE content_items; --", "2026' UNION SELECT password_hash FROM accounts --",
                "\\'", "%' AND pg_sleep(5) --", "$1", "\u0000"};
        for (String payload : payloads) {
            String v = URLEncoder.encode(payload, StandardCharsets.UTF_8);
            for (String path : new String[]{"/van-ban?loai=" + v + "&co-quan=" + v + "&nam=" + v + "&tinh-trang=" + v,
                    "/van-ban?trang=" + v, "/du-thao?tinh-trang=" + v, "/thu-tuc?muc-do=" + v + "&linh-vuc=" + v, "/chuyen-muc/" + v}) {
                HttpResponse<String> answer = reader.get(path);
                assertTrue(answer.statusCode() == 200 || answer.statusCode() == 400 || answer.statusCode() == 404,
                        path + " answered " + answer.statusCode());
                String lower = answer.body().toLowerCase(Locale.ROOT);
                for (String leak : new String[]{"sql", "syntax", "r2dbc", "postgres", "exception", "password_hash", "$argon2"}) {
                    assertFalse(lower.contains(leak), path + " leaks '" + leak + "'");
                }
            }
        }
        assertEquals(200, reader.get("/bai-viet/chuyen-doi-so-2026").statusCode(), "the tables are all still there");
        assertTrue(number("SELECT count(*) FROM t_alpha.content_items") > 0);
    }

    @Test
    void afterLoginTheBrowserIsOnlyEverSentToAStaffPageOfThisHost() {
        String[] offSite = {"//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example/quan-tri", "/quan-tri/../../x",
                "/quan-tri/%2e%2e/%2e%2e/x", "/quan-tri\r\nLocation: https://evil.example", " //evil.example", "javascript:alert(1)"};
        for (String next : offSite) {
            Browser b = new Browser(server.getPort(), ALPHA);
            HttpResponse<String> form = b.get("/quan-tri/dang-nhap");
            HttpResponse<String> answer = b.postForm("/quan-tri/dang-nhap", Map.of("username", "quantri", "password", "MatKhauAlpha2026!",
                    "csrfToken", csrfToken(form), "tiep", next));
            assertEquals(303, answer.statusCode(), next);
            assertEquals(1, answer.headers().allValues("Location").size(), next);
            assertEquals("/quan-tri", answer.headers().firstValue("Location").orElse(""), next);
        }
    }

    @Test
    void staffAndPublicPagesCarryAPolicyThatRunsNoInlineOrForeignScript() {
        Browser editor = editor();
        for (HttpResponse<String> page : new HttpResponse[]{editor.get("/quan-tri"), editor.get("/quan-tri/bai-viet/moi"),
                new Browser(server.getPort(), ALPHA).get("/"), new Browser(server.getPort(), ALPHA).get("/bai-viet/chuyen-doi-so-2026")}) {
            assertEquals(200, page.statusCode(), page.uri().toString());
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertFalse(policy.isEmpty(), page.uri() + " has no Content-Security-Policy");
            String scripts = directive(policy, "script-src").orElse(directive(policy, "default-src").orElse(""));
            assertFalse(scripts.isEmpty(), page.uri() + ": neither script-src nor default-src in " + policy);
            assertFalse(scripts.contains("'unsafe-inline'") || scripts.contains("'unsafe-eval'") || scripts.contains("*")
                    || scripts.contains("data:") || scripts.contains("http:") || scripts.contains("https:"), page.uri() + ": " + policy);
            String objects = directive(policy, "object-src").orElse(directive(policy, "default-src").orElse(""));
            assertTrue(objects.contains("'none'") || objects.equals("'self'"), page.uri() + ": " + policy);
        }
    }

    /** A request without its token is refused: as forbidden, or as an incomplete form. */
    private static void assertRefused(int status, String what) {
        assertTrue(status == 403 || status == 400, what + " answered " + status);
    }

    private static java.util.Optional<String> directive(String policy, String name) {
        for (String d : policy.split(";")) {
            String t = d.strip();
            if (t.equals(name) || t.startsWith(name + " ")) {
                return java.util.Optional.of(t.substring(name.length()).strip());
            }
        }
        return java.util.Optional.empty();
    }
}
