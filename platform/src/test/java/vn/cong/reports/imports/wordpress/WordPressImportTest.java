package vn.cong.reports.imports.wordpress;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.PasswordHasher;
import vn.cong.tenancy.Tenant;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WordPress import (issue 14 point 7) of fixtures written from the WXR format: a WordPress 6 export (WXR 1.2, block
 * content) and a WordPress 4.9 one (WXR 1.1, classic content), their files served by a local HTTP server. One import
 * of each into alpha (after a dry run) and a second import of the first, shared by the tests; beta is never touched.
 */
@MicronautTest(transactional = false)
class WordPressImportTest extends PlatformTestSupport {

    private static final String PASSWORD = "MatKhauVanHanh2026!";
    private static final String SITE = "wp:sokhcn.binhan.example.vn:";
    private static final List<String> TABLES = List.of("content_items", "sections", "accounts", "media_files", "old_addresses",
            "imported_media", "audit_log", "content_events", "standing_pages");

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    WordPressImport imports;

    TwoPortals portals;
    HttpServer media;
    Path dir;
    Path blockExport;
    Path classicExport;
    Map<String, Long> alphaBefore;
    Map<String, Long> betaBefore;
    Map<String, Long> alphaAfterDryRun;
    Map<String, Long> alphaAfterFirst;
    WordPressReport dryRun;
    WordPressReport first;
    WordPressReport second;
    WordPressReport classic;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.wordpress-import.allowed-networks", "127.0.0.1/32",
                "cong.operator.username", "vanhanh", "cong.operator.password-hash", new PasswordHasher().hash(PASSWORD));
    }

    @BeforeAll
    void importTheFixtures() throws IOException, SQLException {
        media = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] png = png();
        media.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/wp-content/uploads/2019/05/anh-hoi-thao.png") || path.equals("/wp-content/uploads/2018/09/ruong-lua.png")) {
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.length);
                exchange.getResponseBody().write(png);
            } else if (path.equals("/chuyen-huong-noi-bo.png")) {
                exchange.getResponseHeaders().add("Location", "http://192.168.10.20/so-do.png");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        media.start();
        portals = TwoPortals.onboard(context);
        dir = Files.createTempDirectory("wxr");
        blockExport = fixture("so-khcn-wxr12.xml");
        classicExport = fixture("ban-tin-wxr11.xml");
        alphaBefore = counts("t_alpha");
        betaBefore = counts("t_beta");
        String slugMap = "# trang con của Giới thiệu\nchuc-nang-cua-so = functions\n";
        dryRun = run(portals.alpha(), blockExport, true, slugMap);
        alphaAfterDryRun = counts("t_alpha");
        first = run(portals.alpha(), blockExport, false, slugMap);
        alphaAfterFirst = counts("t_alpha");
        second = run(portals.alpha(), blockExport, false, slugMap);
        classic = run(portals.alpha(), classicExport, false, "");
    }

    @AfterAll
    void stopTheMediaServer() {
        media.stop(0);
        vn.cong.system.Folders.deleteTree(dir);
    }

    private WordPressReport run(Tenant tenant, Path file, boolean dry, String slugMap) {
        return imports.run(tenant, () -> Files.newInputStream(file), new WordPressImport.Options(dry, slugMap, "test"),
                WordPressImport.Progress.NONE).block(java.time.Duration.ofSeconds(90));
    }

    private Path fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/wordpress/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{MEDIA}}", "http://127.0.0.1:" + media.getAddress().getPort());
            return Files.writeString(dir.resolve(name), text);
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 60; x++) {
            for (int y = 0; y < 40; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 6) << 8 | 120);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private Map<String, Long> counts(String schema) throws SQLException {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, number("SELECT count(*) FROM " + schema + "." + table));
        }
        return counts;
    }

    private long number(String sql, Object... params) throws SQLException {
        try (var c = jdbc(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            var r = s.executeQuery();
            r.next();
            return r.getLong(1);
        }
    }

    private Optional<List<String>> row(String sql, Object... params) throws SQLException {
        try (var c = jdbc(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            var r = s.executeQuery();
            if (!r.next()) {
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                values.add(r.getString(i));
            }
            return Optional.of(values);
        }
    }

    private static WordPressReport.Entry entry(WordPressReport report, String subjectStart) {
        return report.entries().stream().filter(e -> e.subject().startsWith(subjectStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + subjectStart + " in " + report.entries()));
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() {
        assertFalse(dryRun.refused(), dryRun.entries().toString());
        assertTrue(dryRun.dryRun());
        assertEquals(4, dryRun.counts().posts(), dryRun.entries().toString());
        assertEquals(3, dryRun.counts().drafts());
        assertEquals(2, dryRun.counts().pages());
        assertEquals(2, dryRun.counts().sections());
        assertEquals(2, dryRun.counts().authors());
        assertEquals(3, dryRun.counts().media(), "the files on allowed addresses would be fetched (a dry run fetches nothing, so it cannot know of 404s)");
        assertEquals("failed", entry(dryRun, "Tệp #21").outcome(), "a private address is refused without fetching");
        assertTrue(dryRun.summary().startsWith("Chạy thử"), dryRun.summary());
        assertEquals(alphaBefore, alphaAfterDryRun, "nothing written");
    }

    @Test
    void postsBecomeArticlesInSectionsMadeFromTheirCategories() throws SQLException {
        assertFalse(first.refused(), first.entries().toString());
        assertEquals(4, first.counts().posts(), first.entries().toString());
        List<String> post = row("""
                SELECT i.state, i.slug, s.slug, p.slug, s.name_vi, a.username, i.published_at = '2019-05-02T02:30:00Z', i.body_html, i.cover_url,
                       i.cover_alt, i.summary, i.origin
                FROM t_alpha.content_items i JOIN t_alpha.sections s ON s.id = i.section_id JOIN t_alpha.sections p ON p.id = s.parent_id
                JOIN t_alpha.accounts a ON a.id = i.created_by WHERE i.external_id = ?""", SITE + "101").orElseThrow();
        assertEquals(List.of("published", "hoi-thao-doi-moi-sang-tao", "hoat-dong-khcn", "tin-tuc", "Hoạt động KH&CN", "nguyen.thu.ha", "t"),
                post.subList(0, 7));
        String body = post.get(7);
        assertFalse(body.contains("wp:") || body.contains("<!--"), "block markers stripped: " + body);
        assertFalse(body.contains("<script") || body.contains("alert("), "the sanitiser removed the script: " + body);
        assertTrue(body.contains("<h2>Ba nhóm giải pháp</h2>") && body.contains("<li>Kết nối cung – cầu công nghệ;</li>"), body);
        assertTrue(body.matches("(?s).*<img src=\"/media/[0-9]{4}/[a-z0-9-]+\\.png\" alt=\"Lãnh đạo Sở phát biểu khai mạc hội thảo\".*"),
                "the picture now comes from the portal's media library: " + body);
        assertFalse(body.contains("127.0.0.1"), body);
        assertTrue(post.get(8).startsWith("/media/"), "cover from the featured image");
        assertEquals("Lãnh đạo Sở phát biểu khai mạc hội thảo", post.get(9));
        assertEquals("Hơn 120 đại biểu bàn giải pháp đổi mới sáng tạo cho doanh nghiệp.", post.get(10));
        assertEquals(1, number("SELECT count(*) FROM t_alpha.content_events e JOIN t_alpha.content_items i ON i.id = e.item_id"
                + " WHERE i.external_id = ? AND e.action = 'import' AND e.content_hash IS NOT NULL", SITE + "101"), "in the hash chain");
        for (String id : List.of("140", "141", "142")) {
            assertEquals(List.of("draft", "t"), row("SELECT state, published_at IS NULL FROM t_alpha.content_items WHERE external_id = ?",
                    SITE + id).orElseThrow(), "draft, scheduled and private posts are not public: " + id);
        }
        assertTrue(row("SELECT e.comment FROM t_alpha.content_events e JOIN t_alpha.content_items i ON i.id = e.item_id WHERE i.external_id = ?",
                SITE + "141").orElseThrow().get(0).contains("«future»"), "the WordPress status is kept in the import event");
        assertEquals(0, number("SELECT count(*) FROM t_alpha.content_items WHERE external_id = ?", SITE + "90"), "trash is not imported");
        assertEquals("skipped", entry(first, "1 mục loại «nav_menu_item»").outcome());
        assertEquals(2, number("SELECT count(*) FROM t_alpha.audit_log WHERE action = 'section.add' AND details->>'from' = 'wordpress:sokhcn.binhan.example.vn'"));
        assertEquals(200, portals.browser(TwoPortals.ALPHA_HOST).get("/bai-viet/hoi-thao-doi-moi-sang-tao").statusCode());
    }

    @Test
    void authorsBecomeInactiveAccountsWithoutPassword() throws SQLException {
        assertEquals(List.of("dormant", "t", "{}", "Nguyễn Thu Hà", "ha.nt@sokhcn.binhan.example.vn"), row(
                "SELECT status, password_hash IS NULL AND set_password_token IS NULL, roles::text, full_name, email FROM t_alpha.accounts WHERE username = ?",
                "nguyen.thu.ha").orElseThrow());
        assertEquals("quantri-wp", entry(first, "Tác giả «quantri»").note().replaceAll(".*«(.*?)».*", "$1"),
                "alpha's own admin is quantri: the author gets another name");
        HttpResponse<String> login = portals.browser(TwoPortals.ALPHA_HOST).postForm("/quan-tri/dang-nhap",
                Map.of("username", "nguyen.thu.ha", "password", ""));
        assertTrue(login.statusCode() != 303 || !login.headers().firstValue("Location").orElse("").contains("/quan-tri/bang-dieu-khien"),
                "cannot log in");
    }

    @Test
    void pagesBecomeAboutPagesWhereTheSlugTableNamesThem() throws SQLException {
        assertEquals(List.of("Giới thiệu", "published"), row("""
                SELECT i.title, i.state FROM t_alpha.standing_pages s JOIN t_alpha.content_items i ON i.id = s.item_id
                WHERE s.role = 'introduction' AND s.language = 'vi'""").orElseThrow());
        assertEquals(List.of(SITE + "8"), row("""
                SELECT i.external_id FROM t_alpha.standing_pages s JOIN t_alpha.content_items i ON i.id = s.item_id
                WHERE s.role = 'functions'""").orElseThrow(), "mapped by the operator's table");
        WordPressReport.Entry sitemap = entry(first, "Trang #9");
        assertEquals("skipped", sitemap.outcome());
        assertTrue(sitemap.note().contains("so-do-trang"), sitemap.note());
        HttpResponse<String> about = portals.browser(TwoPortals.ALPHA_HOST).get("/gioi-thieu");
        assertEquals(200, about.statusCode());
        assertTrue(about.body().contains("cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Bình An"), about.body());
    }

    @Test
    void reachableMediaAreDownloadedAndTheOthersListedWithTheReason() throws SQLException {
        assertEquals("imported", entry(first, "Tệp #20").outcome());
        WordPressReport.Entry privateAddress = entry(first, "Tệp #21");
        assertEquals("failed", privateAddress.outcome());
        assertTrue(privateAddress.note().contains("nội bộ"), privateAddress.note());
        WordPressReport.Entry redirected = entry(first, "Tệp #22");
        assertEquals("failed", redirected.outcome());
        assertTrue(redirected.note().contains("192.168.10.20") && redirected.note().contains("nội bộ"), "a redirect to a private address is not followed: "
                + redirected.note());
        WordPressReport.Entry missing = entry(first, "Tệp #23");
        assertEquals("failed", missing.outcome());
        assertTrue(missing.note().contains("404"), missing.note());
        assertEquals(1, first.counts().media());
        assertEquals(3, first.counts().mediaFailed());
        assertEquals(List.of("Lãnh đạo Sở phát biểu khai mạc hội thảo", "Đại biểu dự hội thảo"), row("""
                SELECT f.alt_text, f.caption FROM t_alpha.imported_media m JOIN t_alpha.media_files f ON f.id = m.media_id
                WHERE m.source_url LIKE '%anh-hoi-thao.png'""").orElseThrow());
    }

    @Test
    void oldAddressesAnswer301OnEveryHostOfTheTenant() {
        for (String host : List.of(TwoPortals.ALPHA_HOST, "www.alpha-cuc.vn")) {
            Browser browser = portals.browser(host);
            assertRedirect(browser, "/?p=101", "/bai-viet/hoi-thao-doi-moi-sang-tao");
            assertRedirect(browser, "/2019/05/hoi-thao-doi-moi-sang-tao/", "/bai-viet/hoi-thao-doi-moi-sang-tao");
            assertRedirect(browser, "/?page_id=7", "/gioi-thieu");
            assertRedirect(browser, "/gioi-thieu/chuc-nang-cua-so/", "/gioi-thieu/chuc-nang-nhiem-vu");
            assertRedirect(browser, "/category/ho%E1%BA%A1t-%C4%91%E1%BB%99ng-khcn/", "/chuyen-muc/hoat-dong-khcn");
            assertRedirect(browser, "/?cat=5", "/chuyen-muc/hoat-dong-khcn");
            assertRedirect(browser, "/2018/09/chuy%E1%BB%83n-giao-gi%E1%BB%91ng-l%C3%BAa/", "/bai-viet/chuyen-giao-giong-lua");
            assertTrue(browser.get("/wp-content/uploads/2019/05/anh-hoi-thao.png").headers().firstValue("Location").orElse("").startsWith("/media/"));
        }
        Browser alpha = portals.browser(TwoPortals.ALPHA_HOST);
        assertEquals(200, alpha.get("/?p=999").statusCode(), "an unknown id is still the home page");
        assertEquals(404, alpha.get("/2019/05/khong-co-bai-nay/").statusCode());
        assertEquals(200, alpha.get("/?p=140").statusCode(), "a draft has no old address to keep");
        Browser beta = portals.browser(TwoPortals.BETA_HOST);
        assertEquals(200, beta.get("/?p=101").statusCode(), "beta knows nothing of alpha's old site");
        assertEquals(404, beta.get("/2019/05/hoi-thao-doi-moi-sang-tao/").statusCode());
    }

    private static void assertRedirect(Browser browser, String from, String to) {
        HttpResponse<String> r = browser.get(from);
        assertEquals(301, r.statusCode(), from);
        assertEquals(to, r.headers().firstValue("Location").orElse(""), from);
    }

    @Test
    void aSecondImportChangesNothingAndSaysSo() throws SQLException {
        assertFalse(second.changed(), second.summary());
        assertEquals(WordPressReport.Counts.NONE.posts(), second.counts().posts());
        assertEquals(0, second.counts().media() + second.counts().redirects() + second.counts().sections() + second.counts().authors());
        assertEquals(6, second.counts().unchanged(), second.entries().toString());
        assertTrue(second.summary().startsWith("Không có gì thay đổi"), second.summary());
        Map<String, Long> now = counts("t_alpha");
        Map<String, Long> expected = new java.util.LinkedHashMap<>(alphaAfterFirst);
        // only the older site's import (run after) added rows; the second run of the first added none
        for (String table : TABLES) {
            assertTrue(now.get(table) >= expected.get(table), table);
        }
        assertEquals(4, number("SELECT count(*) FROM t_alpha.content_items WHERE external_id LIKE ? AND kind = 'article'", SITE + "%"));
        assertEquals(1, number("SELECT count(*) FROM t_alpha.audit_log WHERE action = 'wordpress.imported' AND details->>'site' LIKE '%sokhcn%'"));
        assertEquals(1, number("SELECT count(*) FROM t_alpha.imported_media WHERE source_url LIKE '%anh-hoi-thao.png'"));
    }

    @Test
    void classicContentOfAnOlderWordPressBecomesParagraphs() throws SQLException {
        assertFalse(classic.refused(), classic.entries().toString());
        assertEquals("1.1", classic.version());
        List<String> post = row("SELECT slug, body_html, state FROM t_alpha.content_items WHERE external_id = ?",
                "wp:trungtam.binhan.example.vn:55").orElseThrow();
        assertEquals("chuyen-giao-giong-lua", post.get(0));
        String body = post.get(1);
        assertTrue(body.startsWith("<p>Trung tâm đã chuyển giao quy trình"), body);
        assertTrue(body.contains("kỹ thuật<br />") || body.contains("kỹ thuật<br>"), body);
        assertTrue(body.matches("(?s).*<img[^>]*src=\"/media/[0-9]{4}/[a-z0-9-]+\\.png\".*"), "the 300x225 copy maps to the downloaded file: " + body);
        assertEquals("published", post.get(2));
        assertEquals("draft", row("SELECT state FROM t_alpha.content_items WHERE external_id = ?", "wp:trungtam.binhan.example.vn:60")
                .orElseThrow().get(0), "pending review in WordPress: a draft here");
        assertEquals(List.of("Liên hệ"), row("""
                SELECT i.title FROM t_alpha.standing_pages s JOIN t_alpha.content_items i ON i.id = s.item_id WHERE s.role = 'contacts'""").orElseThrow());
    }

    @Test
    void aMalformedFileIsRefusedWithItsLineAndNothingIsWritten() throws IOException, SQLException {
        Map<String, Long> before = counts("t_alpha");
        WordPressReport broken = run(portals.alpha(), fixture("malformed.xml"), false, "");
        assertTrue(broken.refused());
        assertEquals(18, broken.entries().get(0).line(), broken.entries().toString());
        assertTrue(broken.entries().get(0).note().startsWith("Tệp XML hỏng"), broken.entries().get(0).note());
        WordPressReport entity = run(portals.alpha(), fixture("xxe.xml"), false, "");
        assertTrue(entity.refused());
        assertEquals(2, entity.entries().get(0).line());
        assertTrue(entity.entries().get(0).note().contains("DTD"), entity.entries().get(0).note());
        WordPressReport badTable = run(portals.alpha(), blockExport, false, "gioi-thieu-so: introduction");
        assertTrue(badTable.refused());
        assertEquals(before, counts("t_alpha"));
    }

    @Test
    void importingIntoAlphaLeavesBetaUntouched() throws SQLException {
        assertEquals(betaBefore, counts("t_beta"));
        assertEquals(0, number("SELECT count(*) FROM t_beta.content_items WHERE external_id LIKE 'wp:%'"));
        assertEquals(404, portals.browser(TwoPortals.BETA_HOST).get("/bai-viet/hoi-thao-doi-moi-sang-tao").statusCode());
        assertNull(row("SELECT id FROM t_beta.sections WHERE slug = 'hoat-dong-khcn'").orElse(null));
    }

    @Test
    void theCommandShowsProgressAndTheApiAnswersOnTheOperatorHost() throws SQLException {
        Map<String, Object> db = new java.util.HashMap<>(getProperties());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Map<String, Long> before = counts("t_beta");
        assertEquals(0, ImportWordPressCommand.run(new String[] {"import-wordpress", "beta", classicExport.toString(), "--dry-run"}, o, e, db),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"dryRun\":true"), out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("] 100%"), "a progress bar: " + err.toString(StandardCharsets.UTF_8));
        assertEquals(before, counts("t_beta"), "a dry run from the command line writes nothing either");
        assertEquals(1, ImportWordPressCommand.run(new String[] {"import-wordpress", "beta", dir.resolve("malformed.xml").toString()}, o, e, db));
        assertEquals(2, ImportWordPressCommand.run(new String[] {"import-wordpress", "beta"}, o, e, db), "usage");

        Map<String, String> operator = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(("vanhanh:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8)), "Content-Type", "application/xml");
        Browser console = new Browser(server.getPort(), "admin.most.localhost");
        HttpResponse<String> dry = console.postJson("/api/v1/tenants/beta/wordpress/import?dry-run=true", readString(classicExport), operator);
        assertEquals(200, dry.statusCode(), dry.body());
        assertTrue(dry.body().contains("\"posts\":2"), dry.body());
        HttpResponse<String> refused = console.postJson("/api/v1/tenants/beta/wordpress/import", "<rss><channel>", operator);
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(401, console.postJson("/api/v1/tenants/beta/wordpress/import", "<rss/>", Map.of("Content-Type", "application/xml")).statusCode());
        assertEquals(before, counts("t_beta"));
    }

    @Test
    void theConsoleRunsADryRunThenImportsTheSameFileWithAProgressPage() throws IOException, SQLException {
        Browser console = new Browser(server.getPort(), "admin.most.localhost");
        HttpResponse<String> loginForm = console.get("/van-hanh/dang-nhap");
        assertEquals(303, console.postForm("/van-hanh/dang-nhap", Map.of("username", "vanhanh", "password", PASSWORD,
                "csrfToken", vn.cong.admin.StaffForms.csrfToken(loginForm))).statusCode());
        assertTrue(console.get("/van-hanh/cong/bo").body().contains("/van-hanh/cong/bo/wordpress"), "linked from the tenant's page");
        HttpResponse<String> form = console.get("/van-hanh/cong/bo/wordpress");
        assertEquals(200, form.statusCode(), form.body());
        HttpResponse<String> started = upload(console, "/van-hanh/cong/bo/wordpress", Map.of("csrfToken", vn.cong.admin.StaffForms.csrfToken(form),
                "slugMap", "chuc-nang-cua-so = functions"), "so-khcn.xml", Files.readAllBytes(blockExport));
        assertEquals(303, started.statusCode(), started.body());
        String dryPage = started.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> dry = finished(console, dryPage);
        assertTrue(dry.body().contains("Chạy thử (chưa ghi gì)") && dry.body().contains("Tệp #21"), dry.body());
        assertEquals(0, number("SELECT count(*) FROM t_bo.content_items WHERE external_id LIKE 'wp:%'"), "the dry run wrote nothing");
        HttpResponse<String> importing = console.postForm(dryPage + "/nhap", Map.of("csrfToken", vn.cong.admin.StaffForms.csrfToken(dry)));
        assertEquals(303, importing.statusCode(), importing.body());
        HttpResponse<String> done = finished(console, importing.headers().firstValue("Location").orElseThrow());
        assertTrue(done.body().contains("Đã nhập 4 bài viết"), done.body());
        assertEquals(4, number("SELECT count(*) FROM t_bo.content_items WHERE external_id LIKE 'wp:%' AND kind = 'article'"));
        assertEquals(1, number("SELECT count(*) FROM platform.operator_audit WHERE action = 'ops.tenant.wordpress-import' AND tenant_code = 'bo'"));
        assertEquals(404, console.get("/van-hanh/cong/alpha/wordpress/" + dryPage.substring(dryPage.lastIndexOf('/') + 1)).statusCode(),
                "a job is shown only under its own tenant");
    }

    /** The job's page, reloaded until its report shows; while it runs it carries a progress bar and asks to be reloaded. */
    private static HttpResponse<String> finished(Browser browser, String path) {
        java.util.concurrent.atomic.AtomicReference<HttpResponse<String>> last = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> page = browser.get(path);
            last.set(page);
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("<progress"), page.body());
            boolean done = page.body().contains("Từng mục");
            assertEquals(done ? "" : "1", page.headers().firstValue("Refresh").orElse(""), "reloads itself until done");
            return done;
        });
        return last.get();
    }

    private HttpResponse<String> upload(Browser browser, String path, Map<String, String> fields, String fileName, byte[] bytes) {
        String boundary = "----cong" + java.util.UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.getPort() + path))
                    .header("Host", "admin.most.localhost").header("Origin", "http://admin.most.localhost")
                    .header("Cookie", browser.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(java.util.stream.Collectors.joining("; ")))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
