package vn.cong.admin.themes;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.sections.Sections;
import vn.cong.testing.Browser;
import vn.cong.testing.MultipartPost;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.text;
import static vn.cong.admin.themes.ThemeForms.formWith;
import static vn.cong.admin.themes.ThemeForms.openDraft;

/**
 * The theme version form's menu and its image upload over HTTP: the order the form posts is the order saved, a
 * refused form (a bad link, a bad image, a bad value sent with an image) comes back exactly as typed, the upload
 * saves what was typed beside it, and another tenant's admin can change none of it.
 */
@MicronautTest(transactional = false)
class ThemeMenuFormTest extends PlatformTestSupport {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Sections sections;

    private TwoPortals portals;
    private Browser admin;
    private Browser betaAdmin;
    private long news;
    private long notices;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.media.root", "target/test-media/" + databaseName);
    }

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        sections.add(portals.alpha(), 1, new Sections.Fields("thong-bao", "Thông báo", "Notices", "", null)).block();
        admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        betaAdmin = portals.loggedIn(TwoPortals.BETA_HOST, "quantri", "MatKhauBeta2026!");
        Document form = Jsoup.parse(admin.get("/quan-tri/giao-dien/" + openDraft(admin)).body());
        news = sectionId(form, "Tin hoạt động");
        notices = sectionId(form, "Thông báo");
    }

    private static long sectionId(Document form, String name) {
        String field = form.select("#trinh-don li label").stream().filter(l -> l.text().equals(name)).findFirst().orElseThrow().attr("for");
        return Long.parseLong(field.replaceAll("\\D+", ""));
    }

    /** The menu rows' names in the order the form shows them, with whether each is ticked. */
    private static List<String> rows(String html) {
        return Jsoup.parse(html).select("#trinh-don > li").stream()
                .map(li -> (li.selectFirst("input[type=checkbox]").hasAttr("checked") ? "+" : "-") + li.attr("data-ordering-name"))
                .toList();
    }

    /** The form as shown, with no menu entry ticked or numbered, then {@code changes}: each test sets the whole menu. */
    private Map<String, String> menuFrom(long id, Map<String, String> changes) {
        Map<String, String> fields = formWith(admin.get("/quan-tri/giao-dien/" + id), Map.of());
        fields.keySet().removeIf(k -> k.startsWith("menu-") && (k.endsWith("-shown") || k.endsWith("-position")));
        fields.remove("file");
        fields.putAll(changes);
        return fields;
    }

    @Test
    void orderPostedIsTheOrderSavedAndARefusedLinkKeepsEveryTypedValueAndTheTypedOrder() {
        long id = openDraft(admin);
        Map<String, String> typed = new HashMap<>(Map.of(
                "menu-" + notices + "-shown", "on", "menu-" + notices + "-position", "1",
                "menu-r-document-shown", "on", "menu-r-document-position", "2",
                "menu-" + news + "-shown", "on", "menu-" + news + "-position", "3",
                "menu-x-1-shown", "on", "menu-x-1-position", "4", "menu-x-1-labelVi", "Cổng Chính phủ"));
        typed.put("menu-x-1-labelEn", "Government portal");
        typed.put("menu-x-1-url", "chinhphu.vn");
        typed.put("v-headerText", "Đầu trang đã gõ");
        HttpResponse<String> refused = admin.postForm("/quan-tri/giao-dien/" + id, menuFrom(id, typed));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(text(refused).contains("Liên kết «Cổng Chính phủ» cần tên (tối đa 60 ký tự) và địa chỉ đầy đủ"), text(refused));
        Document back = Jsoup.parse(refused.body());
        assertEquals("chinhphu.vn", back.selectFirst("#menu-x-1-url").attr("value"), "the typed address comes back");
        assertEquals("Government portal", back.selectFirst("#menu-x-1-labelEn").attr("value"));
        assertEquals("Đầu trang đã gõ", back.selectFirst("#v-headerText").wholeText(), "the other fields too");
        assertEquals(List.of("+Thông báo", "+Danh mục: Văn bản (/van-ban)", "+Tin hoạt động", "+Cổng Chính phủ"), rows(refused.body()).subList(0, 4),
                "the rows come back in the typed order");

        typed.put("menu-x-1-url", "https://chinhphu.vn");
        typed.remove("menu-" + news + "-shown");
        HttpResponse<String> saved = admin.postForm("/quan-tri/giao-dien/" + id, menuFrom(id, typed));
        assertEquals(303, saved.statusCode(), text(saved));
        List<String> shown = rows(admin.get("/quan-tri/giao-dien/" + id).body());
        assertEquals(List.of("+Thông báo", "+Danh mục: Văn bản (/van-ban)", "+Cổng Chính phủ", "-Tin hoạt động"), shown.subList(0, 4),
                "shown entries in the posted order, the section left unticked after them");
    }

    @Test
    void imageSentWithTheFormSavesWhatWasTypedBesideIt() throws Exception {
        long id = openDraft(admin);
        Map<String, String> fields = menuFrom(id, Map.of("v-headerText", "Cổng Alpha có logo", "target", "logo",
                "menu-r-questions-shown", "on", "menu-r-questions-position", "1"));
        HttpResponse<String> sent = MultipartPost.send(server.getPort(), TwoPortals.ALPHA_HOST, admin, "/quan-tri/giao-dien/" + id + "/anh",
                fields, "logo.png", png());
        assertEquals(303, sent.statusCode(), sent.body());
        HttpResponse<String> page = admin.get("/quan-tri/giao-dien/" + id + "?thongbao=anh");
        Document doc = Jsoup.parse(page.body());
        assertTrue(doc.selectFirst("input[name=v-logo]").attr("value").startsWith("/media/"), "the logo is in the draft");
        assertEquals("Cổng Alpha có logo", doc.selectFirst("#v-headerText").wholeText(), "what was typed is saved with it");
        assertEquals("+Danh mục: Hỏi – đáp (/hoi-dap)", rows(page.body()).get(0), "the menu as typed too");
    }

    @Test
    void refusedImageOrValueSentWithTheFormKeepsWhatWasTyped() throws Exception {
        long id = openDraft(admin);
        Map<String, String> fields = new HashMap<>(menuFrom(id, Map.of("v-headerText", "Chữ gõ trước khi tải ảnh", "target", "bannerImage",
                "menu-x-1-labelVi", "Trang liên kết", "menu-x-1-url", "https://example.vn/", "menu-x-1-shown", "on", "menu-x-1-position", "1")));
        HttpResponse<String> notAPicture = MultipartPost.send(server.getPort(), TwoPortals.ALPHA_HOST, admin,
                "/quan-tri/giao-dien/" + id + "/anh", fields, "banner.png", "%PDF-1.7 không phải ảnh".getBytes());
        assertEquals(400, notAPicture.statusCode());
        Document doc = Jsoup.parse(notAPicture.body());
        assertTrue(text(notAPicture).contains("không phải ảnh"), text(notAPicture));
        assertEquals("Chữ gõ trước khi tải ảnh", doc.selectFirst("#v-headerText").wholeText(), "typed text kept");
        assertEquals("https://example.vn/", doc.selectFirst("#menu-x-1-url").attr("value"), "typed link kept");
        assertEquals("+Trang liên kết", rows(notAPicture.body()).get(0), "typed order kept");

        fields.put("v-textColor", "#777777");
        fields.put("v-backgroundColor", "#ffffff");
        HttpResponse<String> badColour = MultipartPost.send(server.getPort(), TwoPortals.ALPHA_HOST, admin,
                "/quan-tri/giao-dien/" + id + "/anh", fields, "banner.png", png());
        assertEquals(400, badColour.statusCode(), "a good image does not let a bad value through");
        Document again = Jsoup.parse(badColour.body());
        assertTrue(text(badColour).contains("4,4:1"), text(badColour));
        assertEquals("#777777", again.selectFirst("#v-textColor").attr("value"));
        assertEquals("Chữ gõ trước khi tải ảnh", again.selectFirst("#v-headerText").wholeText());
        assertTrue(again.selectFirst("input[name=v-bannerImage]").attr("value").startsWith("/media/"),
                "the uploaded banner waits in the form for the next save");
        assertFalse(Jsoup.parse(admin.get("/quan-tri/giao-dien/" + id).body()).selectFirst("#v-headerText").wholeText()
                .equals("Chữ gõ trước khi tải ảnh"), "nothing was saved");
    }

    @Test
    void fieldsArrivingAfterTheFileAreSavedWithIt() throws Exception {
        long id = openDraft(admin);
        Map<String, String> fields = menuFrom(id, Map.of("v-headerText", "Gõ xong mới đến các ô sau tệp", "target", "logo"));
        HttpResponse<String> sent = MultipartPost.sendFileFirst(server.getPort(), TwoPortals.ALPHA_HOST, admin,
                "/quan-tri/giao-dien/" + id + "/anh", fields, "logo.png", png(), Duration.ofMillis(400));
        assertEquals(303, sent.statusCode(), "the token came after the file: " + sent.body());
        Document doc = Jsoup.parse(admin.get("/quan-tri/giao-dien/" + id).body());
        assertTrue(doc.selectFirst("input[name=v-logo]").attr("value").startsWith("/media/"), "the logo is in the draft");
        assertEquals("Gõ xong mới đến các ô sau tệp", doc.selectFirst("#v-headerText").wholeText(), "the fields after the file are saved");
    }

    @Test
    void aTooLargeImageComesBackWithEveryFieldTypedAfterIt() {
        long id = openDraft(admin);
        Map<String, String> fields = new HashMap<>(menuFrom(id, Map.of("v-headerText", "Chữ gõ cạnh ảnh quá lớn", "target", "bannerImage",
                "menu-x-1-labelVi", "Liên kết sau tệp", "menu-x-1-url", "https://example.vn/sau", "menu-x-1-shown", "on", "menu-x-1-position", "1")));
        byte[] big = new byte[6 * 1024 * 1024];
        new java.util.Random(7).nextBytes(big);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = MultipartPost.sendFileFirst(server.getPort(), TwoPortals.ALPHA_HOST, admin,
                    "/quan-tri/giao-dien/" + id + "/anh", fields, "banner.png", big, Duration.ZERO);
            assertEquals(400, refused.statusCode(), "the token came after the file: " + text(refused));
            Document doc = Jsoup.parse(refused.body());
            assertEquals("Chữ gõ cạnh ảnh quá lớn", doc.selectFirst("#v-headerText").wholeText(), "typed text kept");
            assertEquals("https://example.vn/sau", doc.selectFirst("#menu-x-1-url").attr("value"), "typed link kept");
        }
    }

    @Test
    void anUploadWithoutThisSessionsTokenIsRefusedAndChangesNothing() throws Exception {
        long id = openDraft(admin);
        String before = Jsoup.parse(admin.get("/quan-tri/giao-dien/" + id).body()).selectFirst("input[name=v-logo]").attr("value");
        Map<String, String> fields = new HashMap<>(menuFrom(id, Map.of("v-headerText", "Gửi với mã sai", "target", "logo")));
        fields.put("csrfToken", csrfToken(betaAdmin.get("/quan-tri/giao-dien")));
        assertEquals(403, MultipartPost.send(server.getPort(), TwoPortals.ALPHA_HOST, admin, "/quan-tri/giao-dien/" + id + "/anh",
                fields, "logo.png", png()).statusCode(), "another session's token");
        fields.remove("csrfToken");
        assertEquals(403, MultipartPost.sendFileFirst(server.getPort(), TwoPortals.ALPHA_HOST, admin, "/quan-tri/giao-dien/" + id + "/anh",
                fields, "logo.png", png(), Duration.ofMillis(100)).statusCode(), "no token at all");
        Document after = Jsoup.parse(admin.get("/quan-tri/giao-dien/" + id).body());
        assertEquals(before, after.selectFirst("input[name=v-logo]").attr("value"), "the logo is unchanged");
        assertFalse(after.selectFirst("#v-headerText").wholeText().contains("mã sai"), "nothing typed was saved");
    }

    @Test
    void anotherTenantsAdminCanChangeNeitherTheMenuNorTheImagesOfThisTenantsVersion() throws Exception {
        long id = openDraft(admin);
        HttpResponse<String> page = admin.get("/quan-tri/giao-dien/" + id);
        String before = String.join("|", rows(page.body()));
        Map<String, String> fields = formWith(page, Map.of("menu-r-document-shown", "on", "menu-r-document-position", "1",
                "v-headerText", "Sửa từ Beta"));
        fields.put("csrfToken", csrfToken(betaAdmin.get("/quan-tri/giao-dien")));
        fields.remove("file");
        assertEquals(404, betaAdmin.postForm("/quan-tri/giao-dien/" + id, fields).statusCode(), "alpha's version is not on beta's host");
        assertEquals(404, MultipartPost.send(server.getPort(), TwoPortals.BETA_HOST, betaAdmin, "/quan-tri/giao-dien/" + id + "/anh",
                fields, "logo.png", png()).statusCode());
        HttpResponse<String> foreignCookie = betaAdmin.at(TwoPortals.ALPHA_HOST).postForm("/quan-tri/giao-dien/" + id, fields);
        assertTrue(foreignCookie.statusCode() == 303 || foreignCookie.statusCode() == 401 || foreignCookie.statusCode() == 403,
                "beta's session means nothing on alpha's host: " + foreignCookie.statusCode());
        assertFalse(foreignCookie.headers().firstValue("Location").orElse("").contains("thongbao=luu"));
        HttpResponse<String> after = admin.get("/quan-tri/giao-dien/" + id);
        assertEquals(before, String.join("|", rows(after.body())), "alpha's menu is unchanged");
        assertFalse(after.body().contains("Sửa từ Beta"));
    }

    private static byte[] png() throws Exception {
        var image = new java.awt.image.BufferedImage(300, 120, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
