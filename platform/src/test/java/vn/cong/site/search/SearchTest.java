package vn.cong.site.search;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's search (issue 11, point 1) on real Vietnamese text, through HTTP on the tenants' hosts.
 */
@MicronautTest(transactional = false)
class SearchTest extends PlatformTestSupport {

    final MutableClock clock = MutableClock.startingNow();

    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;
    @Inject
    ContentKinds kinds;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    PublicChanges changes;

    private TwoPortals portals;
    private Tenant alpha;
    private Tenant beta;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        alpha = portals.alpha();
        beta = portals.beta();
        Long activities = sectionId(alpha, "tin-hoat-dong");
        // accents, case, đ
        article(alpha, activities, "khoa-hoc", "Ngày hội Khoa học và Công nghệ năm 2026",
                "Trưng bày các sản phẩm KHOA HỌC của sinh viên.", "<p>Nhiều hoạt động giao lưu.</p>", 3);
        article(alpha, activities, "dao-tao", "Đào tạo nguồn nhân lực số",
                "Khóa đào tạo cho cán bộ, công chức về chuyển đổi số.", "<p>Lớp học diễn ra tại Hà Nội.</p>", 4);
        // a legal document found by its number and symbol
        Map<String, String> doc = new HashMap<>();
        doc.put("version", "0");
        doc.put("number", "123/QĐ-BKHCN");
        doc.put("typeCode", "quyet-dinh");
        doc.put("title", "Quyết định ban hành quy chế quản lý đề tài");
        doc.put("slug", "");
        doc.put("language", "vi");
        doc.put("summary", "Quy chế quản lý nhiệm vụ cấp bộ.");
        doc.put("issuer", "Bộ Khoa học và Công nghệ");
        doc.put("signer", "Thứ trưởng");
        doc.put("issuedOn", "2026-03-05");
        doc.put("effectiveOn", "");
        doc.put("expiresOn", "");
        doc.put("status", "valid");
        doc.put("replacedBy", "");
        doc.put("body", "<p>Điều 1. Ban hành kèm theo Quyết định này quy chế.</p>");
        long docId = kinds.kind("document").orElseThrow().save(alpha, null, doc, portals.editorId(alpha)).block().id();
        publishing.publish(alpha, docId, portals.editorId(alpha)).block();
        // never found: a draft, and an item taken down
        publishing.saveDraft(alpha, Draft.article(activities, "vi", "ban-nhap", "Bản nháp quyết toán bí mật", "", "<p>x</p>",
                portals.editorId(alpha))).block();
        long gone = article(alpha, activities, "da-go", "Tin đã gỡ về quyết toán bí mật", "", "<p>x</p>", 5);
        tenantDb.mono(alpha, c -> c.update("UPDATE content_items SET state = 'taken_down' WHERE id = $1", gone)).block();
        // the ranking fixture: "kiểm định" in title, summary or body, published 10, 200 or 400 days ago
        article(alpha, activities, "xep-hang-a", "Kiểm định chất lượng giáo dục", "Tóm tắt", "<p>Nội dung</p>", 10);
        article(alpha, activities, "xep-hang-b", "Hội nghị tổng kết năm", "Về công tác kiểm định năm nay", "<p>Nội dung</p>", 10);
        article(alpha, activities, "xep-hang-c", "Thông báo lịch làm việc", "Lịch tuần", "<p>Có buổi <b>kiểm định</b> thiết bị</p>", 10);
        article(alpha, activities, "xep-hang-d", "Kiểm định phương tiện đo", "Tóm tắt", "<p>x</p>", 400);
        article(alpha, activities, "xep-hang-e", "Kiểm định viên", "Tóm tắt", "<p>x</p>", 200);
        // beta's own words
        article(beta, sectionId(beta, "tin-hoat-dong"), "rieng-beta", "Hợp tác quốc tế riêng của Beta về thiên văn học",
                "Chỉ Beta có tin này.", "<p>thiên văn</p>", 2);
    }

    private Long sectionId(Tenant tenant, String slug) {
        return tenantDb.mono(tenant, c -> c.one("SELECT id FROM sections WHERE slug = $1", r -> r.get(0, Long.class), slug)).block();
    }

    /** Publishes an article {@code daysAgo} days before the test clock's now. */
    private long article(Tenant tenant, Long section, String slug, String title, String summary, String body, int daysAgo) {
        long id = publishing.saveDraft(tenant, Draft.article(section, "vi", slug, title, summary, body, portals.editorId(tenant)))
                .block().id();
        publishing.publish(tenant, id, portals.editorId(tenant)).block();
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(daysAgo)), ZoneOffset.UTC);
        changes.inTenant(tenant, (c, change) -> c.update("UPDATE content_items SET published_at = $1 WHERE id = $2", at, id)
                .then(change.pagesOf(tenant))).block();
        return id;
    }

    private Document search(String host, String query) {
        return search(host, "/tim-kiem?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), 200);
    }

    private Document search(String host, String pathAndQuery, int status) {
        HttpResponse<String> response = portals.browser(host).get(pathAndQuery);
        assertEquals(status, response.statusCode(), response.body());
        return Jsoup.parse(response.body());
    }

    private static List<String> titles(Document page) {
        return page.select("ol.search-results h2 a").eachText();
    }

    @Test
    void findsVietnameseWithOrWithoutDiacriticsAndInAnyCase() {
        for (String q : List.of("khoa học", "khoa hoc", "KHOA HỌC", "Khoa Hoc")) {
            // "Khóa đào tạo … Lớp học" has both words too, lower: only in its summary and body
            assertEquals(List.of("Ngày hội Khoa học và Công nghệ năm 2026", "Đào tạo nguồn nhân lực số"),
                    titles(search(TwoPortals.ALPHA_HOST, q)), q);
        }
        for (String q : List.of("đào tạo", "dao tao", "ĐÀO TẠO", "Dao Tao")) {
            assertEquals(List.of("Đào tạo nguồn nhân lực số"), titles(search(TwoPortals.ALPHA_HOST, q)), q);
        }
        // NFD input (a Mac's keyboard) is the same text
        assertEquals(List.of("Đào tạo nguồn nhân lực số"),
                titles(search(TwoPortals.ALPHA_HOST, java.text.Normalizer.normalize("đào tạo", java.text.Normalizer.Form.NFD))));
    }

    @Test
    void findsALegalDocumentByItsNumberAndSymbol() {
        for (String q : List.of("123/QĐ-BKHCN", "123/qd-bkhcn", "qđ-bkhcn 123")) {
            Document page = search(TwoPortals.ALPHA_HOST, q);
            assertEquals(List.of("Quyết định ban hành quy chế quản lý đề tài"), titles(page), q);
            assertTrue(page.selectFirst("ol.search-results h2 a").attr("href").startsWith("/van-ban/"), q);
        }
    }

    @Test
    void ranksTitleAboveSummaryAboveBodyTimesRecency() {
        // A title 10 d (1.0·0.96), E title 200 d (1.0·0.46), B summary 10 d (0.4·0.96), D title 400 d (1.0·0.21), C body 10 d (0.2·0.96)
        assertEquals(List.of("Kiểm định chất lượng giáo dục", "Kiểm định viên", "Hội nghị tổng kết năm", "Kiểm định phương tiện đo",
                "Thông báo lịch làm việc"), titles(search(TwoPortals.ALPHA_HOST, "kiem dinh")));
    }

    @Test
    void marksTheWordsFoundInTheSnippet() {
        Document page = search(TwoPortals.ALPHA_HOST, "kiem dinh thiet bi");
        assertEquals(List.of("Thông báo lịch làm việc"), titles(page));
        assertEquals(List.of("kiểm", "định", "thiết", "bị"), page.select(".search-snippet mark").eachText());
        assertTrue(page.selectFirst(".search-snippet").text().contains("Có buổi kiểm định thiết bị"));
    }

    @Test
    void aMistypedWordStillFindsTheItemThroughSimilarity() {
        Document page = search(TwoPortals.ALPHA_HOST, "chất lượmg");
        assertEquals("Kiểm định chất lượng giáo dục", titles(page).get(0));
        assertNotNull(page.selectFirst(".search-status"));
        assertTrue(page.selectFirst(".search-status").text().contains("gần giống"), page.selectFirst(".search-status").text());
        assertTrue(titles(search(TwoPortals.ALPHA_HOST, "zzqxw")).isEmpty());
    }

    @Test
    void absurdQueriesGetANormalPage() {
        List<String> absurd = List.of("a".repeat(10_000), "ệ".repeat(3_000), "!!! ??? ... ,,, ;;;", "'; DROP TABLE content_items; --",
                "%_\\ ' \" ) ( & | ! : * <-> <script>alert(1)</script>", "\u0000", " ");
        for (String q : absurd) {
            Document page = search(TwoPortals.ALPHA_HOST, q);
            assertNotNull(page.selectFirst("form.search-form input[name=q]"), q.length() > 40 ? q.substring(0, 40) : q);
            assertTrue(page.selectFirst("form.search-form input[name=q]").attr("value").length() <= 200);
        }
        assertTrue(search(TwoPortals.ALPHA_HOST, "!!! ???").selectFirst(".search-status").text().contains("chữ hoặc số"));
        // the items are still there
        assertEquals(List.of("Đào tạo nguồn nhân lực số"), titles(search(TwoPortals.ALPHA_HOST, "dao tao")));
        // malformed filters are ignored, not errors
        search(TwoPortals.ALPHA_HOST, "/tim-kiem?q=dao&loai=%27&nam=abc&chuyen-muc=..%2F&trang=-1", 200);
    }

    @Test
    void neverShowsDraftsOrItemsTakenDown() {
        assertTrue(titles(search(TwoPortals.ALPHA_HOST, "quyết toán bí mật")).isEmpty());
        assertTrue(titles(search(TwoPortals.ALPHA_HOST, "quyet toan")).isEmpty());
    }

    @Test
    void aTenantsSearchNeverReturnsAnotherTenantsItems() {
        assertTrue(titles(search(TwoPortals.ALPHA_HOST, "thiên văn học")).isEmpty());
        assertTrue(titles(search(TwoPortals.ALPHA_HOST, "thien van")).isEmpty(), "nor through the similarity fallback");
        assertEquals(List.of("Hợp tác quốc tế riêng của Beta về thiên văn học"), titles(search(TwoPortals.BETA_HOST, "thien van")));
        assertTrue(titles(search(TwoPortals.BETA_HOST, "dao tao")).isEmpty());
        assertTrue(titles(search(TwoPortals.BETA_HOST, "123/QĐ-BKHCN")).isEmpty());
    }

    @Test
    void filtersByKindAndYearAndPages() {
        Document documents = search(TwoPortals.ALPHA_HOST, "/tim-kiem?q=quy+che&loai=document", 200);
        assertEquals(List.of("Quyết định ban hành quy chế quản lý đề tài"), titles(documents));
        assertTrue(titles(search(TwoPortals.ALPHA_HOST, "/tim-kiem?q=dao+tao&loai=document", 200)).isEmpty());
        Document articles = search(TwoPortals.ALPHA_HOST, "/tim-kiem?q=quy+che+dao+tao&loai=article", 200);
        assertTrue(titles(articles).stream().noneMatch(t -> t.startsWith("Quyết định")), titles(articles).toString());
        int year400 = clock.instant().minus(Duration.ofDays(400)).atZone(vn.cong.system.VietnamTime.ZONE).getYear();
        Document oldPage = search(TwoPortals.ALPHA_HOST, "/tim-kiem?q=kiem+dinh&nam=" + year400, 200);
        List<String> old = titles(oldPage);
        assertTrue(old.contains("Kiểm định phương tiện đo"), old.toString());
        assertFalse(old.contains("Kiểm định chất lượng giáo dục") && year400 != clock.instant().minus(Duration.ofDays(10))
                .atZone(vn.cong.system.VietnamTime.ZONE).getYear(), old.toString());
        assertEquals(5, titles(search(TwoPortals.ALPHA_HOST, "/tim-kiem?q=kiem+dinh&chuyen-muc=tin-hoat-dong", 200)).size());
        // ten a page: eleven items with one word, the second page has the eleventh
        Long section = sectionId(alpha, "tin-hoat-dong");
        for (int i = 1; i <= 11; i++) {
            article(alpha, section, "trang-" + i, "Bản tin phân trang số " + i, "", "<p>x</p>", i);
        }
        Document first = search(TwoPortals.ALPHA_HOST, "/tim-kiem?q=phan+trang", 200);
        assertEquals(10, titles(first).size());
        assertEquals("11", first.selectFirst(".search-status strong").text());
        assertEquals("Bản tin phân trang số 1", titles(first).get(0));
        Document second = search(TwoPortals.ALPHA_HOST, first.selectFirst("a[rel=next]").attr("href"), 200);
        assertEquals(List.of("Bản tin phân trang số 11"), titles(second));
    }

    @Test
    void everyPageHasTheSearchBoxAndTheSearchPageOpensNoSession() {
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        for (String path : List.of("/", "/en", "/van-ban", "/chuyen-muc/tin-hoat-dong")) {
            Document page = Jsoup.parse(reader.get(path).body());
            assertNotNull(page.selectFirst("header form.header-search[role=search] input[name=q]"), path);
        }
        assertEquals("/en/search", Jsoup.parse(reader.get("/en").body()).selectFirst("form.header-search").attr("action"));
        HttpResponse<String> results = reader.get("/tim-kiem?q=dao+tao");
        assertTrue(results.headers().firstValue("Set-Cookie").isEmpty());
        HttpResponse<String> english = reader.get("/en/search?q=dao+tao");
        assertEquals(200, english.statusCode());
        assertEquals("Search", Jsoup.parse(english.body()).selectFirst("h1").text());
    }
}
