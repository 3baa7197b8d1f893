package vn.cong.admin.media;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.testing.Browser;
import vn.cong.testing.MultipartPost;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.text;

/**
 * The media library: pictures are uploaded once (with smaller copies for srcset), described, reused, never
 * deleted while something shows them, replaced under the same address; another tenant sees none of it.
 */
@MicronautTest(transactional = false)
class MediaLibraryTest extends PlatformTestSupport {

    private static final String ALPHA = TwoPortals.ALPHA_HOST;
    private static final String BETA = TwoPortals.BETA_HOST;
    private static final String LIBRARY = "/quan-tri/thu-vien";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;
    @Inject
    AccountAdministration accounts;

    private TwoPortals portals;
    private Browser editor;
    private Browser betaEditor;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.media.root", temporaryFolder("cong-media-library"));
    }

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        editor = portals.editor(portals.alpha());
        betaEditor = portals.editor(portals.beta());
    }

    @Test
    void anUploadedPictureGetsSmallerCopiesThatTheArticlePageOffersInSrcset() {
        String url = upload(editor, ALPHA, "cau-rong.jpg", jpeg(2000, 1000, Color.BLUE), "Cầu Rồng về đêm", "Ảnh: Trung tâm Thông tin");
        publish("cau-rong-ve-dem", "Cầu Rồng về đêm", "<p>Ảnh minh hoạ.</p><p><img src=\"" + url + "\" alt=\"Cầu Rồng về đêm\"></p>", url);

        Document page = Jsoup.parse(portals.browser(ALPHA).get("/bai-viet/cau-rong-ve-dem").body());
        Element inBody = page.selectFirst(".prose img");
        String stem = url.substring(0, url.length() - ".jpg".length());
        assertEquals(stem + "-w480.jpg 480w, " + stem + "-w960.jpg 960w, " + stem + "-w1600.jpg 1600w, " + url + " 2000w",
                inBody.attr("srcset"));
        assertFalse(inBody.attr("sizes").isBlank());
        assertEquals(inBody.attr("srcset"), page.selectFirst(".article-cover img").attr("srcset"), "the cover offers the same sizes");

        HttpResponse<byte[]> copy = portals.browser(ALPHA).getBytes(stem + "-w480.jpg", Map.of());
        assertEquals(200, copy.statusCode());
        assertEquals("image/jpeg", copy.headers().firstValue("Content-Type").orElse(""));
        assertEquals(480, read(copy.body()).getWidth());
        assertEquals(240, read(copy.body()).getHeight());
    }

    @Test
    void aPictureIsFoundByItsDescriptionAndOfferedToTheEditorForReuse() {
        String url = upload(editor, ALPHA, "hoi-thao.png", png(300, 200), "Hội thảo chuyển đổi số tại Hà Nội", "Ngày 12/3");
        Document found = Jsoup.parse(editor.get(LIBRARY + "?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i").body());
        assertEquals(1, found.select(".media-grid li").size(), found.select(".media-grid").text());
        assertEquals("Hội thảo chuyển đổi số tại Hà Nội", found.selectFirst(".media-grid img").attr("alt"));
        assertTrue(Jsoup.parse(editor.get(LIBRARY + "?q=kh%C3%B4ng-c%C3%B3").body()).select(".media-grid li").isEmpty());

        String choices = editor.get(LIBRARY + "/anh.json").body();
        assertTrue(choices.contains("\"value\":\"" + url + "\""), choices);
        assertTrue(choices.contains("Hội thảo chuyển đổi số tại Hà Nội"), choices);

        publish("hoi-thao-mot", "Hội thảo, bài một", "<p><img src=\"" + url + "\" alt=\"Hội thảo\"></p>", null);
        publish("hoi-thao-hai", "Hội thảo, bài hai", "<p><img src=\"" + url + "\" alt=\"Hội thảo\"></p>", null);
        Document file = Jsoup.parse(editor.get(LIBRARY + "/" + mediaId(url)).body());
        assertEquals(2, file.select("ul.usage li").size(), file.select("ul.usage").text());
        assertTrue(file.select("ul.usage").text().contains("«Hội thảo, bài một» (đang đăng trên cổng)"), file.select("ul.usage").text());
        assertTrue(file.select("ul.usage").text().contains("«Hội thảo, bài hai»"), file.select("ul.usage").text());
    }

    @Test
    void aFileInUseIsNotDeletedAndTheMessageSaysWhere() {
        String url = upload(editor, ALPHA, "dang-dung.jpg", jpeg(400, 300, Color.RED), "Ảnh đang dùng", "");
        long draft = publishing.saveDraft(portals.alpha(), Draft.article(null, "vi", "ban-nhap-co-anh", "Bản nháp có ảnh", "",
                "<p><img src=\"" + url + "\" alt=\"Ảnh\"></p>", portals.editorId(portals.alpha()))).block().id();
        long id = mediaId(url);

        HttpResponse<String> refused = post(editor, LIBRARY + "/" + id + "/xoa", Map.of());
        assertEquals(409, refused.statusCode());
        assertTrue(text(refused).contains("Không xoá được «dang-dung.jpg» vì tệp đang được dùng ở: «Bản nháp có ảnh» (bản đang soạn)"),
                text(refused));
        assertEquals(200, portals.browser(ALPHA).getBytes(url, Map.of()).statusCode(), "the file is still served");

        String unused = upload(editor, ALPHA, "khong-dung.jpg", jpeg(900, 600, Color.GREEN), "", "");
        assertEquals(303, post(editor, LIBRARY + "/" + mediaId(unused) + "/xoa", Map.of()).statusCode());
        assertEquals(404, portals.browser(ALPHA).getBytes(unused, Map.of()).statusCode());
        assertEquals(404, portals.browser(ALPHA).getBytes(unused.replace(".jpg", "-w480.jpg"), Map.of()).statusCode(), "its copies went too");
        assertTrue(draft > 0);
    }

    @Test
    void replacingAFileKeepsItsAddressAndRefreshesThePublishedItemsThatShowIt() {
        String url = upload(editor, ALPHA, "bieu-do.jpg", jpeg(1200, 800, Color.ORANGE), "Biểu đồ ngân sách", "");
        long item = publish("bieu-do-ngan-sach", "Biểu đồ ngân sách", "<p><img src=\"" + url + "\" alt=\"Biểu đồ\"></p>", null);
        String before = Jsoup.parse(portals.browser(ALPHA).get("/bai-viet/bieu-do-ngan-sach").body()).selectFirst(".prose img").attr("src");
        assertEquals(url, before);
        long id = mediaId(url);

        HttpResponse<String> wrongType = replace(editor, id, "bieu-do.png", png(100, 100));
        assertEquals(400, wrongType.statusCode());
        assertTrue(text(wrongType).contains("cùng loại"), text(wrongType));

        byte[] next = jpeg(1000, 500, Color.MAGENTA);
        assertEquals(303, replace(editor, id, "bieu-do-moi.jpg", next).statusCode());

        HttpResponse<byte[]> served = portals.browser(ALPHA).getBytes(url, Map.of());
        assertEquals(200, served.statusCode());
        assertArrayEquals(next, served.body(), "the same address serves the new bytes");
        assertEquals("public, no-cache", served.headers().firstValue("Cache-Control").orElse(""));
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, portals.browser(ALPHA).getBytes(url, Map.of("If-None-Match", etag)).statusCode());

        Element img = Jsoup.parse(portals.browser(ALPHA).get("/bai-viet/bieu-do-ngan-sach").body()).selectFirst(".prose img");
        assertTrue(img.attr("src").startsWith(url + "?v="), "the page names the new bytes: " + img.attr("src"));
        assertTrue(img.attr("srcset").endsWith(" 1000w"), img.attr("srcset"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.content_events WHERE item_id = " + item
                + " AND comment = 'Thay tệp «bieu-do.jpg» (giữ nguyên địa chỉ)' AND content_hash IS NOT NULL"), "fingerprinted with an event");
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'media.replaced' AND details->>'media' = '"
                + id + "'"));
    }

    @Test
    void onlyEditorRolesReplaceOrDeleteFiles() {
        accounts.create(portals.alpha(), 1, new AccountDetails("ctv", "ctv@alpha.vn", "Cộng Tác Viên", "Phòng A", "", ""),
                Set.of(Role.CONTRIBUTOR), "CongTac2026!x").block();
        Browser contributor = portals.loggedIn(ALPHA, "ctv", "CongTac2026!x");
        String url = upload(contributor, ALPHA, "cong-tac.jpg", jpeg(200, 100, Color.GRAY), "Ảnh cộng tác viên", "");
        long id = mediaId(url);
        assertEquals(403, replace(contributor, id, "khac.jpg", jpeg(200, 100, Color.BLACK)).statusCode());
        assertEquals(403, post(contributor, LIBRARY + "/" + id + "/xoa", Map.of()).statusCode());
        assertEquals(200, portals.browser(ALPHA).getBytes(url, Map.of()).statusCode());
    }

    @Test
    void aDescriptionTooLongIsRefusedAndWhatWasTypedIsKept() {
        String url = upload(editor, ALPHA, "mo-ta.jpg", jpeg(200, 100, Color.CYAN), "", "");
        String longText = "Ảnh ".repeat(200);
        HttpResponse<String> refused = post(editor, LIBRARY + "/" + mediaId(url), Map.of("altText", longText, "caption", "Chú thích giữ lại"));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.select(".field-error").text().contains("Mô tả ảnh dài quá 500 ký tự."));
        assertEquals("Chú thích giữ lại", page.selectFirst("input[name=caption]").attr("value"));
        assertEquals(303, post(editor, LIBRARY + "/" + mediaId(url), Map.of("altText", "Mô tả mới", "caption", "")).statusCode());
        assertEquals("Mô tả mới", Jsoup.parse(editor.get(LIBRARY + "/" + mediaId(url)).body()).selectFirst("input[name=altText]").attr("value"));
    }

    @Test
    void anotherTenantCannotListSeeChangeOrDeleteTheFiles() {
        String url = upload(editor, ALPHA, "rieng-alpha.jpg", jpeg(640, 480, Color.PINK), "Ảnh riêng của Alpha", "");
        long id = mediaId(url);

        assertFalse(betaEditor.get(LIBRARY).body().contains("rieng-alpha.jpg"));
        assertFalse(betaEditor.get(LIBRARY + "?q=rieng").body().contains(url));
        assertFalse(betaEditor.get(LIBRARY + "/anh.json").body().contains(url));
        assertEquals(404, betaEditor.get(LIBRARY + "/" + id).statusCode());
        assertEquals(404, post(betaEditor, LIBRARY + "/" + id, Map.of("altText", "đổi", "caption", "")).statusCode());
        assertEquals(404, post(betaEditor, LIBRARY + "/" + id + "/xoa", Map.of()).statusCode());
        assertEquals(404, MultipartPost.send(server.getPort(), BETA, betaEditor, LIBRARY + "/" + id + "/thay",
                Map.of("csrfToken", csrfToken(betaEditor.get(LIBRARY))), "x.jpg", jpeg(10, 10, Color.BLACK)).statusCode());
        assertEquals(404, portals.browser(BETA).getBytes(url, Map.of()).statusCode(), "alpha's file is not on beta's host");

        Browser alphaSessionOnBeta = editor.at(BETA);
        assertNotEquals(200, alphaSessionOnBeta.get(LIBRARY + "/anh.json").statusCode(), "an alpha session opens nothing on beta");
        assertEquals("Ảnh riêng của Alpha", Jsoup.parse(editor.get(LIBRARY + "/" + id).body()).selectFirst("input[name=altText]").attr("value"));
        assertEquals(200, portals.browser(ALPHA).getBytes(url, Map.of()).statusCode());
    }

    private String upload(Browser b, String host, String name, byte[] bytes, String alt, String caption) {
        HttpResponse<String> saved = MultipartPost.send(server.getPort(), host, b, LIBRARY,
                Map.of("csrfToken", csrfToken(b.get(LIBRARY)), "altText", alt, "caption", caption), name, bytes);
        assertEquals(303, saved.statusCode(), saved.body());
        String location = saved.headers().firstValue("Location").orElseThrow();
        return Jsoup.parse(b.get(location.replace("?thongbao=tai", "")).body()).selectFirst(".facts code").text();
    }

    private HttpResponse<String> replace(Browser b, long id, String name, byte[] bytes) {
        return MultipartPost.send(server.getPort(), ALPHA, b, LIBRARY + "/" + id + "/thay",
                Map.of("csrfToken", csrfToken(b.get(LIBRARY))), name, bytes);
    }

    private HttpResponse<String> post(Browser b, String path, Map<String, String> fields) {
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.put("csrfToken", csrfToken(b.get(LIBRARY)));
        return b.postForm(path, form);
    }

    private long publish(String slug, String title, String body, String cover) {
        long actor = portals.editorId(portals.alpha());
        var saved = publishing.saveDraft(portals.alpha(), new Draft(null, 0, "article", null, "vi", slug, title, "", body,
                cover, cover == null ? null : title, null, false, actor)).block();
        publishing.publish(portals.alpha(), saved.id(), actor).block();
        return saved.id();
    }

    private long mediaId(String url) {
        return SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.media_files WHERE stored_path = '" + url.substring("/media/".length()) + "'");
    }

    private static byte[] jpeg(int w, int h, Color color) {
        return image(w, h, color, "jpg", BufferedImage.TYPE_INT_RGB);
    }

    private static byte[] png(int w, int h) {
        return image(w, h, Color.YELLOW, "png", BufferedImage.TYPE_INT_ARGB);
    }

    private static byte[] image(int w, int h, Color color, String format, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
