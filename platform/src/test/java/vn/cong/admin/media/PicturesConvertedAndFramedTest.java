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
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.testing.Browser;
import vn.cong.testing.MultipartPost;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.text;

/**
 * TIFF and BMP pictures are converted on upload and then treated like any picture (sizes, srcset); a picture's focal
 * point reaches the public lists that crop covers, and its crop makes its sizes again from the kept original.
 */
@MicronautTest(transactional = false)
class PicturesConvertedAndFramedTest extends PlatformTestSupport {

    private static final String ALPHA = TwoPortals.ALPHA_HOST;
    private static final String BETA = TwoPortals.BETA_HOST;
    private static final String LIBRARY = "/quan-tri/thu-vien";

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
        return Map.of("cong.media.root", temporaryFolder("cong-media-framing"));
    }

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        editor = portals.editor(portals.alpha());
        betaEditor = portals.editor(portals.beta());
    }

    @Test
    void aTwoPageTiffPhotographBecomesAJpegOfItsFirstPageWithSmallerCopiesInSrcset() {
        String url = upload("ban-do-hanh-chinh.tif", tiff(photograph(2000, 1000), photograph(300, 300)));
        assertTrue(url.endsWith(".jpg"), "a photograph without transparency is kept as JPEG: " + url);
        Document file = Jsoup.parse(editor.get(LIBRARY + "/" + mediaId(url)).body());
        assertEquals("Tải lên dạng TIFF (chỉ lấy trang đầu trong 2 trang), đã chuyển sang JPEG để trình duyệt hiển thị được.",
                file.selectFirst(".converted-from").text());

        HttpResponse<byte[]> served = portals.browser(ALPHA).getBytes(url, Map.of());
        assertEquals("image/jpeg", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals(2000, read(served.body()).getWidth(), "the first page, not the second");

        publish("ban-do-moi", "Bản đồ hành chính mới", "<p><img src=\"" + url + "\" alt=\"Bản đồ\"></p>", null);
        Element img = Jsoup.parse(portals.browser(ALPHA).get("/bai-viet/ban-do-moi").body()).selectFirst(".prose img");
        String stem = url.substring(0, url.length() - ".jpg".length());
        assertEquals(stem + "-w480.jpg 480w, " + stem + "-w960.jpg 960w, " + stem + "-w1600.jpg 1600w, " + url + " 2000w", img.attr("srcset"));
    }

    @Test
    void aBmpDrawingBecomesAPngWithSrcset() {
        BufferedImage drawing = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = drawing.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 600);
        g.setColor(Color.RED);
        g.fillRect(100, 100, 300, 200);
        g.dispose();
        String url = upload("so-do-to-chuc.bmp", encoded(drawing, "bmp"));
        assertTrue(url.endsWith(".png"), "a drawing of few colours is kept as PNG: " + url);
        HttpResponse<byte[]> served = portals.browser(ALPHA).getBytes(url, Map.of());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals(new Color(255, 0, 0).getRGB(), read(served.body()).getRGB(200, 200), "pixels kept without loss");

        publish("so-do-to-chuc", "Sơ đồ tổ chức", "<p><img src=\"" + url + "\" alt=\"Sơ đồ\"></p>", null);
        Element img = Jsoup.parse(portals.browser(ALPHA).get("/bai-viet/so-do-to-chuc").body()).selectFirst(".prose img");
        assertEquals(url.replace(".png", "-w480.png") + " 480w, " + url + " 800w", img.attr("srcset"));
    }

    @Test
    void aCorruptTiffIsRefusedWithAClearMessageAndNothingIsStored() {
        long before = files();
        byte[] corrupt = new byte[600];
        System.arraycopy(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 3, 0}, 0, corrupt, 0, 10);
        for (int i = 10; i < corrupt.length; i++) {
            corrupt[i] = (byte) (i * 37);
        }
        HttpResponse<String> refused = send("hong.tif", corrupt);
        assertEquals(400, refused.statusCode());
        assertTrue(Jsoup.parse(refused.body()).select(".field-error").text().contains("Không đọc được ảnh: tệp hỏng hoặc không phải ảnh."),
                text(refused));
        assertEquals(before, files());
    }

    @Test
    void aTiffThatWouldDecodeToBillionsOfPixelsIsRefusedBeforeDecoding() {
        long before = files();
        HttpResponse<String> refused = send("bom.tiff", tiffHeaderOnly(60_000, 60_000));
        assertEquals(400, refused.statusCode());
        assertTrue(Jsoup.parse(refused.body()).select(".field-error").text().contains("Ảnh quá lớn: 60000×60000 điểm ảnh"), text(refused));
        assertEquals(before, files());
    }

    @Test
    void theFocalPointIsStoredAuditedAndPositionsTheCoverOnThePublicList() {
        String url = upload("hop-bao.jpg", jpeg(1200, 600));
        long id = mediaId(url);
        assertEquals(303, post(editor, LIBRARY + "/" + id + "/tieu-diem", Map.of("focalX", "32", "focalY", "71,6")).statusCode());
        assertEquals(32_072, SqlProbe.number(this::jdbc, "SELECT focal_x * 1000 + focal_y FROM t_alpha.media_files WHERE id = " + id));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'media.focus' AND details->>'media' = '"
                + id + "'"));

        publishInSection("hop-bao-quy-mot", "Họp báo quý I", url);
        Document list = Jsoup.parse(portals.browser(ALPHA).get("/chuyen-muc/tin-hoat-dong").body());
        Element cover = list.selectFirst(".card-img[src=" + url + "]");
        assertTrue(cover.hasClass("focus-x-30") && cover.hasClass("focus-y-70"), cover.outerHtml());
        String css = portals.browser(ALPHA).get(list.select("link[rel=stylesheet]").stream().map(l -> l.attr("href"))
                .filter(h -> h.endsWith("site.css")).findFirst().orElseThrow()).body();
        assertTrue(css.contains(".card-img { object-position: var(--focus-x, 50%) var(--focus-y, 50%); }"), "site.css positions covers");
        assertTrue(css.contains(".focus-x-30 { --focus-x: 30%; }") && css.contains(".focus-y-70 { --focus-y: 70%; }"));
    }

    @Test
    void aCropMakesTheSizesAgainFromTheKeptOriginalAndCanBeTakenOff() {
        String url = upload("le-ky-ket.jpg", jpeg(2000, 1000));
        long id = mediaId(url);
        long item = publish("le-ky-ket", "Lễ ký kết hợp tác", "<p><img src=\"" + url + "\" alt=\"Lễ ký kết\"></p>", null);

        assertEquals(303, post(editor, LIBRARY + "/" + id + "/cat", Map.of("cropX", "25", "cropY", "0", "cropWidth", "50", "cropHeight", "100"))
                .statusCode());
        BufferedImage cropped = read(portals.browser(ALPHA).getBytes(url, Map.of()).body());
        assertEquals(1000, cropped.getWidth());
        assertEquals(1000, cropped.getHeight());
        String stem = url.substring(0, url.length() - ".jpg".length());
        BufferedImage small = read(portals.browser(ALPHA).getBytes(stem + "-w480.jpg", Map.of()).body());
        assertEquals(480, small.getWidth());
        assertEquals(480, small.getHeight());
        assertEquals(404, portals.browser(ALPHA).getBytes(stem + "-w1600.jpg", Map.of()).statusCode(), "no copy wider than the crop");
        Element img = Jsoup.parse(portals.browser(ALPHA).get("/bai-viet/le-ky-ket").body()).selectFirst(".prose img");
        assertTrue(img.attr("src").startsWith(url + "?v="), "the page names the new bytes: " + img.attr("src"));
        assertTrue(img.attr("srcset").endsWith(" 1000w") && img.attr("srcset").contains("-w960.jpg"), img.attr("srcset"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.content_events WHERE item_id = " + item
                + " AND comment = 'Cắt lại ảnh «le-ky-ket.jpg» (giữ nguyên địa chỉ)' AND content_hash IS NOT NULL"));
        assertEquals(2000, read(editor.getBytes(LIBRARY + "/" + id + "/anh-goc", Map.of()).body()).getWidth(), "the original is kept");
        Document page = Jsoup.parse(editor.get(LIBRARY + "/" + id).body());
        assertEquals("25", page.selectFirst("input[name=cropX]").attr("value"));
        assertEquals("50", page.selectFirst("input[name=cropWidth]").attr("value"));

        assertEquals(303, post(editor, LIBRARY + "/" + id + "/bo-cat", Map.of()).statusCode());
        assertEquals(2000, read(portals.browser(ALPHA).getBytes(url, Map.of()).body()).getWidth(), "the original is back");
        assertEquals(200, portals.browser(ALPHA).getBytes(stem + "-w1600.jpg", Map.of()).statusCode());
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'media.uncropped' AND details->>'media' = '"
                + id + "'"));
    }

    @Test
    void framingValuesOutOfRangeAreRefusedAndWhatWasTypedIsKept() {
        String url = upload("tieu-diem-sai.jpg", jpeg(400, 300));
        long id = mediaId(url);
        HttpResponse<String> focus = post(editor, LIBRARY + "/" + id + "/tieu-diem", Map.of("focalX", "120", "focalY", "giữa"));
        assertEquals(400, focus.statusCode());
        Document page = Jsoup.parse(focus.body());
        assertEquals("120", page.selectFirst("input[name=focalX]").attr("value"));
        assertEquals("giữa", page.selectFirst("input[name=focalY]").attr("value"));
        assertTrue(page.select(".field-error").text().contains("Tiêu điểm theo chiều ngang phải là số từ 0 đến 100 (%)"), page.select(".field-error").text());
        assertTrue(page.select(".field-error").text().contains("«giữa» không phải là số"));

        HttpResponse<String> crop = post(editor, LIBRARY + "/" + id + "/cat", Map.of("cropX", "60", "cropY", "10", "cropWidth", "50", "cropHeight", "80"));
        assertEquals(400, crop.statusCode());
        Document cropPage = Jsoup.parse(crop.body());
        assertTrue(cropPage.select(".field-error").text().contains("Vùng cắt vượt ra ngoài ảnh"), cropPage.select(".field-error").text());
        assertEquals("60", cropPage.selectFirst("input[name=cropX]").attr("value"));
        assertEquals("80", cropPage.selectFirst("input[name=cropHeight]").attr("value"));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.media_files WHERE id = " + id
                + " AND (focal_x IS NOT NULL OR crop_x IS NOT NULL)"));
        assertEquals(400, read(portals.browser(ALPHA).getBytes(url, Map.of()).body()).getWidth());
    }

    @Test
    void anotherTenantCannotFocusCropOrSeeTheOriginal() {
        String url = upload("rieng-alpha-khung.jpg", jpeg(800, 400));
        long id = mediaId(url);
        assertEquals(404, post(betaEditor, LIBRARY + "/" + id + "/tieu-diem", Map.of("focalX", "10", "focalY", "10")).statusCode());
        assertEquals(404, post(betaEditor, LIBRARY + "/" + id + "/cat", Map.of("cropX", "0", "cropY", "0", "cropWidth", "50", "cropHeight", "50"))
                .statusCode());
        assertEquals(404, betaEditor.getBytes(LIBRARY + "/" + id + "/anh-goc", Map.of()).statusCode());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.media_files WHERE id = " + id
                + " AND (focal_x IS NOT NULL OR crop_x IS NOT NULL)"));
        assertEquals(800, read(portals.browser(ALPHA).getBytes(url, Map.of()).body()).getWidth());
    }

    private String upload(String name, byte[] bytes) {
        HttpResponse<String> saved = send(name, bytes);
        assertEquals(303, saved.statusCode(), saved.body());
        String location = saved.headers().firstValue("Location").orElseThrow();
        return Jsoup.parse(editor.get(location.replace("?thongbao=tai", "")).body()).selectFirst(".facts code").text();
    }

    private HttpResponse<String> send(String name, byte[] bytes) {
        return MultipartPost.send(server.getPort(), ALPHA, editor, LIBRARY,
                Map.of("csrfToken", csrfToken(editor.get(LIBRARY)), "altText", "Ảnh thử", "caption", ""), name, bytes);
    }

    private HttpResponse<String> post(Browser b, String path, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrfToken", csrfToken(b.get(LIBRARY)));
        return b.postForm(path, form);
    }

    private long publish(String slug, String title, String body, Long sectionId) {
        long actor = portals.editorId(portals.alpha());
        var saved = publishing.saveDraft(portals.alpha(), new Draft(null, 0, "article", sectionId, "vi", slug, title, "", body,
                null, null, null, false, actor)).block();
        publishing.publish(portals.alpha(), saved.id(), actor).block();
        return saved.id();
    }

    private void publishInSection(String slug, String title, String cover) {
        long actor = portals.editorId(portals.alpha());
        long section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
        var saved = publishing.saveDraft(portals.alpha(), new Draft(null, 0, "article", section, "vi", slug, title, "Tóm tắt", "<p>Nội dung.</p>",
                cover, title, null, false, actor)).block();
        publishing.publish(portals.alpha(), saved.id(), actor).block();
    }

    private long mediaId(String url) {
        return SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.media_files WHERE stored_path = '" + url.substring("/media/".length()) + "'");
    }

    private long files() {
        return SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.media_files");
    }

    /** A picture of many colours, as a photograph has. */
    private static BufferedImage photograph(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, new Color(x * 255 / w, y * 255 / h, (x * 7 + y * 13) % 256).getRGB());
            }
        }
        return image;
    }

    private static byte[] jpeg(int w, int h) {
        return encoded(photograph(w, h), "jpg");
    }

    private static byte[] tiff(BufferedImage... pages) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        var out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A valid TIFF header declaring a huge greyscale picture whose one strip holds a few bytes (a decompression bomb's shape). */
    private static byte[] tiffHeaderOnly(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        short[][] entries = {{256, 4}, {257, 4}, {258, 3}, {259, 3}, {262, 3}, {273, 4}, {277, 3}, {278, 4}, {279, 4}};
        int[] values = {width, height, 8, 1, 1, 150, 1, height, 16};
        b.putShort((short) entries.length);
        for (int i = 0; i < entries.length; i++) {
            b.putShort(entries[i][0]).putShort(entries[i][1]).putInt(1);
            if (entries[i][1] == 3) {
                b.putShort((short) values[i]).putShort((short) 0);
            } else {
                b.putInt(values[i]);
            }
        }
        b.putInt(0);
        return b.array();
    }

    private static byte[] encoded(BufferedImage image, String format) {
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
