package vn.cong.demo;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.logInOk;

/**
 * The README's first run: the real manifests and demo files of {@code tenants/} give the ministry staff for
 * every role, a document registry with files, consultation drafts, procedures, about pages, cover images and
 * an item waiting at each workflow stage, loaded in the background after start-up, once, and only into the
 * tenant each file names.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoContentTest extends PlatformTestSupport {

    private static final String MOST = "www.most.localhost";

    @Inject
    EmbeddedServer server;
    @Inject
    DemoLoader loader;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.tenants-dir", "../tenants", "cong.demo.enabled", "true", "cong.demo.backup", "false",
                "cong.media.root", "target/test-media/" + databaseName);
    }

    @BeforeAll
    void waitForTheDemo() {
        List<DemoTenant.Report> reports = loader.firstLoad().block(Duration.ofSeconds(180));
        assertEquals(5, reports.size(), "most, nafosted and the three other roots have demo files: " + reports);
    }

    private Browser browser() {
        return new Browser(server.getPort(), MOST);
    }

    @Test
    void everyRoleHasADemoAccountThatCanLogIn() {
        assertEquals(List.of("approver", "contributor", "deputy_head", "editor", "head", "qa_desk", "tenant_admin"), SqlProbe.column(this::jdbc,
                "SELECT DISTINCT unnest(roles)::text AS r FROM t_most.accounts ORDER BY r"));
        Browser head = browser();
        logInOk(head, "truongban", "DemoTruongBan2026!");
        String dashboard = Jsoup.parse(head.get("/quan-tri").body()).text();
        assertTrue(dashboard.contains("Việc chờ tôi xử lý: 1"), dashboard);
    }

    @Test
    void unitsCarryTheirDetailsAndPublishedQuestionsNameTheUnitThatAnswered() {
        assertEquals("bientap", SqlProbe.string(this::jdbc, """
                SELECT a.username FROM t_most.org_units u JOIN t_most.accounts a ON a.id = u.focal_account_id
                WHERE u.name = 'Trung tâm Thông tin và Chuyển đổi số'"""));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_most.org_units WHERE outside AND NOT supplies_items"));
        assertEquals(3, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_most.questions WHERE status = 'published'"));
        assertEquals(2, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_nafosted.questions WHERE status = 'published'"));
        String list = Jsoup.parse(browser().get("/hoi-dap").body()).text();
        assertTrue(list.contains("Hợp tác quốc tế trong nghiên cứu"), list);
        long id = SqlProbe.number(this::jdbc, "SELECT id FROM t_most.questions WHERE title LIKE 'Hợp tác quốc tế%'");
        assertEquals("Vụ Hợp tác quốc tế", Jsoup.parse(browser().get("/hoi-dap/" + id).body()).selectFirst(".answer-unit").text());
    }

    @Test
    void draftsCarryModeratedCommentsTheClosedOneItsResponseAndMostHasPetitions() {
        assertEquals(List.of("approved:2", "hidden:1", "pending:1"), SqlProbe.column(this::jdbc, """
                SELECT m.status || ':' || count(*) FROM t_most.consultation_comments m JOIN t_most.content_items i ON i.id = m.item_id
                WHERE i.slug = 'du-thao-thong-tu-quan-ly-phong-thi-nghiem-trong-diem' GROUP BY m.status ORDER BY 1"""));
        Document open = Jsoup.parse(browser().get("/du-thao/du-thao-thong-tu-quan-ly-phong-thi-nghiem-trong-diem").body());
        assertEquals(2, open.select(".comment-list .comment").size());
        assertTrue(open.selectFirst("form.comment-form") != null, "the open draft takes comments");
        Document closed = Jsoup.parse(browser().get("/du-thao/du-thao-nghi-dinh-khuyen-khich-doanh-nghiep-dau-tu-khcn").body());
        assertTrue(closed.selectFirst(".consultation-response").text().contains("Vụ Pháp chế"));
        assertEquals(3, closed.select(".comment-list .comment").size());
        for (String tenant : List.of("nafosted", "hp_sgddt")) {
            assertTrue(SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_" + tenant + ".consultation_comments WHERE status = 'hidden'") == 1,
                    tenant + " has one hidden comment");
        }
        // every seed root (and NAFOSTED) has an open draft with approved comments and a closed one with its response
        for (String tenant : List.of("nafosted", "moha", "bd_skhcn", "hp_sgddt")) {
            assertEquals("open closed", SqlProbe.string(this::jdbc, "SELECT string_agg(CASE WHEN now() < c.closes_at THEN 'open' ELSE 'closed' END, ' '"
                    + " ORDER BY c.closes_at DESC) FROM t_" + tenant + ".consultations c WHERE EXISTS (SELECT 1 FROM t_" + tenant
                    + ".consultation_comments m WHERE m.item_id = c.item_id AND m.status = 'approved')"
                    + " AND (now() < c.closes_at OR (c.response_text <> '' AND c.response_published_at IS NOT NULL))"),
                    tenant + ": an open draft with comments and a closed one with the drafting unit's response");
        }
        assertEquals(List.of("answered", "forwarded", "published", "received"),
                SqlProbe.column(this::jdbc, "SELECT status FROM t_most.petitions ORDER BY status"));
        assertTrue(Jsoup.parse(browser().get("/phan-anh").body()).text().contains("Chậm trả kết quả thẩm định"));
    }

    @Test
    void theMinistryHasASignedOffReportAndOneWaitingAndHaiPhongsReportCountsGenres() {
        assertEquals(List.of("accounts:waiting", "contribution:signed"), SqlProbe.column(this::jdbc,
                "SELECT kind || ':' || state FROM t_most.produced_reports ORDER BY kind"));
        Browser editor = new Browser(server.getPort(), MOST);
        vn.cong.admin.StaffForms.logInOk(editor, "bientap", "DemoBienTap2026!");
        var signed = Jsoup.parse(editor.get("/quan-tri/bao-cao/da-ky-duyet").body());
        assertTrue(signed.text().contains("Trưởng ban biên tập"), "the signer is printed for the board");
        assertEquals("contribution:signed", SqlProbe.string(this::jdbc, "SELECT kind || ':' || state FROM t_hp_sgddt.produced_reports"
                + " WHERE kind = 'contribution'"));
        Browser hpHead = new Browser(server.getPort(), "www.haiphong-edu.localhost");
        vn.cong.admin.StaffForms.logInOk(hpHead, "truongban", "HpTruongBan2026!");
        var report = Jsoup.parse(hpHead.get("/quan-tri/bao-cao/dong-gop?kind=month&year=2026&value=10").body());
        assertTrue(report.select("table.meeting thead").text().contains("Bài chuyên đề, phân tích"), "the quota's genres are shown");
        assertTrue(report.select("table.meeting tbody tr").eachText().stream().anyMatch(t -> t.contains("Văn phòng Sở")), report.text());
        assertTrue(report.select("table.missing tbody tr").eachText().stream().anyMatch(t -> t.contains("Phòng Tổ chức cán bộ")));
    }

    @Test
    void theMinistrysContributionReportHasAClassifiedHalfYearOfItems() {
        assertEquals(413, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_most.content_items WHERE external_id LIKE 'most-demo-2026-%'"));
        assertEquals(17, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_most.item_topics"));
        Browser head = new Browser(server.getPort(), MOST);
        vn.cong.admin.StaffForms.logInOk(head, "truongban", "DemoTruongBan2026!");
        var page = Jsoup.parse(head.get("/quan-tri/bao-cao/dong-gop?kind=half&year=2026&value=1").body());
        assertTrue(Integer.parseInt(page.select(".total").text()) > 150, page.select(".total").text());
        assertTrue(page.select("table.meeting tbody tr").eachText().stream().anyMatch(t -> t.contains("Văn phòng Bộ")));
        assertTrue(page.select("table.missing tbody tr").eachText().stream().anyMatch(t -> t.contains("Cục Thông tin khoa học và công nghệ quốc gia")));
        assertTrue(page.select("ul.outside").text().contains("Viện Hàn lâm Khoa học và Công nghệ Việt Nam"));
    }

    @Test
    void theArchivePageShowsARetentionOverrideAndAnArchivedItemOnFirstRun() {
        Browser head = new Browser(server.getPort(), MOST);
        vn.cong.admin.StaffForms.logInOk(head, "truongban", "DemoTruongBan2026!");
        var page = Jsoup.parse(head.get("/quan-tri/luu-tru").body());
        String overrides = page.select("table.retention-overrides").text();
        assertTrue(overrides.contains("Điểm báo KH&CN ngày 04/01/2026") && overrides.contains("125/TTr-BKHCN")
                && overrides.contains("Hoàng Văn Nam"), overrides);
        String offline = page.select("table.archived-items").text();
        assertTrue(offline.contains("Hội nghị tổng kết công tác khoa học và công nghệ năm 2018") && offline.contains("Đã lưu trữ"), offline);
    }

    @Test
    void theMinistryHasANoticeWithAnEndDateAndOneTheJobTookDown() {
        assertEquals("published", SqlProbe.string(this::jdbc, "SELECT state FROM t_most.content_items"
                + " WHERE slug = 'thong-bao-tuyen-dung-vien-chuc-2026' AND unpublish_at > now()"));
        assertEquals(1, SqlProbe.number(this::jdbc, """
                SELECT count(*) FROM t_most.content_items i JOIN t_most.content_events e ON e.item_id = i.id
                WHERE i.slug = 'thong-bao-lich-tiep-cong-dan-thang-11-2020' AND i.state = 'taken_down'
                  AND e.action = 'take_down_scheduled'"""), "taken down by the scheduled-unpublishing job");
    }

    @Test
    void theDocumentRegistryListsTheDemoDocumentsWithTheirFiles() {
        String list = browser().get("/van-ban").body();
        for (String number : List.of("12/2026/TT-BKHCN", "2815/QĐ-BKHCN", "05/CT-BKHCN", "08/2019/TT-BKHCN", "1120/KH-BKHCN",
                "3456/BKHCN-KHTC")) {
            assertTrue(list.contains(number), number);
        }
        assertEquals(12, SqlProbe.number(this::jdbc, """
                SELECT count(*) FROM t_most.content_attachments a JOIN t_most.content_items i ON i.id = a.item_id
                WHERE i.kind = 'document' AND i.state = 'published'"""));
        assertEquals("12/2026/TT-BKHCN", SqlProbe.string(this::jdbc, """
                SELECT r.number FROM t_most.legal_documents d JOIN t_most.legal_documents r ON r.item_id = d.replaced_by
                JOIN t_most.content_items i ON i.id = d.item_id WHERE i.slug = 'thong-tu-huong-dan-danh-gia-nhiem-vu-2019'"""));
        String detail = browser().get("/van-ban/thong-tu-quy-dinh-quan-ly-nhiem-vu-khcn-cap-quoc-gia").body();
        assertTrue(detail.contains("12-2026-tt-bkhcn.pdf") && detail.contains("12-2026-tt-bkhcn.docx"), detail);
    }

    @Test
    void draftsProceduresAboutPagesAndCoversAreOnThePublicSite() {
        Browser b = browser();
        String drafts = b.get("/du-thao").body();
        assertTrue(drafts.contains("phòng thí nghiệm trọng điểm") && drafts.contains("khuyến khích doanh nghiệp"), drafts);
        assertEquals(List.of("t", "f"), SqlProbe.column(this::jdbc, """
                SELECT (now() BETWEEN c.opens_at AND c.closes_at)::text FROM t_most.consultations c
                JOIN t_most.content_items i ON i.id = c.item_id ORDER BY c.closes_at DESC""").stream().map(s -> s.substring(0, 1)).toList(),
                "one draft open now, one closed");
        String procedures = b.get("/thu-tuc").body();
        assertTrue(procedures.contains("Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ"), procedures);
        assertEquals(List.of("2", "3", "4"), SqlProbe.column(this::jdbc,
                "SELECT DISTINCT service_level::text FROM t_most.procedures ORDER BY 1"));
        assertTrue(b.get("/gioi-thieu").body().contains("113 Trần Duy Hưng"));
        assertTrue(b.get("/gioi-thieu/lanh-dao").body().contains("Nguyễn Văn Bình"));
        assertEquals(6, SqlProbe.number(this::jdbc,
                "SELECT count(*) FROM t_most.content_items WHERE kind = 'article' AND cover_url LIKE '/%'"));
        assertTrue(b.get("/").body().contains("Gian trưng bày của các doanh nghiệp khởi nghiệp"), "a cover with its alt text on the home page");
        // one cover was a two-page TIFF, converted to PNG on upload, with its focal point on the data hub
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_most.media_files WHERE original_name = 'so-do-ket-noi-du-lieu.tif'"
                + " AND content_type = 'image/png' AND converted_from = 'TIFF (chỉ lấy trang đầu trong 2 trang)' AND focal_x = 70 AND focal_y = 33"));
        assertTrue(b.get("/").body().contains("class=\"card-img focus-x-70 focus-y-35\""), "the focal point reaches the featured cards");
        // the menu, a theme version the head approved, leads to the registries rather than article sections of the same name
        java.util.List<String> menu = org.jsoup.Jsoup.parse(b.get("/").body()).select("nav.main-nav > ul > li > a").eachAttr("href");
        assertTrue(menu.containsAll(List.of("/gioi-thieu", "/van-ban", "/du-thao", "/thu-tuc", "/chuyen-muc/thong-bao", "/hoi-dap", "https://chinhphu.vn")), menu.toString());
        assertFalse(menu.contains("/chuyen-muc/van-ban"), menu.toString());
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_most.theme_versions WHERE live AND state = 'approved'"));
        // the footer's legal block from the demo file, on every page
        String footer = org.jsoup.Jsoup.parse(b.get("/van-ban").body()).select("footer .footer-legal").text();
        assertTrue(footer.contains("Chịu trách nhiệm chính: Ông Hoàng Văn Nam") && footer.contains("cttdt@most.gov.vn"), footer);
    }

    @Test
    void theTechfestArticleShowsItsVideoWithCaptionsAndItsPhotoGallery() {
        Document page = Jsoup.parse(browser().get("/bai-viet/khai-mac-techfest-2026").body());
        var video = page.selectFirst("figure.article-video video");
        assertTrue(video.attr("poster").startsWith("/media/"), page.select("figure.article-video").outerHtml());
        assertEquals(List.of("vi", "en"), video.select("track[kind=captions]").eachAttr("srclang"));
        assertEquals(3, page.select("section.gallery figure img[srcset]").size());
        assertEquals("Gian nông nghiệp thông minh. Ảnh: Trung tâm Thông tin", page.selectFirst("section.gallery figcaption").text());
        var clip = browser().getBytes(video.selectFirst("source").attr("src"), java.util.Map.of("Range", "bytes=0-11"));
        assertEquals(206, clip.statusCode());
        assertEquals("ftyp", new String(clip.body(), 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void proceduresCarryProcessingFiguresAndUnitsHaveReminders() {
        assertEquals(6, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_most.procedure_figures"));
        String page = browser().get("/thu-tuc/cap-giay-phep-tien-hanh-cong-viec-buc-xa").body();
        assertTrue(page.contains("tiếp nhận 1.204, đã giải quyết 1.187 (đúng hạn 1.171, trễ hạn 16)"), page);
        assertEquals(2, SqlProbe.number(this::jdbc, """
                SELECT count(*) FROM t_most.unit_reminders r JOIN t_most.org_units u ON u.id = r.unit_id WHERE u.name = 'Vụ Hợp tác quốc tế'"""));
    }

    @Test
    void oneItemWaitsAtEachWorkflowStage() {
        assertEquals(List.of(
                        "du-kien-dieu-chinh-muc-chi-nhiem-vu-khcn-2027 awaiting_approval 2",
                        "hoi-nghi-tong-ket-chuong-trinh-nong-thon-moi-khcn submitted -",
                        "ket-qua-kiem-tra-nhiem-vu-khcn-quy-iii awaiting_approval 1",
                        "ra-mat-san-giao-dich-cong-nghe-mien-trung editing -"),
                SqlProbe.column(this::jdbc, """
                        SELECT i.slug || ' ' || i.state || ' ' || coalesce(r.current_level::text, '-')
                        FROM t_most.content_items i JOIN t_most.workflow_runs r ON r.item_id = i.id
                        WHERE r.status = 'in_progress' AND i.kind NOT IN ('qa_answer', 'petition_answer') ORDER BY i.slug"""),
                "imported history has finished runs only");
        assertEquals(List.of("awaiting_approval 1", "awaiting_approval 2", "editing -", "submitted -"), SqlProbe.column(this::jdbc, """
                SELECT i.state || ' ' || coalesce(r.current_level::text, '-') FROM t_nafosted.content_items i
                JOIN t_nafosted.workflow_runs r ON r.item_id = i.id WHERE i.kind NOT IN ('qa_answer', 'petition_answer') ORDER BY 1"""),
                "the member's demo too");
        assertEquals("event 2026-11-24 08:00", SqlProbe.string(this::jdbc, """
                SELECT r.info_type || ' ' || to_char(r.event_opens_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI')
                FROM t_most.workflow_runs r JOIN t_most.content_items i ON i.id = r.item_id
                WHERE i.slug = 'hoi-nghi-tong-ket-chuong-trinh-nong-thon-moi-khcn'"""), "the two-day conference is typed as event news");
    }

    @Test
    void mostHasConfirmedSubscribersLinkedTranslationsAndListsTheEnglishPagesStillMissing() {
        assertEquals(5, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_most.subscriptions WHERE status = 'confirmed'"));
        Document vi = Jsoup.parse(browser().get("/bai-viet/khai-mac-techfest-2026").body());
        assertEquals("/en/bai-viet/techfest-vietnam-2026-opens", vi.selectFirst("a.lang-switch").attr("href"));
        assertTrue(vi.selectFirst("link[rel=alternate][hreflang=en]").attr("href").endsWith("/en/bai-viet/techfest-vietnam-2026-opens"));
        Document intro = Jsoup.parse(browser().get("/en/gioi-thieu").body());
        assertEquals("About the Ministry", intro.selectFirst("h1").text());
        assertEquals("/gioi-thieu", intro.selectFirst("a.lang-switch").attr("href"));

        Browser admin = browser();
        logInOk(admin, "quantri", "DemoMost2026!");
        assertEquals(List.of("Chức năng, nhiệm vụ", "Liên hệ"),
                Jsoup.parse(admin.get("/quan-tri/ban-tieng-anh").body()).select("ul.missing-english strong").eachText());
        String counts = Jsoup.parse(admin.get("/quan-tri/dang-ky-nhan-tin").body()).text();
        assertTrue(counts.contains("Văn bản") && counts.contains("đã xác nhận: 5"), counts);
        assertFalse(counts.contains("@example.vn"), "no addresses on the staff screen");
    }

    @Test
    void everyDemoTenantHasAnAnswerWaitingForApprovalPublishedAnswersAndAnOverduePetitionOnTheBoard() {
        for (String tenant : List.of("most", "nafosted", "moha", "bd_skhcn", "hp_sgddt")) {
            String t = "t_" + tenant;
            assertEquals("approving awaiting_approval 1", SqlProbe.string(this::jdbc, "SELECT q.status || ' ' || i.state || ' ' || r.current_level"
                    + " FROM " + t + ".questions q JOIN " + t + ".content_items i ON i.id = q.answer_item_id JOIN " + t + ".workflow_runs r"
                    + " ON r.item_id = i.id AND r.status = 'in_progress' WHERE q.status = 'approving'"), tenant + ": one answer waits at the first level");
            assertTrue(SqlProbe.number(this::jdbc, "SELECT count(*) FROM " + t + ".questions q JOIN " + t + ".content_events e"
                    + " ON e.item_id = q.answer_item_id AND e.action = 'publish' WHERE q.status = 'published'") >= 1,
                    tenant + ": published answers passed the workflow");
            assertTrue(SqlProbe.number(this::jdbc, "SELECT count(*) FROM " + t + ".petitions WHERE status = 'published' AND answer_item_id IS NOT NULL") == 1,
                    tenant + ": a petition published through the workflow");
            assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM " + t + ".petitions WHERE status = 'received'"
                    + " AND received_at < now() - interval '13 days'"), tenant + ": a petition taken in two weeks ago, not forwarded");
        }
        Browser editor = browser();
        logInOk(editor, "bientap", "DemoBienTap2026!");
        List<String> due = Jsoup.parse(editor.get("/quan-tri/quy-trinh/theo-doi").body()).select(".petitions-due li").eachText();
        assertTrue(due.stream().anyMatch(l -> l.startsWith("Phản ánh về việc thu phí thẩm định không đúng quy định — Chuyển đơn vị trả lời")
                && l.endsWith("(quá hạn)")), due.toString());
        Browser approver = browser();
        logInOk(approver, "pheduyet", "DemoPheDuyet2026!");
        assertTrue(Jsoup.parse(approver.get("/quan-tri/quy-trinh").body()).text().contains("Doanh nghiệp khoa học và công nghệ có được miễn thuế"),
                "the waiting answer is in the approver's queue");
    }

    @Test
    void loadingAgainAddsNothingAndOtherTenantsKeepTheirOwnContent() {
        List<DemoTenant.Report> again = loader.loadAll().collectList().block();
        assertFalse(again.isEmpty());
        again.forEach(r -> assertEquals(new DemoTenant.Report(0, 0, 0, 0, 0, 0, 0, false), r));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_most.content_items WHERE slug = 'thong-tu-quy-dinh-quan-ly-nhiem-vu-khcn-cap-quoc-gia'"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_most.media_files WHERE original_name = 'trien-lam-video.mp4'"));
        assertEquals(3, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_most.item_gallery_images"));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_nasati.content_items WHERE kind <> 'article'"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_nasati.accounts"));
        assertFalse(new Browser(server.getPort(), "nasati.most.localhost").get("/van-ban").body().contains("12/2026/TT-BKHCN"));
    }

    @Test
    void theFourSeedAgenciesAnswerOnTheirOwnDomainsWithTheirProfiles() {
        Map<String, String[]> roots = Map.of(
                "www.most.localhost", new String[]{"Bộ Khoa học và Công nghệ", "most", "Bộ Khoa học và Công nghệ (Quy chế 2024)"},
                "www.moha.localhost", new String[]{"Bộ Nội vụ", "moha", "Bộ Nội vụ (Quy chế 2018)"},
                "skhcn.binhdinh.localhost", new String[]{"Sở Khoa học và Công nghệ tỉnh Bình Định", "bd_skhcn", "Sở KH&CN Bình Định (Quy chế 2018)"},
                "www.haiphong-edu.localhost", new String[]{"Sở Giáo dục và Đào tạo Hải Phòng", "hp_sgddt", "Sở GD&ĐT Hải Phòng (Quy chế 2022)"});
        roots.forEach((host, expected) -> {
            var home = new Browser(server.getPort(), host).get("/");
            assertEquals(200, home.statusCode(), host);
            assertTrue(home.body().contains(expected[0]), host);
            Browser admin = new Browser(server.getPort(), host);
            logInOk(admin, "quantri", switch (expected[1]) {
                case "most" -> "DemoMost2026!";
                case "moha" -> "DemoMoha2026!";
                case "bd_skhcn" -> "DemoSkhcnBd2026!";
                default -> "DemoSoGdHp2026!";
            });
            String profile = Jsoup.parse(admin.get("/quan-tri/quy-dinh").body()).text();
            assertTrue(profile.contains(expected[2]) && profile.contains("Mọi giá trị theo bộ quy định."), host + ": " + profile);
        });
        for (String member : List.of("btdkt.moha.localhost", "vanthuluutru.moha.localhost", "tranphu.haiphong-edu.localhost",
                "ngoquyen.haiphong-edu.localhost")) {
            assertEquals(200, new Browser(server.getPort(), member).get("/").statusCode(), member);
        }
        assertTrue(new Browser(server.getPort(), "skhcn.binhdinh.localhost").get("/").body().contains("Ủy ban nhân dân tỉnh Bình Định"),
                "a provincial department names its province as its governing body");
        assertEquals(404, new Browser(server.getPort(), "btdkt.most.localhost").get("/").statusCode(), "members live under their own root");
    }
}
