package vn.cong.admin.content;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.tenancy.Tenant;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The content lists answer search, filters, date range, sort and paging from their address, with the right rows. */
@MicronautTest(transactional = false)
class ContentListTest extends PlatformTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;
    @Inject
    AccountAdministration accounts;

    private TwoPortals portals;
    private long news;
    private long notices;
    private long writer;

    @BeforeAll
    void seed() throws Exception {
        portals = TwoPortals.onboard(context);
        Tenant alpha = portals.alpha();
        writer = accounts.create(alpha, 1, new AccountDetails("phongvien", "phongvien@alpha.vn", "Phóng Viên Lọc", "Phòng A", "", ""),
                Set.of(Role.CONTRIBUTOR), "PhongVien2026!x").block().accountId();
        news = id("SELECT id FROM t_alpha.sections ORDER BY id LIMIT 1");
        notices = id("INSERT INTO t_alpha.sections (slug, name_vi, name_en) VALUES ('thong-bao-loc', 'Thông báo', 'Notices') RETURNING id");
        long editor = portals.editorId(alpha);
        draft(alpha, news, "loc-a", "Lọc thử: Hội nghị khoa học", editor);
        draft(alpha, notices, "loc-b", "Lọc thử: Bản tin tuần", writer);
        draft(alpha, news, "loc-c", "Lọc thử: Đoàn công tác", writer);
        draft(portals.beta(), null, "loc-beta", "Lọc thử: Tin của cổng Beta", portals.editorId(portals.beta()));
        try (var c = jdbc(); var s = c.createStatement()) {
            s.execute("UPDATE t_alpha.content_items SET state = 'published', published_at = '2026-02-10T09:00:00+07', "
                    + "updated_at = '2026-03-01T23:30:00+07' WHERE slug = 'loc-a'");
            s.execute("UPDATE t_alpha.content_items SET updated_at = '2026-03-02T00:30:00+07' WHERE slug = 'loc-b'");
            s.execute("UPDATE t_alpha.content_items SET updated_at = '2026-02-28T08:00:00+07' WHERE slug = 'loc-c'");
            s.execute("INSERT INTO t_alpha.content_items (kind, language, slug, title, created_by) VALUES ('document', 'vi', 'loc-van-ban', "
                    + "'Lọc thử: Quyết định số 12/QĐ', " + editor + ")");
            s.execute("UPDATE t_alpha.content_items SET updated_at = '2026-01-05T10:00:00+07' WHERE slug = 'loc-van-ban'");
            // enough rows for a second page
            s.execute("INSERT INTO t_alpha.content_items (kind, language, slug, title, created_by, updated_at) SELECT 'article', 'vi', "
                    + "'trang-' || n, 'Phân trang ' || lpad(n::text, 2, '0'), " + editor + ", timestamptz '2025-01-01' + n * interval '1 hour' "
                    + "FROM generate_series(1, 53) n");
        }
    }

    private void draft(Tenant tenant, Long section, String slug, String title, long author) {
        publishing.saveDraft(tenant, Draft.article(section, "vi", slug, title, "Tóm tắt.", "<p>Nội dung.</p>", author)).block();
    }

    private long id(String sql) throws Exception {
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Browser editor() {
        return portals.editor(portals.alpha());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> titles(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("table.content-list tbody th[scope=row]").eachText();
    }

    @Test
    void searchIgnoresAccentsAndCaseAndStaysInsideThePortal() {
        HttpResponse<String> page = editor().get("/quan-tri/noi-dung?q=" + q("LOC THU"));
        assertEquals(200, page.statusCode(), page.body());
        assertEquals(Set.of("Lọc thử: Hội nghị khoa học", "Lọc thử: Bản tin tuần", "Lọc thử: Đoàn công tác", "Lọc thử: Quyết định số 12/QĐ"),
                Set.copyOf(titles(page)), "beta's item is never listed on alpha");
        assertEquals(List.of("Lọc thử: Bản tin tuần", "Lọc thử: Hội nghị khoa học", "Lọc thử: Đoàn công tác"),
                titles(editor().get("/quan-tri/bai-viet?q=" + q("lọc thử"))), "the article list holds articles only, newest change first");
        assertEquals(List.of("Lọc thử: Tin của cổng Beta"), titles(portals.editor(portals.beta()).get("/quan-tri/noi-dung?q=" + q("loc thu"))));
    }

    @Test
    void filtersByStateKindSectionAndAuthor() {
        String base = "/quan-tri/noi-dung?q=" + q("lọc thử");
        assertEquals(List.of("Lọc thử: Hội nghị khoa học"), titles(editor().get(base + "&trangthai=published")));
        assertEquals(List.of("Lọc thử: Quyết định số 12/QĐ"), titles(editor().get(base + "&loai=document")));
        assertEquals(Set.of("Lọc thử: Hội nghị khoa học", "Lọc thử: Đoàn công tác"), Set.copyOf(titles(editor().get(base + "&chuyenmuc=" + news))));
        assertEquals(Set.of("Lọc thử: Bản tin tuần", "Lọc thử: Đoàn công tác"), Set.copyOf(titles(editor().get(base + "&tacgia=" + writer))));
        assertEquals(List.of("Lọc thử: Đoàn công tác"), titles(editor().get(base + "&tacgia=" + writer + "&chuyenmuc=" + news)));
        Document shown = Jsoup.parse(editor().get(base + "&tacgia=" + writer).body());
        assertEquals(String.valueOf(writer), shown.select("#loc-tacgia option[selected]").attr("value"), "the filter shows what it is set to");
        assertTrue(shown.select("#loc-tacgia option").eachText().contains("Phóng Viên Lọc"));
    }

    @Test
    void theDateRangeCountsWholeDaysInVietnamTime() {
        String base = "/quan-tri/noi-dung?q=" + q("lọc thử");
        assertEquals(List.of("Lọc thử: Hội nghị khoa học"), titles(editor().get(base + "&tu=2026-03-01&den=2026-03-01")),
                "23:30 on 1 March in Hà Nội is 1 March, 00:30 on 2 March is not");
        assertEquals(List.of("Lọc thử: Bản tin tuần", "Lọc thử: Hội nghị khoa học"), titles(editor().get(base + "&tu=01/03/2026")),
                "a day typed as dd/mm/yyyy is read too");
        assertEquals(List.of("Lọc thử: Hội nghị khoa học", "Lọc thử: Đoàn công tác", "Lọc thử: Quyết định số 12/QĐ"),
                titles(editor().get(base + "&den=2026-03-01")));
    }

    @Test
    void sortsByTitleAndDatesEitherWayAndSaysSoInAriaSort() {
        String base = "/quan-tri/bai-viet?q=" + q("lọc thử");
        HttpResponse<String> byTitle = editor().get(base + "&sapxep=tieude");
        assertEquals(List.of("Lọc thử: Bản tin tuần", "Lọc thử: Đoàn công tác", "Lọc thử: Hội nghị khoa học"), titles(byTitle),
                "titles in alphabetical order, đ with d");
        Document page = Jsoup.parse(byTitle.body());
        assertEquals("ascending", page.select("th[aria-sort]").attr("aria-sort"));
        assertEquals(1, page.select("th[aria-sort]").size(), "only the sorted column says how it is sorted");
        String reverse = page.select("th[aria-sort] a").attr("href");
        assertTrue(reverse.contains("sapxep=tieude") && reverse.contains("chieu=giam") && reverse.contains("q="), reverse);
        assertEquals(List.of("Lọc thử: Hội nghị khoa học", "Lọc thử: Đoàn công tác", "Lọc thử: Bản tin tuần"), titles(editor().get(reverse)));
        assertEquals(List.of("Lọc thử: Hội nghị khoa học"), titles(editor().get(base + "&sapxep=dang")).subList(0, 1),
                "the published item first when sorting by publication, drafts after");
        assertEquals(List.of("Lọc thử: Đoàn công tác", "Lọc thử: Hội nghị khoa học", "Lọc thử: Bản tin tuần"),
                titles(editor().get(base + "&sapxep=capnhat&chieu=tang")));
        assertEquals("tieude", page.select("form.filter-bar input[name=sapxep]").attr("value"), "hidden fields keep the order when filtering");
    }

    @Test
    void pagesFiftyRowsAtATimeAndItsLinksKeepTheFilters() {
        HttpResponse<String> first = editor().get("/quan-tri/bai-viet?q=" + q("phân trang") + "&sapxep=tieude");
        assertEquals(50, titles(first).size());
        assertEquals("Phân trang 01", titles(first).get(0));
        Document page = Jsoup.parse(first.body());
        assertTrue(page.select("caption").text().contains("53 mục"), page.select("caption").text());
        String next = page.select("nav.pager a[rel=next]").attr("href");
        assertTrue(next.contains("trang=2") && next.contains("q=") && next.contains("sapxep=tieude"), next);
        HttpResponse<String> second = editor().get(next);
        assertEquals(List.of("Phân trang 51", "Phân trang 52", "Phân trang 53"), titles(second));
        assertEquals("2", Jsoup.parse(second.body()).select("nav.pager [aria-current=page]").text());
        HttpResponse<String> beyond = editor().get("/quan-tri/bai-viet?q=" + q("phân trang") + "&trang=9");
        assertEquals(200, beyond.statusCode());
        assertTrue(titles(beyond).isEmpty());
        assertTrue(Jsoup.parse(beyond.body()).select("caption").text().contains("53 mục"), "the count stays right past the end");
    }

    @Test
    void badFilterValuesAreAnsweredWithAMessageBesideTheFieldAndKeptAsTyped() {
        HttpResponse<String> page = editor().get("/quan-tri/noi-dung?q=" + q("lọc thử") + "&tu=" + q("31/02/2026") + "&trangthai=" + q("x' OR 1=1")
                + "&chuyenmuc=" + q("1;DROP TABLE sections") + "&trang=-3&sapxep=mat-khau");
        assertEquals(400, page.statusCode(), page.body());
        Document shown = Jsoup.parse(page.body());
        assertEquals("31/02/2026", shown.select("#loc-tu").attr("value"), "the day typed is kept");
        assertEquals("true", shown.select("#loc-tu").attr("aria-invalid"));
        assertEquals("loi-loc-tu", shown.select("#loc-tu").attr("aria-describedby"));
        assertTrue(shown.select("#loi-loc-tu").text().startsWith("Ngày không hợp lệ"), shown.select("#loi-loc-tu").text());
        assertTrue(shown.select("#loi-loc-trangthai").text().contains("trạng thái"));
        assertTrue(shown.select("#loi-loc-chuyenmuc").text().contains("chuyên mục"));
        assertNotNull(shown.selectFirst("[role=alert]"));
        assertEquals(4, titles(page).size(), "the list still shows, narrowed by what was valid (the search)");
        HttpResponse<String> backwards = editor().get("/quan-tri/noi-dung?tu=2026-03-02&den=2026-03-01");
        assertEquals(400, backwards.statusCode());
        assertTrue(Jsoup.parse(backwards.body()).select("#loi-loc-den").text().contains("sau ngày bắt đầu"));
        HttpResponse<String> longSearch = editor().get("/quan-tri/noi-dung?q=" + "a".repeat(300));
        assertEquals(400, longSearch.statusCode());
        assertFalse(Jsoup.parse(longSearch.body()).select("#loi-loc-q").text().isEmpty());
        assertEquals(400, editor().get("/quan-tri/noi-dung?loai=page").statusCode(), "about pages are not in this list");
    }
}
