package vn.cong.admin.themes;

import vn.cong.testing.TwoPortals;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;
import static vn.cong.admin.themes.ThemeForms.openDraft;
import static vn.cong.admin.themes.ThemeForms.press;
import static vn.cong.admin.themes.ThemeForms.save;

/**
 * The theme screens over HTTP: a tenant admin drafts and submits, the head approves or returns,
 * rollback, contrast refusal, preview access and caching, and tenant isolation.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThemeVersionsScreenTest extends PlatformTestSupport {

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
    vn.cong.themes.Themes themes;
    @Inject
    vn.cong.themes.ThemeVersions versions;

    private Browser admin;
    private Browser head;
    private Browser betaAdmin;
    private Browser betaHead;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        accounts.create(registry.findByCode("alpha").orElseThrow(), 1,
                new AccountDetails("lanhdao", "lanhdao@alpha.vn", "Lãnh Đạo Alpha", "Ban biên tập", "Trưởng ban", ""),
                Set.of(Role.HEAD), "LanhDao2026!x").block();
        accounts.create(registry.findByCode("beta").orElseThrow(), 1,
                new AccountDetails("lanhdao", "lanhdao@beta.vn", "Lãnh Đạo Beta", "Ban biên tập", "Trưởng ban", ""),
                Set.of(Role.HEAD), "LanhDaoBeta2026!x").block();
        betaHead = loggedIn(BETA, "lanhdao", "LanhDaoBeta2026!x");
        admin = loggedIn(ALPHA, "quantri", "MatKhauAlpha2026!");
        head = loggedIn(ALPHA, "lanhdao", "LanhDao2026!x");
        betaAdmin = loggedIn(BETA, "quantri", "MatKhauBeta2026!");
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.media.root", "target/test-media/" + databaseName);
    }

    private Browser loggedIn(String host, String user, String password) {
        return portals.loggedIn(host, user, password);
    }

    private String home(String host) {
        HttpResponse<String> page = new Browser(server.getPort(), host).get("/");
        assertEquals(200, page.statusCode());
        return page.body();
    }

    @Test
    @Order(1)
    void colourPairBelowAaContrastIsRefusedWithTheMeasuredRatioAndTheTypedValuesKept() {
        long id = openDraft(admin);
        HttpResponse<String> refused = save(admin, id, Map.of("v-textColor", "#777777", "v-backgroundColor", "#ffffff",
                "v-footerContact", "Số 1 Đường Thử"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(text(refused).contains("Độ tương phản 4,4:1 thấp hơn 4,5:1"), text(refused));
        assertTrue(refused.body().contains("value=\"#777777\""), "the typed colour is shown again");
        assertTrue(text(refused).contains("Số 1 Đường Thử"), "other typed values are kept");
    }

    @Test
    @Order(2)
    void previewShowsTheDraftOnlyToTheTenantsStaffAndNeverReachesThePublicPages() {
        long id = openDraft(admin);
        assertEquals(303, save(admin, id, Map.of("v-primaryColor", "#123f6e")).statusCode());
        HttpResponse<String> preview = admin.get("/quan-tri/giao-dien/" + id + "/xem-truoc");
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("--primaryColor: #123f6e"), preview.body());
        assertTrue(preview.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertTrue(text(preview).contains("Bản xem trước giao diện"));
        assertTrue(preview.body().contains("href=\"/quan-tri/giao-dien/" + id + "/xem-truoc?trang=/chuyen-muc/tin-hoat-dong\""),
                "links lead on through the preview");
        assertFalse(preview.body().contains("href=\"/chuyen-muc/"), "no link leaves the preview for the live section pages");
        HttpResponse<String> section = admin.get("/quan-tri/giao-dien/" + id + "/xem-truoc?trang=/chuyen-muc/tin-hoat-dong");
        assertEquals(200, section.statusCode());
        assertTrue(section.body().contains("--primaryColor: #123f6e"));

        assertFalse(home(ALPHA).contains("#123f6e"), "a draft never shows on the public page");
        assertEquals(303, new Browser(server.getPort(), ALPHA).get("/quan-tri/giao-dien/" + id + "/xem-truoc").statusCode(),
                "anonymous visitors are sent to the login form");
        HttpResponse<String> foreignCookie = betaAdmin.at(ALPHA).get("/quan-tri/giao-dien/" + id + "/xem-truoc");
        assertTrue(foreignCookie.statusCode() == 303 || foreignCookie.statusCode() == 401, "beta's session means nothing on alpha");
        assertEquals(404, betaAdmin.get("/quan-tri/giao-dien/" + id + "/xem-truoc").statusCode(),
                "alpha's version does not exist on beta's host");
        assertEquals(404, betaAdmin.get("/quan-tri/giao-dien/" + id).statusCode());
    }

    @Test
    @Order(2)
    void previewShowsEnglishAndContentKindPagesAndItsLinksStayInThePreview() {
        long id = openDraft(admin);
        assertEquals(303, save(admin, id, Map.of("v-primaryColor", "#123f6e")).statusCode());
        String preview = "/quan-tri/giao-dien/" + id + "/xem-truoc";
        for (String page : List.of("/en", "/van-ban", "/en/van-ban", "/du-thao", "/thu-tuc", "/en/thu-tuc", "/gioi-thieu",
                "/gioi-thieu/lanh-dao", "/en/gioi-thieu/danh-ba")) {
            HttpResponse<String> shown = admin.get(preview + "?trang=" + page);
            assertEquals(200, shown.statusCode(), page + "\n" + shown.body());
            assertTrue(shown.body().contains("--primaryColor: #123f6e"), page + " in the draft's colours");
            assertTrue(text(shown).contains("Bản xem trước giao diện"), page);
            assertEquals(page.startsWith("/en") ? "en" : "vi", shown.headers().firstValue("Content-Language").orElse(""), page);
            assertTrue(shown.headers().firstValue("Cache-Control").orElse("").contains("no-store"), page);
            Document doc = Jsoup.parse(shown.body());
            List<String> leaving = doc.select("a[href]").eachAttr("href").stream()
                    .filter(h -> h.matches("/(en|van-ban|du-thao|thu-tuc|gioi-thieu|chuyen-muc|bai-viet)([/?].*)?") || h.equals("/"))
                    // the footer's subscription form is a form, not a page the preview shows (like the Q&A form)
                    .filter(h -> !h.matches("(/en)?/dang-ky-nhan-tin"))
                    .toList();
            assertEquals(List.of(), leaving, page + ": links to public pages lead on through the preview");
        }
        HttpResponse<String> english = admin.get(preview + "?trang=/en");
        assertTrue(english.body().contains("href=\"" + preview + "?trang=/en/van-ban\""), "the English footer's documents link");
        assertTrue(english.body().contains("href=\"" + preview + "?trang=/\""), "the language switch back to Vietnamese");
        HttpResponse<String> filtered = admin.get(preview + "?trang=/thu-tuc%3Fmuc-do%3D4");
        assertEquals(200, filtered.statusCode(), "a filtered list: the query travels inside trang");
        assertEquals(404, admin.get(preview + "?trang=/thu-tuc%3Fmuc-do%3D9").statusCode(), "a bad filter value is no page, as on the public site");
        Document procedures = Jsoup.parse(admin.get(preview + "?trang=/thu-tuc").body());
        assertEquals(preview, procedures.selectFirst("form.filters").attr("action"), "the filter form is sent to the preview");
        assertEquals("/thu-tuc", procedures.selectFirst("form.filters input[type=hidden][name=trang]").attr("value"));
        assertEquals(200, admin.get(preview + "?trang=/thu-tuc&muc-do=4&linh-vuc=&don-vi=").statusCode(), "as the filter form sends it");
        assertEquals(404, admin.get(preview + "?trang=/thu-tuc&muc-do=9").statusCode());
        assertEquals(404, admin.get(preview + "?trang=/gioi-thieu/khong-co").statusCode());
        assertEquals(404, admin.get(preview + "?trang=https://example.com/").statusCode(), "only this portal's own pages");
        assertEquals(404, betaAdmin.get(preview + "?trang=/van-ban").statusCode(), "alpha's version does not exist on beta's host");
        assertFalse(new Browser(server.getPort(), ALPHA).get("/van-ban").body().contains("#123f6e"), "the public page keeps the live look");
    }

    @Test
    @Order(2)
    void colourPickerSetsTheColourWhenTheTypedTextIsLeftAsItWasAndIsCheckedForContrast() {
        long id = openDraft(admin);
        assertEquals(303, save(admin, id, Map.of("v-primaryColor", "#123f6e", "v-textColor", "#1a1a1a")).statusCode());
        HttpResponse<String> form = admin.get("/quan-tri/giao-dien/" + id);
        Document doc = Jsoup.parse(form.body());
        assertEquals("#123f6e", doc.selectFirst("input[type=color]#v-primaryColor-picker").attr("value"), "the picker shows the colour");
        assertFalse(doc.select("label[for=v-primaryColor-picker]").isEmpty(), "the picker has its own label");
        assertEquals("#123f6e", doc.selectFirst("input[type=hidden][name=v-primaryColor-was]").attr("value"));

        assertEquals(303, save(admin, id, Map.of("v-primaryColor-picker", "#224466")).statusCode());
        assertEquals("#224466", colour(id, "v-primaryColor"), "text untouched, picker moved: the picker's colour");
        assertEquals(303, save(admin, id, Map.of("v-primaryColor", "#0b3d91", "v-primaryColor-picker", "#aa0000")).statusCode());
        assertEquals("#0b3d91", colour(id, "v-primaryColor"), "both changed: what was typed wins");

        HttpResponse<String> refused = save(admin, id, Map.of("v-textColor-picker", "#777777", "v-backgroundColor", "#ffffff"));
        assertEquals(400, refused.statusCode(), "a picked colour is checked like a typed one");
        assertTrue(text(refused).contains("4,4:1"), text(refused));
        assertEquals("#777777", Jsoup.parse(refused.body()).selectFirst("input#v-textColor").attr("value"), "the picked colour is kept");
    }

    private String colour(long id, String field) {
        return Jsoup.parse(admin.get("/quan-tri/giao-dien/" + id).body()).selectFirst("input#" + field).attr("value");
    }

    @Test
    @Order(3)
    void submittedVersionWaitsForTheHeadWhoApprovesItAndThePublicPageChangesOnlyForThisTenant() {
        String betaBefore = home(BETA);
        long id = openDraft(admin);
        assertEquals(303, save(admin, id, Map.of("v-primaryColor", "#123f6e", "v-headerText", "Cổng của Alpha")).statusCode());
        assertEquals(303, press(admin, id, "gui-duyet", Map.of()).statusCode());
        assertEquals(403, press(admin, id, "duyet", Map.of()).statusCode(), "a tenant admin cannot approve");
        String betaToken = csrfToken(betaHead.get("/quan-tri/giao-dien"));
        assertEquals(404, betaHead.postForm("/quan-tri/giao-dien/" + id + "/duyet", Map.of("csrfToken", betaToken)).statusCode(),
                "beta's head cannot approve alpha's version: it does not exist in beta");
        assertFalse(home(ALPHA).contains("#123f6e"), "not live before approval");

        HttpResponse<String> approved = press(head, id, "duyet", Map.of("note", "Đồng ý"));
        assertEquals(303, approved.statusCode(), approved.body());
        String alphaHome = home(ALPHA);
        assertTrue(alphaHome.contains("--primaryColor: #123f6e"), alphaHome);
        assertTrue(alphaHome.contains("Cổng của Alpha"));
        assertEquals(betaBefore, home(BETA), "beta's pages do not change");
        assertTrue(auditActions().containsAll(List.of("theme.draft", "theme.save", "theme.submit", "theme.approve")), auditActions().toString());
    }

    @Test
    @Order(4)
    void headReturnsAVersionWithANoteAndTheAdminCanEditItAgain() {
        long id = openDraft(admin);
        assertEquals(303, save(admin, id, Map.of("v-primaryColor", "#5a1e6e")).statusCode());
        assertEquals(303, press(admin, id, "gui-duyet", Map.of()).statusCode());
        assertEquals(400, press(head, id, "tra-lai", Map.of("note", " ")).statusCode(), "a return needs a reason");
        assertEquals(303, press(head, id, "tra-lai", Map.of("note", "Màu chưa hợp")).statusCode());
        HttpResponse<String> page = admin.get("/quan-tri/giao-dien/" + id);
        assertTrue(text(page).contains("Bị trả lại"));
        assertTrue(text(page).contains("Màu chưa hợp"));
        HttpResponse<String> again = save(admin, id, Map.of("v-primaryColor", "#0d5c46"));
        assertEquals(303, again.statusCode(), "a returned version is editable again: " + text(again));
    }

    @Test
    @Order(5)
    void tenantAdminRollsBackToAnEarlierApprovedVersionWithoutANewApproval() throws Exception {
        long second = openDraft(admin);
        assertEquals(303, press(admin, second, "gui-duyet", Map.of()).statusCode());
        assertEquals(303, press(head, second, "duyet", Map.of()).statusCode());
        assertTrue(home(ALPHA).contains("--primaryColor: #0d5c46"));
        long first;
        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT id FROM t_alpha.theme_versions WHERE theme_values->>'primaryColor' = '#123f6e' AND state = 'approved'")) {
            assertTrue(rs.next());
            first = rs.getLong(1);
        }
        HttpResponse<String> rolledBack = press(admin, first, "khoi-phuc", Map.of());
        assertEquals(303, rolledBack.statusCode(), rolledBack.body());
        assertTrue(home(ALPHA).contains("--primaryColor: #123f6e"), "the earlier version is live again");
        assertEquals(409, press(admin, first, "khoi-phuc", Map.of()).statusCode(), "the live version cannot be rolled back to");
        assertTrue(auditActions().contains("theme.rollback"));
    }

    @Test
    @Order(6)
    void uploadedLogoIsResizedStoredForThisTenantOnlyAndCachedForAYear() throws Exception {
        long id = openDraft(admin);
        HttpResponse<String> page = admin.get("/quan-tri/giao-dien/" + id);
        String token = csrfToken(page);
        HttpResponse<String> refused = upload(id, token, "logo", "logo.png", "%PDF-1.7 not a picture".getBytes());
        assertEquals(400, refused.statusCode());
        assertTrue(text(refused).contains("không phải ảnh"), text(refused));

        java.awt.image.BufferedImage big = new java.awt.image.BufferedImage(2000, 1000, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(big, "png", png);
        assertEquals(303, upload(id, token, "logo", "logo.png", png.toByteArray()).statusCode());
        String logo = Jsoup.parse(admin.get("/quan-tri/giao-dien/" + id).body()).selectFirst("input[name=v-logo]").attr("value");
        assertTrue(logo.matches("/media/[0-9]{4}/[a-z0-9-]+\\.jpg"), logo);
        HttpResponse<byte[]> file = new Browser(server.getPort(), ALPHA).getBytes(logo, Map.of());
        assertEquals(200, file.statusCode());
        assertEquals("public, max-age=31536000, immutable", file.headers().firstValue("Cache-Control").orElse(""));
        var stored = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(file.body()));
        assertEquals(512, stored.getWidth(), "resized into the logo box (800×256)");
        assertEquals(404, new Browser(server.getPort(), BETA).getBytes(logo, Map.of()).statusCode(), "not on beta's host");
    }

    @Test
    @Order(7)
    void themeFilesAreServedUnderTheirFingerprintForAYear() {
        String home = home(ALPHA);
        String css = Jsoup.parse(home).select("link[rel=stylesheet]").last().attr("href");
        assertTrue(css.matches("/static/[a-z]+/[0-9a-f]{12}/css/theme.css"), css);
        HttpResponse<byte[]> file = new Browser(server.getPort(), ALPHA).getBytes(css, Map.of());
        assertEquals(200, file.statusCode());
        assertEquals("public, max-age=31536000, immutable", file.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<byte[]> borrowed = new Browser(server.getPort(), ALPHA)
                .getBytes("/static/classic/" + themes.get("classic").fingerprint() + "/img/emblem.svg", Map.of());
        assertEquals(200, borrowed.statusCode(), "a theme serves the default theme's files it does not replace");
    }

    private HttpResponse<String> upload(long id, String token, String target, String name, byte[] bytes) {
        String boundary = "----cong" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> w = t -> body.writeBytes(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        w.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n" + token + "\r\n");
        w.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"target\"\r\n\r\n" + target + "\r\n");
        w.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: image/png\r\n\r\n");
        body.writeBytes(bytes);
        w.accept("\r\n--" + boundary + "--\r\n");
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.getPort()
                            + "/quan-tri/giao-dien/" + id + "/anh"))
                    .header("Host", ALPHA).header("Origin", "http://" + ALPHA)
                    .header("Cookie", "CONG_SESSION=" + admin.cookies().get("CONG_SESSION"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(8)
    void otherTenantsAdminCannotListApproveOrRollBackThisTenantsVersions() {
        HttpResponse<String> list = betaAdmin.get("/quan-tri/giao-dien");
        assertEquals(200, list.statusCode());
        assertFalse(list.body().contains("#123f6e"));
        assertTrue(text(list).contains("Chưa có phiên bản nào"), text(list));
    }

    @Test
    @Order(9)
    void pickingAnotherThemeStartsFromItsColoursAndKeepsTextsAndImages() {
        long id = openDraft(admin);
        assertEquals(303, save(admin, id, Map.of("theme", "modern", "v-primaryColor", "#222222", "v-footerContact", "Hộp thư 12")).statusCode());
        var page = Jsoup.parse(admin.get("/quan-tri/giao-dien/" + id).body());
        assertEquals("modern", page.selectFirst("#theme option[selected]").attr("value"));
        assertEquals("#0b6e4f", page.selectFirst("#v-primaryColor").attr("value"), "modern's own primary colour");
        assertEquals("Hộp thư 12", page.selectFirst("#v-footerContact").wholeText());
        assertEquals("mega", page.selectFirst("#v-menuLayout option[selected]").attr("value"));
        HttpResponse<String> preview = admin.get("/quan-tri/giao-dien/" + id + "/xem-truoc");
        assertTrue(preview.body().contains("/static/modern/"), "the preview uses the picked theme's files");
        assertTrue(preview.body().contains("menu-mega"));
    }

    @Test
    @Order(10)
    void nobodyApprovesTheVersionTheySubmittedThemselves() {
        accounts.create(registry.findByCode("alpha").orElseThrow(), 1,
                new AccountDetails("kiemnhiem", "kiemnhiem@alpha.vn", "Kiêm Nhiệm", "Văn phòng", "", ""),
                Set.of(Role.HEAD, Role.TENANT_ADMIN), "KiemNhiem2026!x").block();
        Browser both = loggedIn(ALPHA, "kiemnhiem", "KiemNhiem2026!x");
        long id = openDraft(both);
        assertEquals(303, press(both, id, "gui-duyet", Map.of()).statusCode());
        HttpResponse<String> own = press(both, id, "duyet", Map.of());
        assertEquals(409, own.statusCode());
        assertTrue(text(own).contains("Người gửi duyệt không tự duyệt"), text(own));
        assertEquals(303, press(head, id, "duyet", Map.of()).statusCode(), "another head may");
    }

    @Test
    @Order(11)
    void applyingTheManifestAgainKeepsTheApprovedLook() throws Exception {
        String live;
        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT theme_values->>'primaryColor' FROM t_alpha.theme_versions WHERE live")) {
            assertTrue(rs.next());
            live = rs.getString(1);
        }
        assertTrue(home(ALPHA).contains("--primaryColor: " + live));
        TestTenants.onboard(onboarding, "alpha"); // as at every start-up with TENANTS_DIR
        assertTrue(home(ALPHA).contains("--primaryColor: " + live), "the manifest's theme only applies until a version goes live");
    }

    @Test
    @Order(12)
    void twoHeadsApprovingAtOnceOneWinsTheOtherIsToldAndOneVersionIsLive() throws Exception {
        long id = openDraft(admin);
        assertEquals(303, press(admin, id, "gui-duyet", Map.of()).statusCode());
        var alpha = registry.findByCode("alpha").orElseThrow();
        long[] heads = new long[2];
        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT id FROM t_alpha.accounts WHERE username IN ('lanhdao', 'kiemnhiem') ORDER BY username")) {
            for (int i = 0; i < 2 && rs.next(); i++) {
                heads[i] = rs.getLong(1);
            }
        }
        List<String> outcomes = reactor.core.publisher.Flux.merge(
                        versions.approve(alpha, id, heads[0], "").map(v -> "approved").onErrorResume(vn.cong.themes.ThemeChangeRefused.class, e -> reactor.core.publisher.Mono.just(e.getMessage())),
                        versions.approve(alpha, id, heads[1], "").map(v -> "approved").onErrorResume(vn.cong.themes.ThemeChangeRefused.class, e -> reactor.core.publisher.Mono.just(e.getMessage())))
                .collectList().block();
        assertEquals(1, outcomes.stream().filter("approved"::equals).count(), outcomes.toString());
        assertTrue(outcomes.stream().anyMatch(o -> o.startsWith("Phiên bản này không còn chờ duyệt")), outcomes.toString());
        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FILTER (WHERE live), count(*) FILTER (WHERE id = " + id + " AND live) FROM t_alpha.theme_versions")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertEquals(1, rs.getInt(2));
        }
    }

    private List<String> auditActions() {
        List<String> actions = new ArrayList<>();
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery("SELECT action FROM t_alpha.audit_log WHERE action LIKE 'theme.%' ORDER BY id")) {
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return actions;
    }

    @Test
    @Order(13)
    void theMenuLeadsToRegistriesAndOutsideLinksOnceTheHeadApprovesIt() {
        long id = openDraft(admin);
        // an address that is not http(s) is refused with a message, and what was typed comes back
        HttpResponse<String> refused = save(admin, id, Map.of("menu-r-document-shown", "on", "menu-r-document-position", "1",
                "menu-x-1-labelVi", "Trang lạ", "menu-x-1-url", "javascript:alert(1)", "menu-x-1-shown", "on"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(text(refused).contains("cần tên (tối đa 60 ký tự) và địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://"), text(refused));
        assertTrue(refused.body().contains("value=\"javascript:alert(1)\""), "the typed address is shown again");

        assertEquals(303, save(admin, id, Map.of("menu-r-document-shown", "on", "menu-r-document-position", "1",
                "menu-x-1-labelVi", "Cổng Chính phủ", "menu-x-1-labelEn", "Government portal", "menu-x-1-url", "https://chinhphu.vn",
                "menu-x-1-shown", "on", "menu-x-1-position", "2")).statusCode());
        assertTrue(admin.get("/quan-tri/giao-dien/" + id).body().contains("value=\"https://chinhphu.vn\""), "the draft shows the link as saved");
        assertFalse(home(ALPHA).contains("href=\"https://chinhphu.vn\""), "not live before approval");
        assertEquals(303, press(admin, id, "gui-duyet", Map.of()).statusCode());
        assertEquals(303, press(head, id, "duyet", Map.of("note", "Đồng ý")).statusCode());

        var menu = org.jsoup.Jsoup.parse(home(ALPHA)).select("nav.main-nav > ul > li > a");
        List<String> hrefs = menu.eachAttr("href");
        int documents = hrefs.indexOf("/van-ban");
        assertTrue(documents > 0 && hrefs.indexOf("https://chinhphu.vn") == documents + 1, "the registry, then the link: " + hrefs);
        assertEquals("Văn bản", menu.get(documents).text());
        assertTrue(hrefs.contains("/chuyen-muc/tin-hoat-dong"), "sections the version did not hide stay: " + hrefs);
        var english = org.jsoup.Jsoup.parse(new Browser(server.getPort(), ALPHA).get("/en").body()).select("nav.main-nav > ul > li > a");
        assertEquals("/en/van-ban", english.get(documents).attr("href"));
        assertEquals("Government portal", english.get(documents + 1).text());
        assertFalse(home(BETA).contains("https://chinhphu.vn"), "beta's menu does not change");
    }

}
