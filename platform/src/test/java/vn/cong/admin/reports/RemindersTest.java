package vn.cong.admin.reports;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.engagement.Unit;
import vn.cong.engagement.Units;
import vn.cong.reports.reminders.EmulationConsequence;
import vn.cong.reports.reminders.UnitReminders;
import vn.cong.reports.reminders.YearlyUpdateRequests;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;

/** Reminders to units: recorded by the board, counted per year, with the emulation consequence of seed 003 Đ18. */
@MicronautTest(transactional = false)
class RemindersTest extends PlatformTestSupport {

    private static final String PAGE = "/quan-tri/bao-cao/nhac-nho";

    @Inject
    ApplicationContext context;
    @Inject
    Units units;
    @Inject
    UnitReminders reminders;
    @Inject
    YearlyUpdateRequests updateRequests;

    private TwoPortals portals;
    private Browser admin;
    private long planning;
    private long legal;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        Unit withFocal = new Unit(null, null, "Phòng Kế hoạch", "", 1, "Trưởng phòng Lê Văn B", portals.editorId(portals.alpha()), "", true, false);
        planning = units.save(portals.alpha(), withFocal).block();
        legal = units.save(portals.alpha(), Unit.named("Phòng Pháp chế")).block();
        for (int i = 1; i <= 6; i++) {
            reminders.record(portals.alpha(), portals.editorId(portals.alpha()),
                    new UnitReminders.Entry(String.valueOf(legal), "2025-0" + i + "-10", "Chậm cung cấp tin tháng " + i)).block();
        }
        admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
    }

    private static Map<String, String> form(String token, long unit, String day, String reason) {
        Map<String, String> f = new HashMap<>();
        f.put("csrfToken", token);
        f.put("unitId", String.valueOf(unit));
        f.put("remindedOn", day);
        f.put("reason", reason);
        return f;
    }

    private static Map<String, String> countsOn(HttpResponse<String> page) {
        Map<String, String> counts = new HashMap<>();
        Jsoup.parse(page.body()).select("article.report section").first().select("tbody tr")
                .forEach(r -> counts.put(r.child(0).text(), r.child(2).text() + " | " + r.child(3).text()));
        return counts;
    }

    @Test
    void consequencesFollowTheYearlyCount() {
        assertEquals(EmulationConsequence.NONE, EmulationConsequence.of(0));
        assertEquals(EmulationConsequence.NONE, EmulationConsequence.of(2));
        assertEquals(EmulationConsequence.ONE_GRADE_DOWN, EmulationConsequence.of(3));
        assertEquals(EmulationConsequence.ONE_GRADE_DOWN, EmulationConsequence.of(4));
        assertEquals(EmulationConsequence.TWO_GRADES_DOWN, EmulationConsequence.of(5));
        assertEquals(EmulationConsequence.HEAD_DID_NOT_COMPLETE_DUTIES, EmulationConsequence.of(6));
    }

    @Test
    void theBoardRecordsRemindersAndThePageShowsTheYearsCountAndConsequence() {
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> recorded = admin.postForm(PAGE, form(csrfToken(admin.get(PAGE)), planning, "2025-1" + i / 3 + "-0" + i,
                    "Tin về hội nghị gửi muộn " + i));
            assertEquals(303, recorded.statusCode(), recorded.body());
            assertTrue(recorded.headers().firstValue("Location").orElseThrow().endsWith("nam=2025&thongbao=lan-" + i));
        }
        Map<String, String> counts = countsOn(admin.get(PAGE + "?nam=2025"));
        assertEquals("3 | Giảm một bậc thi đua của đơn vị", counts.get("Phòng Kế hoạch"));
        assertEquals("6 | Thủ trưởng đơn vị bị xếp loại «không hoàn thành nhiệm vụ»", counts.get("Phòng Pháp chế"));
        assertEquals("0 | Không bị trừ bậc thi đua", countsOn(admin.get(PAGE + "?nam=2024")).get("Phòng Kế hoạch"));
        assertTrue(SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications WHERE account_id = " + portals.editorId(portals.alpha())
                + " AND message LIKE '%Phòng Kế hoạch%lần thứ 3 trong năm 2025%giảm một bậc%'") == 1, "the unit's focal point is told");
    }

    @Test
    void onlyTheBoardRecordsAndBadInputKeepsWhatWasTyped() {
        Browser editor = portals.editor(portals.alpha());
        HttpResponse<String> refused = editor.postForm(PAGE, form(csrfToken(editor.get(PAGE)), legal, "2025-07-01", "Không được ghi"));
        assertEquals(403, refused.statusCode());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.unit_reminders WHERE reason = 'Không được ghi'"));

        HttpResponse<String> noReason = admin.postForm(PAGE, form(csrfToken(admin.get(PAGE)), legal, "2025-07-02", "  "));
        assertEquals(400, noReason.statusCode());
        Document doc = Jsoup.parse(noReason.body());
        assertTrue(doc.selectFirst("#loi-reason").text().contains("lý do"));
        assertEquals("2025-07-02", doc.selectFirst("#remindedOn").attr("value"));
        assertEquals(String.valueOf(legal), doc.selectFirst("#unitId option[selected]").attr("value"));
    }

    @Test
    void theYearDownloadsAsXlsxWithTheCounts() throws Exception {
        HttpResponse<byte[]> xlsx = admin.getBytes(PAGE + "/tai-ve/xlsx?nam=2025", Map.of());
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet sheet = workbook.getSheet("Số lần nhắc nhở theo đơn vị");
            assertEquals("Phòng Pháp chế", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals(6.0, sheet.getRow(2).getCell(2).getNumericCellValue());
        }
    }

    @Test
    void tenantBNeitherSeesNorRemindsTenantAsUnits() {
        Browser betaAdmin = portals.loggedIn(TwoPortals.BETA_HOST, "quantri", "MatKhauBeta2026!");
        HttpResponse<String> page = betaAdmin.get(PAGE + "?nam=2025");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("Phòng Pháp chế"));
        long before = SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.unit_reminders");
        betaAdmin.postForm(PAGE, form(csrfToken(page), legal, "2025-08-01", "Từ Beta"));
        assertEquals(before, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.unit_reminders"));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.unit_reminders WHERE reason = 'Từ Beta'"));
    }

    @Test
    void everyUnitIsAskedOnceAYearToUpdateItsInformationThroughItsFocalPointOrTheAdmins() {
        Instant january = Instant.parse("2031-01-05T01:00:00Z");
        long editor = portals.editorId(portals.alpha());
        int asked = updateRequests.ask(portals.alpha(), january).block();
        assertEquals(SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.org_units WHERE supplies_items AND NOT outside"), asked);
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications WHERE account_id = " + editor
                + " AND message LIKE 'Đầu năm 2031, đề nghị đơn vị Phòng Kế hoạch rà soát%danh bạ điện thoại%'"), "the focal point is asked");
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id"
                + " WHERE a.username = 'quantri' AND n.message LIKE 'Đầu năm 2031, đề nghị đơn vị Phòng Pháp chế%chưa có cán bộ đầu mối%'"),
                "a unit without a focal point goes to the tenant admin");
        assertEquals(0, updateRequests.ask(portals.alpha(), january.plusSeconds(3600)).block(), "asked once a year");
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.unit_update_requests WHERE year = 2031"),
                "another tenant's units are asked by its own run");
    }
}
