package vn.cong.admin.reports;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.engagement.Units;
import vn.cong.reports.imports.ImportResult;
import vn.cong.reports.imports.ItemImport;
import vn.cong.reports.royalties.Royalties;
import vn.cong.reports.royalties.Vnd;
import vn.cong.system.SpreadsheetText;
import vn.cong.tenancy.Tenant;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;

/**
 * Royalties (issue 13 point 5): the head assesses published items, the statement of a period sums them per author and
 * per unit in Vietnam time, the rate table is edited and audited, and one portal never sees or sets another's.
 */
@MicronautTest(transactional = false)
class RoyaltiesTest extends PlatformTestSupport {

    private static final String PAGE = "/quan-tri/bao-cao/nhuan-but";
    private static final String MARCH = "?kind=month&year=2026&value=3";

    // Times are Vietnam time. r-2 is five minutes before March, r-4 the first minute of April; r-5 was rejected.
    private static final String ALPHA_HISTORY = """
            external_id,title,unit,submitter,origin,genre,submitted_at,state,published_at,reason
            r-1,Hội nghị sơ kết quý I,Phòng Kế hoạch,Nguyễn Văn An,supplied,news,2026-02-28 20:00,published,2026-03-01 00:05,
            r-2,Tin cuối tháng Hai,Phòng Kế hoạch,Nguyễn Văn An,supplied,news,2026-02-28 20:00,published,2026-02-28 23:55,
            r-3,=1+1 Hội thảo vật liệu mới,Phòng Kế hoạch,Nguyễn Văn An,supplied,other,2026-03-31 08:00,published,2026-03-31 23:59,
            r-4,Tin đầu tháng Tư,Phòng Kế hoạch,Nguyễn Văn An,supplied,news,2026-03-31 20:00,published,2026-04-01 00:00,
            r-5,Tin bị từ chối,Phòng Kế hoạch,Nguyễn Văn An,supplied,news,2026-03-05 09:00,rejected,,Trùng lặp nội dung
            r-6,Điểm báo ngày 10/3,,,found,news,2026-03-10 07:00,published,2026-03-10 08:00,
            r-7,Phân tích chỉ số đổi mới sáng tạo,Phòng Tổ chức,Trần Thị Bình,supplied,analysis,2026-03-14 09:00,published,2026-03-15 10:00,
            r-8,Tin chưa chấm,Phòng Tổ chức,Trần Thị Bình,supplied,news,2026-03-20 09:00,published,2026-03-20 10:00,
            """;
    private static final String BETA_HISTORY = """
            external_id,title,unit,submitter,origin,genre,submitted_at,state,published_at,reason
            b-1,Tin riêng của Beta,,,found,news,2026-03-12 08:00,published,2026-03-12 09:00,
            """;

    @Inject
    ApplicationContext context;
    @Inject
    Units units;
    @Inject
    ItemImport imports;
    @Inject
    Royalties royalties;
    @Inject
    AccountAdministration accounts;

    private TwoPortals portals;
    private Browser head;
    private long alphaHead;
    private final Map<String, Long> ids = new HashMap<>();

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        units.declare(portals.alpha(), List.of(new Units.Declared("Phòng Kế hoạch", null, null, null, null, true, false),
                new Units.Declared("Phòng Tổ chức", null, null, null, null, true, false))).block();
        ImportResult alpha = imports.importItems(portals.alpha(), ALPHA_HISTORY, "test").block();
        assertTrue(alpha.ok(), alpha.errors().toString());
        ImportResult beta = imports.importItems(portals.beta(), BETA_HISTORY, "test").block();
        assertTrue(beta.ok(), beta.errors().toString());
        SqlProbe.column(this::jdbc, "SELECT external_id || '=' || id FROM t_alpha.content_items WHERE external_id IS NOT NULL")
                .forEach(s -> ids.put(s.split("=")[0], Long.valueOf(s.split("=")[1])));
        SqlProbe.column(this::jdbc, "SELECT external_id || '=' || id FROM t_beta.content_items WHERE external_id IS NOT NULL")
                .forEach(s -> ids.put(s.split("=")[0], Long.valueOf(s.split("=")[1])));
        // r-6 was taken down after it was published: it keeps its royalty, marked
        SqlProbe.run(this::jdbc, "UPDATE t_alpha.content_items SET state = 'taken_down' WHERE external_id = 'r-6'");

        alphaHead = staff(portals.alpha(), "truongban", Role.HEAD);
        staff(portals.alpha(), "phoban", Role.DEPUTY_HEAD);
        long betaHead = staff(portals.beta(), "truongban", Role.HEAD);
        // Preset rates: one unit 234.000 đ; Tin 2 units, Bài viết 6, Bài chuyên đề 10
        assess(portals.alpha(), "r-1", "Tin", "1,2", "", "");
        assess(portals.alpha(), "r-2", "Tin", "1", "", "");
        assess(portals.alpha(), "r-3", "Bài viết", "1", "Lê Hoàng Cường", "Báo Khoa học và Phát triển");
        assess(portals.alpha(), "r-4", "Tin", "1", "", "");
        assess(portals.alpha(), "r-6", "Tin", "0,5", "", "");
        assess(portals.alpha(), "r-7", "Bài chuyên đề, phân tích chuyên sâu", "1,5", "", "");
        royalties.assess(portals.beta(), betaHead, ids.get("b-1"), new Royalties.Entry(genre(portals.beta(), "Tin"), "1", "Phóng viên Beta", "")).block();
        head = portals.loggedIn(TwoPortals.ALPHA_HOST, "truongban", "TruongBan2026!x");
    }

    private long staff(Tenant tenant, String username, Role role) {
        return accounts.create(tenant, 1, new AccountDetails(username, username + "@" + tenant.code() + ".vn", "Người " + username, "Ban biên tập", "", ""),
                Set.of(role), "TruongBan2026!x").block().accountId();
    }

    private String genre(Tenant tenant, String name) {
        return SqlProbe.string(this::jdbc, "SELECT id FROM t_" + tenant.code() + ".royalty_genres WHERE name = '" + name + "'");
    }

    private void assess(Tenant tenant, String item, String genre, String coefficient, String author, String unit) {
        royalties.assess(tenant, alphaHead, ids.get(item), new Royalties.Entry(genre(tenant, genre), coefficient, author, unit)).block();
    }

    private static Map<String, String> rows(Document page, String heading) {
        Element section = page.select("article.report section").stream()
                .filter(s -> s.selectFirst("h3").text().equals(heading)).findFirst().orElseThrow();
        Map<String, String> rows = new LinkedHashMap<>();
        section.select("tbody tr").forEach(r -> rows.put(r.child(0).text(), r.child(2).text() + " | " + r.child(4).text()));
        return rows;
    }

    @Test
    void theStatementOfAMonthSumsItsWorksInVietnamTimeByAuthorAndByUnit() {
        HttpResponse<String> page = head.get(PAGE + MARCH);
        assertEquals(200, page.statusCode(), page.body());
        Document doc = Jsoup.parse(page.body());
        // 2 × 1,2 × 234.000 = 561.600; 6 × 1 × 234.000 = 1.404.000; 2 × 0,5 × 234.000 = 234.000; 10 × 1,5 × 234.000 = 3.510.000
        assertEquals("5.709.600 đ", doc.selectFirst(".summary .total").text());
        assertEquals("4", doc.selectFirst(".summary .works").text(), "r-2 (28/02 23:55) and r-4 (01/04 00:00) fall outside March");
        assertEquals("1", doc.selectFirst(".unassessed").text(), "r-8 was published in March but not assessed");
        assertEquals(Map.of(
                        "Trần Thị Bình", "1 | 3.510.000 đ",
                        "Lê Hoàng Cường", "1 | 1.404.000 đ",
                        "Nguyễn Văn An", "1 | 561.600 đ",
                        "Ban biên tập (không ghi tên tác giả)", "1 | 234.000 đ",
                        "Tổng cộng", "4 | 5.709.600 đ"),
                rows(doc, "Theo tác giả"));
        assertEquals(List.of("Trần Thị Bình", "Lê Hoàng Cường", "Nguyễn Văn An", "Ban biên tập (không ghi tên tác giả)", "Tổng cộng"),
                List.copyOf(rows(doc, "Theo tác giả").keySet()), "largest amount first");
        assertEquals(Map.of(
                        "Phòng Tổ chức", "1 | 3.510.000 đ",
                        "Báo Khoa học và Phát triển", "1 | 1.404.000 đ",
                        "Phòng Kế hoạch", "1 | 561.600 đ",
                        "Ban biên tập (tự khai thác)", "1 | 234.000 đ",
                        "Tổng cộng", "4 | 5.709.600 đ"),
                rows(doc, "Theo đơn vị"));
        String works = doc.select("article.report section").last().text();
        assertTrue(works.contains("Điểm báo ngày 10/3") && works.contains("Đã gỡ bỏ sau khi đăng"), "a taken-down item still earns, marked");
        assertFalse(works.contains("Tin bị từ chối") || works.contains("Tin cuối tháng Hai") || works.contains("Tin đầu tháng Tư"));
        assertFalse(page.body().contains("Tin riêng của Beta"), "another portal's items are never on the statement");

        // February's last minutes and April's first: each in its own month
        Document february = Jsoup.parse(head.get(PAGE + "?kind=month&year=2026&value=2").body());
        assertEquals("468.000 đ", february.selectFirst(".summary .total").text());
        assertEquals("6.177.600 đ", Jsoup.parse(head.get(PAGE + "?from=2026-02-28&to=2026-03-31").body()).selectFirst(".summary .total").text());
        assertEquals(400, head.get(PAGE + "?kind=month&year=2026&value=13").statusCode());
    }

    @Test
    void amountsAreWholeDongRoundedHalfUp() {
        assertEquals(662_652, Vnd.amount(new BigDecimal("2.5"), new BigDecimal("1.13"), 234_567), "662.651,775 đ");
        assertEquals(561_600, Vnd.amount(new BigDecimal("2"), new BigDecimal("1.2"), 234_000));
        assertEquals("1.250.000 đ", Vnd.format(1_250_000));
    }

    @Test
    void theStatementDownloadsAsXlsxWithNumericAmountsAndNeutralisedText() throws Exception {
        HttpResponse<byte[]> xlsx = head.getBytes(PAGE + "/tai-ve/xlsx" + MARCH, Map.of());
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet authors = workbook.getSheet("Theo tác giả");
            assertEquals("Trần Thị Bình", authors.getRow(2).getCell(0).getStringCellValue());
            assertEquals(3_510_000.0, authors.getRow(2).getCell(4).getNumericCellValue());
            assertEquals("Tổng cộng", authors.getRow(6).getCell(0).getStringCellValue());
            assertEquals(5_709_600.0, authors.getRow(6).getCell(4).getNumericCellValue());
            XSSFSheet works = workbook.getSheet("Chi tiết tác phẩm");
            boolean found = false;
            for (int r = 2; r <= works.getLastRowNum(); r++) {
                var title = works.getRow(r).getCell(2);
                if (title.getStringCellValue().contains("Hội thảo vật liệu mới")) {
                    found = true;
                    assertEquals(CellType.STRING, title.getCellType());
                    assertEquals(SpreadsheetText.neutralised("=1+1 Hội thảo vật liệu mới"), title.getStringCellValue(), "never a formula");
                    assertEquals(1_404_000.0, works.getRow(r).getCell(7).getNumericCellValue());
                }
            }
            assertTrue(found);
        }
        assertEquals(200, head.getBytes(PAGE + "/tai-ve/docx" + MARCH, Map.of()).statusCode());
        assertEquals(200, head.getBytes(PAGE + "/tai-ve/pdf" + MARCH, Map.of()).statusCode());
    }

    private static Map<String, String> assessment(String token, String genreId, String coefficient, String author) {
        Map<String, String> form = new HashMap<>();
        form.put("csrfToken", token);
        form.put("genreId", genreId);
        form.put("coefficient", coefficient);
        form.put("authorName", author);
        form.put("authorUnit", "");
        form.put("from", "2026-03-01");
        form.put("to", "2026-03-31");
        return form;
    }

    @Test
    void onlyTheHeadSetsGenreAndCoefficientAndEachDecisionIsAudited() {
        String item = String.valueOf(ids.get("r-8"));
        String tin = genre(portals.alpha(), "Tin");
        for (Browser other : List.of(portals.loggedIn(TwoPortals.ALPHA_HOST, "phoban", "TruongBan2026!x"),
                portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!"), portals.editor(portals.alpha()))) {
            String token = csrfToken(other.get("/quan-tri"));
            assertEquals(403, other.postForm(PAGE + "/cham/" + item, assessment(token, tin, "2", "")).statusCode());
        }
        assertEquals(403, portals.editor(portals.alpha()).get(PAGE + MARCH).statusCode(), "an editor does not read what the agency pays");
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.item_royalties WHERE item_id = " + item));

        HttpResponse<String> bad = head.postForm(PAGE + "/cham/" + item, assessment(csrfToken(head.get(PAGE + "/cham" + MARCH)), tin, "7,5", "Tác giả gõ dở"));
        assertEquals(400, bad.statusCode());
        Document doc = Jsoup.parse(bad.body());
        assertTrue(doc.selectFirst("#tin-" + item + " .field-error").text().contains("từ 0 đến 5"));
        assertEquals("7,5", doc.selectFirst("#coefficient-" + item).attr("value"), "what was typed is kept");
        assertEquals("Tác giả gõ dở", doc.selectFirst("#author-" + item).attr("value"));

        HttpResponse<String> saved = head.postForm(PAGE + "/cham/" + item, assessment(csrfToken(head.get(PAGE + "/cham" + MARCH)), tin, "0,75", ""));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(351_000, SqlProbe.number(this::jdbc, "SELECT amount_vnd FROM t_alpha.item_royalties WHERE item_id = " + item), "2 × 0,75 × 234.000");
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'item.royalty_set' AND actor_id = "
                + alphaHead + " AND details->>'item' = '" + item + "' AND details->>'coefficient' = '0,75' AND details->>'amount_vnd' = '351000'"));
        HttpResponse<String> list = head.get(saved.headers().firstValue("Location").orElseThrow());
        assertEquals("351.000 đ", Jsoup.parse(list.body()).selectFirst("#tin-" + item + " td.number").text());
        SqlProbe.run(this::jdbc, "DELETE FROM t_alpha.item_royalties WHERE item_id = " + item);

        String rejected = String.valueOf(ids.get("r-5"));
        HttpResponse<String> never = head.postForm(PAGE + "/cham/" + rejected, assessment(csrfToken(head.get(PAGE + "/cham" + MARCH)), tin, "1", ""));
        assertEquals(400, never.statusCode(), "an item never published earns nothing");
    }

    @Test
    void rateEditsByTheAdminAreAuditedAndDoNotRewriteWorksAlreadyAssessed() {
        Browser betaAdmin = portals.loggedIn(TwoPortals.BETA_HOST, "quantri", "MatKhauBeta2026!");
        HttpResponse<String> table = betaAdmin.get(PAGE + "/bang-gia");
        assertEquals(200, table.statusCode());
        Document doc = Jsoup.parse(table.body());
        assertEquals("234.000", doc.selectFirst("#unitValue").attr("value"));
        assertTrue(doc.text().contains("bảng mặc định để tham khảo"), "the preset says it is one");
        String tin = genre(portals.beta(), "Tin");
        Map<String, String> form = new HashMap<>();
        doc.select("form[method=post] input").forEach(i -> form.put(i.attr("name"), i.attr("value")));
        form.put("unitValue", "250.000 đ");
        form.put("units-" + tin, "2,5");
        form.put("newName", "Tin ảnh");
        form.put("newUnits", "3");

        Browser betaEditor = portals.editor(portals.beta());
        Map<String, String> fromEditor = new HashMap<>(form);
        fromEditor.put("csrfToken", csrfToken(betaEditor.get("/quan-tri")));
        assertEquals(403, betaEditor.postForm(PAGE + "/bang-gia", fromEditor).statusCode());

        Map<String, String> wrong = new HashMap<>(form);
        wrong.put("unitValue", "hai trăm nghìn");
        HttpResponse<String> refused = betaAdmin.postForm(PAGE + "/bang-gia", wrong);
        assertEquals(400, refused.statusCode());
        assertEquals("hai trăm nghìn", Jsoup.parse(refused.body()).selectFirst("#unitValue").attr("value"));

        HttpResponse<String> saved = betaAdmin.postForm(PAGE + "/bang-gia", form);
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(250_000, SqlProbe.number(this::jdbc, "SELECT unit_value_vnd FROM t_beta.royalty_settings"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.audit_log WHERE action = 'royalty.rates_changed'"
                + " AND details->>'unit_value_vnd' = '234000 → 250000' AND details->>'genre " + tin + "' = 'Tin 2 → Tin 2,5'"
                + " AND details->>'genre added' = 'Tin ảnh 3'"));
        assertEquals(234_000, SqlProbe.number(this::jdbc, "SELECT unit_value_vnd FROM t_alpha.royalty_settings"), "alpha's table is its own");
        assertEquals(468_000, SqlProbe.number(this::jdbc, "SELECT amount_vnd FROM t_beta.item_royalties"), "assessed at the old rates, kept");

        long betaHead = Long.parseLong(SqlProbe.string(this::jdbc, "SELECT id FROM t_beta.accounts WHERE username = 'truongban'"));
        royalties.assess(portals.beta(), betaHead, ids.get("b-1"), new Royalties.Entry(tin, "1,15", "", "")).block();
        assertEquals(718_750, SqlProbe.number(this::jdbc, "SELECT amount_vnd FROM t_beta.item_royalties"), "2,5 × 1,15 × 250.000");
    }

    @Test
    void tenantBNeitherSeesNorSetsTenantAsRoyalties() {
        Browser betaHead = portals.loggedIn(TwoPortals.BETA_HOST, "truongban", "TruongBan2026!x");
        HttpResponse<String> statement = betaHead.get(PAGE + MARCH);
        assertEquals(200, statement.statusCode());
        assertTrue(statement.body().contains("Tin riêng của Beta"));
        assertFalse(statement.body().contains("Phân tích chỉ số đổi mới sáng tạo"));
        assertFalse(betaHead.get(PAGE + "/cham" + MARCH).body().contains("Hội nghị sơ kết quý I"));

        // alpha's r-7 by its id on beta's host: beta holds no item with that id (alpha has more items)
        long alphaItem = ids.get("r-7");
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.content_items WHERE id = " + alphaItem));
        HttpResponse<String> guessed = betaHead.postForm(PAGE + "/cham/" + alphaItem,
                assessment(csrfToken(betaHead.get(PAGE + "/cham" + MARCH)), genre(portals.beta(), "Tin"), "0", ""));
        assertEquals(404, guessed.statusCode());
        assertEquals("1.50", SqlProbe.string(this::jdbc, "SELECT coefficient FROM t_alpha.item_royalties WHERE item_id = " + alphaItem));
        // alpha's head on beta's host is not signed in there
        assertTrue(head.at(TwoPortals.BETA_HOST).get(PAGE + MARCH).statusCode() != 200);
    }
}
