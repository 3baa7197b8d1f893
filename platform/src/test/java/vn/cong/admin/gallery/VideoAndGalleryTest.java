package vn.cong.admin.gallery;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.testing.Browser;
import vn.cong.testing.Mp4Fixture;
import vn.cong.testing.MultipartPost;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;

/**
 * Videos and photo galleries of articles: an MP4 (H.264, checked by its bytes) and WebVTT captions go into the media
 * library, the video is served in byte ranges, and an article shows its video (poster, captions, no autoplay, a
 * download link) and its gallery (figures with srcset, alt text and captions); another tenant sees and uses none of it.
 */
@MicronautTest(transactional = false)
class VideoAndGalleryTest extends PlatformTestSupport {

    private static final String ALPHA = TwoPortals.ALPHA_HOST;
    private static final String BETA = TwoPortals.BETA_HOST;
    private static final String LIBRARY = "/quan-tri/thu-vien";
    private static final String VTT_VI = "WEBVTT\n\n00:00.000 --> 00:02.000\nToàn cảnh hội nghị chuyển đổi số\n";
    private static final String VTT_EN = "WEBVTT\n\n00:00.000 --> 00:02.000\nThe digital transformation conference\n";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;

    private TwoPortals portals;
    private Browser editor;
    private Browser betaEditor;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.media.root", temporaryFolder("cong-media-video"),
                    "cong.media.video-max-bytes", "200000");
    }

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        editor = portals.editor(portals.alpha());
        betaEditor = portals.editor(portals.beta());
    }

    @Test
    void aVideoIsServedInByteRanges() {
        byte[] mp4 = Mp4Fixture.h264(5000);
        String url = upload(editor, ALPHA, "hoi-nghi.mp4", mp4);
        Browser reader = portals.browser(ALPHA);

        HttpResponse<byte[]> whole = reader.getBytes(url, Map.of());
        assertEquals(200, whole.statusCode());
        assertEquals("video/mp4", whole.headers().firstValue("Content-Type").orElse(""));
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals(String.valueOf(mp4.length), whole.headers().firstValue("Content-Length").orElse(""));
        assertTrue(whole.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"));
        assertArrayEquals(mp4, whole.body());

        HttpResponse<byte[]> part = reader.getBytes(url, Map.of("Range", "bytes=1000-1099"));
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-1099/" + mp4.length, part.headers().firstValue("Content-Range").orElse(""));
        assertEquals("100", part.headers().firstValue("Content-Length").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(mp4, 1000, 1100), part.body());

        HttpResponse<byte[]> suffix = reader.getBytes(url, Map.of("Range", "bytes=-300"));
        assertEquals(206, suffix.statusCode());
        assertEquals("bytes " + (mp4.length - 300) + "-" + (mp4.length - 1) + "/" + mp4.length,
                suffix.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(mp4, mp4.length - 300, mp4.length), suffix.body());

        HttpResponse<byte[]> open = reader.getBytes(url, Map.of("Range", "bytes=" + (mp4.length - 10) + "-"));
        assertEquals(206, open.statusCode());
        assertArrayEquals(Arrays.copyOfRange(mp4, mp4.length - 10, mp4.length), open.body());
    }

    @Test
    void anUnsatisfiableRangeAnswers416AndSeveralRangesTheWholeFile() {
        byte[] mp4 = Mp4Fixture.h264(2000);
        String url = upload(editor, ALPHA, "ngan.mp4", mp4);
        Browser reader = portals.browser(ALPHA);

        HttpResponse<byte[]> past = reader.getBytes(url, Map.of("Range", "bytes=" + mp4.length + "-"));
        assertEquals(416, past.statusCode());
        assertEquals("bytes */" + mp4.length, past.headers().firstValue("Content-Range").orElse(""));

        HttpResponse<byte[]> several = reader.getBytes(url, Map.of("Range", "bytes=0-9,20-29"));
        assertEquals(200, several.statusCode(), "a multipart answer is not made: the whole file is sent (RFC 9110 §14.2)");
        assertArrayEquals(mp4, several.body());

        HttpResponse<byte[]> malformed = reader.getBytes(url, Map.of("Range", "bytes=50-10"));
        assertEquals(200, malformed.statusCode());
        assertArrayEquals(mp4, malformed.body());

        HttpResponse<byte[]> otherTag = reader.getBytes(url, Map.of("Range", "bytes=0-9", "If-Range", "\"autre\""));
        assertEquals(200, otherTag.statusCode(), "If-Range with another tag asks for the whole file");
    }

    @Test
    void headAnswersTheHeadersOfTheWholeFile() {
        byte[] mp4 = Mp4Fixture.h264(3000);
        String url = upload(editor, ALPHA, "dau.mp4", mp4);
        HttpResponse<byte[]> head = portals.browser(ALPHA).head(url);
        assertEquals(200, head.statusCode());
        assertEquals("video/mp4", head.headers().firstValue("Content-Type").orElse(""), head.headers().map().toString());
        assertEquals("bytes", head.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals(String.valueOf(mp4.length), head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(0, head.body().length);
    }

    @Test
    void aFileThatIsNotAnH264Mp4IsRefusedWhateverItsName() {
        HttpResponse<String> picture = post(editor, "hinh-doi-ten.mp4", png(40, 30, Color.RED));
        assertEquals(400, picture.statusCode());
        assertTrue(text(picture).contains("không khớp với phần mở rộng .mp4"), text(picture));

        HttpResponse<String> textFile = post(editor, "gia-mao.mp4", "not a video at all".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, textFile.statusCode());
        assertTrue(text(textFile).contains("Không nhận ra loại tệp"), text(textFile));

        HttpResponse<String> hevc = post(editor, "hevc.mp4", Mp4Fixture.mp4("isom", "hvc1", 100));
        assertEquals(400, hevc.statusCode());
        assertTrue(text(hevc).contains("không có hình H.264"), text(hevc));

        HttpResponse<String> tooLarge = post(editor, "dai.mp4", Mp4Fixture.h264(250_000));
        assertEquals(400, tooLarge.statusCode());
        assertTrue(text(tooLarge).contains("quá lớn"), text(tooLarge));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.media_files WHERE original_name IN "
                + "('hinh-doi-ten.mp4', 'gia-mao.mp4', 'hevc.mp4', 'dai.mp4')"));
    }

    @Test
    void captionsMustBeWebVtt() {
        HttpResponse<String> srt = post(editor, "phu-de.vtt", "1\n00:00:00,000 --> 00:00:02,000\nXin chào\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, srt.statusCode());
        assertTrue(text(srt).contains("Không nhận ra loại tệp"), text(srt));

        String url = upload(editor, ALPHA, "phu-de-dung.vtt", VTT_VI.getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> served = portals.browser(ALPHA).getBytes(url, Map.of());
        assertEquals("text/vtt", served.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(VTT_VI, new String(served.body(), StandardCharsets.UTF_8));
    }

    @Test
    void theArticlePageShowsTheVideoWithPosterCaptionsAndNoAutoplayAndTheGalleryWithSrcset() {
        long article = publish("hoi-nghi-chuyen-doi-so", "Hội nghị chuyển đổi số", "vi");
        String video = upload(editor, ALPHA, "hoi-nghi-video.mp4", Mp4Fixture.h264(4000));
        long videoId = mediaId(video);
        long poster = mediaId(upload(editor, ALPHA, "anh-xem-truoc.png", png(640, 360, Color.BLUE)));
        long vi = mediaId(upload(editor, ALPHA, "phu-de-vi.vtt", VTT_VI.getBytes(StandardCharsets.UTF_8)));
        long en = mediaId(upload(editor, ALPHA, "phu-de-en.vtt", VTT_EN.getBytes(StandardCharsets.UTF_8)));
        String first = upload(editor, ALPHA, "toan-canh.jpg", jpeg(1200, 800, Color.GREEN));
        String second = upload(editor, ALPHA, "dai-bieu.jpg", jpeg(1200, 800, Color.ORANGE));

        assertEquals(303, form(editor, article, "/video", Map.of("videoId", String.valueOf(videoId), "posterId", String.valueOf(poster),
                "captionsViId", String.valueOf(vi), "captionsEnId", String.valueOf(en), "title", "Toàn cảnh hội nghị")).statusCode());
        assertEquals(303, form(editor, article, "/anh", Map.of("mediaId", String.valueOf(mediaId(first)),
                "altText", "Toàn cảnh hội trường", "caption", "Hội nghị sáng 12/3")).statusCode());
        assertEquals(303, form(editor, article, "/anh", Map.of("mediaId", String.valueOf(mediaId(second)),
                "altText", "Các đại biểu phát biểu", "caption", "")).statusCode());

        Document page = Jsoup.parse(portals.browser(ALPHA).get("/bai-viet/hoi-nghi-chuyen-doi-so").body());
        Element player = page.selectFirst("figure.article-video video");
        assertTrue(player.hasAttr("controls"));
        assertEquals("metadata", player.attr("preload"));
        assertFalse(player.hasAttr("autoplay"), "nothing plays by itself");
        assertTrue(player.attr("poster").startsWith("/media/"));
        assertEquals("Toàn cảnh hội nghị", player.attr("aria-label"));
        assertEquals(video, player.selectFirst("source[type=video/mp4]").attr("src"));
        assertEquals(List.of("vi", "en"), player.select("track[kind=captions]").eachAttr("srclang"));
        assertEquals("Tải video về (MP4, 4,3 KB)", page.selectFirst("figure.article-video a[download]").text().replaceAll("\\s+", " "));

        List<Element> figures = page.select("section.gallery figure");
        assertEquals(2, figures.size());
        Element img = figures.get(0).selectFirst("img");
        assertEquals("Toàn cảnh hội trường", img.attr("alt"));
        String stem = first.substring(0, first.length() - ".jpg".length());
        assertTrue(img.attr("srcset").startsWith(stem + "-w480.jpg 480w, " + stem + "-w960.jpg 960w"), img.attr("srcset"));
        assertFalse(img.attr("sizes").isBlank());
        assertEquals("Hội nghị sáng 12/3", figures.get(0).selectFirst("figcaption").text());
        assertNull(figures.get(1).selectFirst("figcaption"), "no empty caption");
        assertEquals("Bộ ảnh", page.selectFirst("section.gallery h2").text());

        Document library = Jsoup.parse(editor.get(LIBRARY + "/" + mediaId(first)).body());
        assertTrue(library.select("ul.usage").text().contains("bộ ảnh của «Hội nghị chuyển đổi số»"), library.select("ul.usage").text());
        assertEquals(409, deleteMedia(editor, mediaId(first)).statusCode(), "a picture of a gallery is not deleted");
    }

    @Test
    void theEnglishArticleNamesTheGalleryInEnglish() {
        long article = publish("digital-conference", "Digital transformation conference", "en");
        String picture = upload(editor, ALPHA, "hall.png", png(300, 200, Color.GRAY));
        assertEquals(303, form(editor, article, "/anh", Map.of("mediaId", String.valueOf(mediaId(picture)),
                "altText", "The conference hall", "caption", "Morning session")).statusCode());
        Document page = Jsoup.parse(portals.browser(ALPHA).get("/en/bai-viet/digital-conference").body());
        assertEquals("Photo gallery", page.selectFirst("section.gallery h2").text());
        assertEquals("The conference hall", page.selectFirst("section.gallery img").attr("alt"));
    }

    @Test
    void aGalleryPictureWithoutTextAlternativeIsRefusedAndTheFormKeepsWhatWasTyped() {
        long article = publish("bo-anh-thieu-mo-ta", "Bộ ảnh thiếu mô tả", "vi");
        long picture = mediaId(upload(editor, ALPHA, "thieu-mo-ta.png", png(200, 100, Color.PINK)));
        HttpResponse<String> refused = form(editor, article, "/anh", Map.of("mediaId", String.valueOf(picture), "altText", "  ",
                "caption", "Chú thích đã gõ"));
        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertEquals("Vui lòng nhập mô tả ảnh cho người không xem được ảnh.", page.selectFirst("#loi-altText").text());
        assertEquals("Chú thích đã gõ", page.selectFirst("input#caption").attr("value"));
        assertEquals(String.valueOf(picture), page.selectFirst("select#mediaId option[selected]").attr("value"));

        HttpResponse<String> noVideo = form(editor, article, "/video", Map.of("videoId", String.valueOf(picture), "title", "Video"));
        assertEquals(400, noVideo.statusCode());
        assertEquals("Tệp đã chọn không phải video MP4 của thư viện tư liệu.", Jsoup.parse(noVideo.body()).selectFirst("#loi-videoId").text());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.item_gallery_images WHERE item_id = " + article));
    }

    @Test
    void anotherTenantNeitherSeesNorUsesTheVideoOrTheGalleryPictures() {
        long article = publish("video-rieng-alpha", "Video riêng của Alpha", "vi");
        String video = upload(editor, ALPHA, "rieng.mp4", Mp4Fixture.h264(1000));
        String picture = upload(editor, ALPHA, "rieng.png", png(100, 100, Color.MAGENTA));
        assertEquals(303, form(editor, article, "/video", Map.of("videoId", String.valueOf(mediaId(video)), "title", "Video riêng")).statusCode());
        assertEquals(303, form(editor, article, "/anh", Map.of("mediaId", String.valueOf(mediaId(picture)), "altText", "Ảnh riêng")).statusCode());

        assertEquals(404, portals.browser(BETA).getBytes(video, Map.of("Range", "bytes=0-9")).statusCode());
        assertEquals(404, portals.browser(BETA).getBytes(picture, Map.of()).statusCode());
        HttpResponse<String> staffPage = betaEditor.get("/quan-tri/noi-dung/" + article + "/video-anh");
        assertFalse(staffPage.body().contains("Video riêng"), "beta's staff never sees alpha's article");

        long betaArticle = publishIn(portals.beta(), "bai-cua-beta", "Bài của Beta");
        HttpResponse<String> borrowed = form(betaEditor, betaArticle, "/anh", Map.of("mediaId", String.valueOf(mediaId(picture)),
                "altText", "Ảnh mượn"));
        assertNotEquals(303, borrowed.statusCode(), "an id of alpha's library names no picture of beta's");
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.item_gallery_images"));
        assertEquals(200, portals.browser(ALPHA).getBytes(picture, Map.of()).statusCode());
    }

    private String upload(Browser b, String host, String name, byte[] bytes) {
        HttpResponse<String> saved = MultipartPost.send(server.getPort(), host, b, LIBRARY,
                Map.of("csrfToken", csrfToken(b.get(LIBRARY)), "altText", "", "caption", ""), name, bytes);
        assertEquals(303, saved.statusCode(), saved.body());
        String location = saved.headers().firstValue("Location").orElseThrow();
        return Jsoup.parse(b.get(location.replace("?thongbao=tai", "")).body()).selectFirst(".facts code").text();
    }

    private HttpResponse<String> post(Browser b, String name, byte[] bytes) {
        return MultipartPost.send(server.getPort(), ALPHA, b, LIBRARY, Map.of("csrfToken", csrfToken(b.get(LIBRARY))), name, bytes);
    }

    private HttpResponse<String> form(Browser b, long article, String action, Map<String, String> fields) {
        String base = "/quan-tri/noi-dung/" + article + "/video-anh";
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrfToken", csrfToken(b.get(LIBRARY)));
        return b.postForm(base + action, form);
    }

    private HttpResponse<String> deleteMedia(Browser b, long id) {
        return b.postForm(LIBRARY + "/" + id + "/xoa", Map.of("csrfToken", csrfToken(b.get(LIBRARY))));
    }

    private long publish(String slug, String title, String lang) {
        long actor = portals.editorId(portals.alpha());
        var saved = publishing.saveDraft(portals.alpha(), new Draft(null, 0, "article", null, lang, slug, title, "", "<p>Nội dung.</p>",
                null, null, null, false, actor)).block();
        publishing.publish(portals.alpha(), saved.id(), actor).block();
        return saved.id();
    }

    private long publishIn(vn.cong.tenancy.Tenant tenant, String slug, String title) {
        long actor = portals.editorId(tenant);
        var saved = publishing.saveDraft(tenant, new Draft(null, 0, "article", null, "vi", slug, title, "", "<p>Nội dung.</p>",
                null, null, null, false, actor)).block();
        publishing.publish(tenant, saved.id(), actor).block();
        return saved.id();
    }

    private long mediaId(String url) {
        return SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.media_files WHERE stored_path = '" + url.substring("/media/".length()) + "'");
    }

    private static String text(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).text();
    }

    private static byte[] jpeg(int w, int h, Color color) {
        return image(w, h, color, "jpg", BufferedImage.TYPE_INT_RGB);
    }

    private static byte[] png(int w, int h, Color color) {
        return image(w, h, color, "png", BufferedImage.TYPE_INT_ARGB);
    }

    private static byte[] image(int w, int h, Color color, String format, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
