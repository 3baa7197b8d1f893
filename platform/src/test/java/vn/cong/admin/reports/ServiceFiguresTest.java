package vn.cong.admin.reports;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.procedures.ProcedureFields;
import vn.cong.content.procedures.Procedures;
import vn.cong.engagement.Unit;
import vn.cong.engagement.Units;
import vn.cong.tenancy.Tenant;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;

/** Processing figures of online public services: entered by the responsible unit or imported, published per procedure and in a summary. */
@MicronautTest(transactional = false)
class ServiceFiguresTest extends PlatformTestSupport {

    private static final String PAGE = "/quan-tri/bao-cao/dich-vu-cong";
    private static final String IP_OFFICE = "Cục Sở hữu trí tuệ";

    @Inject
    ApplicationContext context;
    @Inject
    Procedures procedures;
    @Inject
    Publishing publishing;
    @Inject
    Units units;

    private TwoPortals portals;
    private long patent;
    private long standards;
    private long draft;
    private long betaProcedure;
    private Browser editor;
    private Browser alphaAdmin;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        units.save(portals.alpha(), Unit.named(IP_OFFICE)).block();
        SqlProbe.run(this::jdbc, "UPDATE t_alpha.accounts SET unit = 'Cục Sở hữu trí tuệ' WHERE username = 'bientap'");
        patent = procedure(portals.alpha(), "dang-ky-sang-che", "Đăng ký sáng chế", IP_OFFICE, true);
        standards = procedure(portals.alpha(), "cap-dau-dinh-luong", "Cấp dấu định lượng", "Tổng cục Tiêu chuẩn", true);
        draft = procedure(portals.alpha(), "thu-tuc-chua-dang", "Thủ tục chưa đăng", IP_OFFICE, false);
        betaProcedure = procedure(portals.beta(), "cap-phep-beta", "Cấp phép của Beta", "Văn phòng Beta", true);
        editor = portals.editor(portals.alpha());
        alphaAdmin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
    }

    private long procedure(Tenant tenant, String slug, String title, String unit, boolean publish) {
        long id = procedures.save(tenant, new Draft(null, 0, Procedures.KIND, null, "vi", slug, title, "", "<p>Trình tự</p>", null, null, null,
                false, null), new ProcedureFields(3, "https://dichvucong.gov.vn/" + slug, "Khoa học", unit, "15 ngày làm việc", "", ""), Map.of())
                .block().id();
        if (publish) {
            publishing.publish(tenant, id, null).block();
        }
        return id;
    }

    private static Map<String, String> month(String token, long procedure, String month, String received, String processed,
                                             String onTime, String late) {
        Map<String, String> f = new HashMap<>();
        f.put("csrfToken", token);
        f.put("procedure", String.valueOf(procedure));
        f.put("month", month);
        f.put("received", received);
        f.put("processed", processed);
        f.put("onTime", onTime);
        f.put("late", late);
        return f;
    }

    private long saved(String schema, long item, String month) {
        return SqlProbe.number(this::jdbc, "SELECT count(*) FROM " + schema + ".procedure_figures WHERE item_id = " + item
                + " AND month = DATE '" + month + "-01'");
    }

    @Test
    void theResponsibleUnitsStaffEntersAMonthShownOnTheProcedurePageAndInTheSummary() {
        HttpResponse<String> page = editor.get(PAGE);
        assertEquals(200, page.statusCode(), page.body());
        Document form = Jsoup.parse(page.body());
        assertNotNull(form.selectFirst("#procedure option[value=" + patent + "]"));
        assertNull(form.selectFirst("#procedure option[value=" + standards + "]"), "another unit's procedure is not offered");

        assertEquals(303, editor.postForm(PAGE, month(csrfToken(page), patent, "2025-10", "1.250", "1200", "1180", "20")).statusCode());
        Browser reader = portals.browser(TwoPortals.ALPHA_HOST);
        String procedurePage = Jsoup.parse(reader.get("/thu-tuc/dang-ky-sang-che").body()).text();
        assertTrue(procedurePage.contains("Tháng 10/2025: tiếp nhận 1.250, đã giải quyết 1.200 (đúng hạn 1.180, trễ hạn 20)"), procedurePage);

        HttpResponse<String> summary = reader.get("/so-lieu-dich-vu-cong?nam=2025");
        assertEquals(200, summary.statusCode());
        Element section = Jsoup.parse(summary.body()).selectFirst("#thu-tuc-" + patent);
        assertEquals("10/2025 1.250 1.200 1.180 20 98,3%", section.selectFirst("tbody tr").text());
        Element english = Jsoup.parse(reader.get("/en/so-lieu-dich-vu-cong?nam=2025").body()).selectFirst("#thu-tuc-" + patent);
        assertEquals("10/2025 1,250 1,200 1,180 20 98.3%", english.selectFirst("tbody tr").text());
        assertTrue(english.select("thead th").eachText().contains("On time"));
    }

    @Test
    void staffCannotEnterFiguresForAnotherUnitsProcedure() {
        HttpResponse<String> refused = editor.postForm(PAGE, month(csrfToken(editor.get(PAGE)), standards, "2025-09", "10", "8", "8", "0"));
        assertEquals(400, refused.statusCode());
        assertTrue(Jsoup.parse(refused.body()).selectFirst("#loi-procedure").text().contains("đơn vị mình"));
        assertEquals(0, saved("t_alpha", standards, "2025-09"));
    }

    @Test
    void wrongFiguresAreRefusedWithAMessageAndTheFormKeepsWhatWasTyped() {
        HttpResponse<String> refused = editor.postForm(PAGE, month(csrfToken(editor.get(PAGE)), patent, "2025-08", "40", "30", "25", "4"));
        assertEquals(400, refused.statusCode());
        Document doc = Jsoup.parse(refused.body());
        assertTrue(doc.selectFirst("#loi-late").text().contains("phải bằng số đã giải quyết (30)"));
        assertEquals("40", doc.selectFirst("#received").attr("value"));
        assertEquals("2025-08", doc.selectFirst("#month").attr("value"));
        assertEquals(0, saved("t_alpha", patent, "2025-08"));

        HttpResponse<String> future = editor.postForm(PAGE, month(csrfToken(editor.get(PAGE)), patent, "2099-01", "1", "1", "1", "0"));
        assertEquals(400, future.statusCode());
        assertTrue(Jsoup.parse(future.body()).selectFirst("#loi-month").text().contains("2099-01"));
    }

    @Test
    void aCsvImportSavesEveryRowOrNoneAndListsEveryWrongRow() {
        String token = csrfToken(alphaAdmin.get(PAGE));
        String bad = "thu_tuc,thang,tiep_nhan,da_giai_quyet,dung_han,tre_han\n"
                + "dang-ky-sang-che,2025-01,50,45,45,0\n"
                + "khong-co-thu-tuc,2025-01,5,5,5,0\n"
                + "cap-dau-dinh-luong,2025-13,5,5,5,0\n";
        HttpResponse<String> refused = alphaAdmin.postForm(PAGE + "/nhap-csv", Map.of("csrfToken", token, "csv", bad));
        assertEquals(400, refused.statusCode());
        Document doc = Jsoup.parse(refused.body());
        assertEquals(2, doc.select("#loi-csv li").size());
        assertTrue(doc.select("#loi-csv li").get(0).text().startsWith("Dòng 3:"));
        assertTrue(doc.select("#loi-csv li").get(1).text().startsWith("Dòng 4:"));
        assertTrue(doc.selectFirst("#csv").text().contains("khong-co-thu-tuc"), "the CSV typed is kept");
        assertEquals(0, saved("t_alpha", patent, "2025-01"), "nothing is imported when a row is wrong");

        String good = "thu_tuc,thang,tiep_nhan,da_giai_quyet,dung_han,tre_han\n"
                + "dang-ky-sang-che,2025-01,50,45,45,0\n"
                + "cap-dau-dinh-luong,2025-01,12,10,9,1\n";
        HttpResponse<String> imported = alphaAdmin.postForm(PAGE + "/nhap-csv", Map.of("csrfToken", csrfToken(alphaAdmin.get(PAGE)), "csv", good));
        assertEquals(303, imported.statusCode());
        assertTrue(imported.headers().firstValue("Location").orElseThrow().endsWith("da-nhap-2"));
        assertEquals(1, saved("t_alpha", patent, "2025-01"));
        assertEquals(1, saved("t_alpha", standards, "2025-01"));
    }

    @Test
    void anUnpublishedProceduresFiguresStayOffThePublicSummary() {
        assertEquals(303, alphaAdmin.postForm(PAGE, month(csrfToken(alphaAdmin.get(PAGE)), draft, "2025-03", "7", "7", "7", "0")).statusCode());
        Document summary = Jsoup.parse(portals.browser(TwoPortals.ALPHA_HOST).get("/so-lieu-dich-vu-cong?nam=2025").body());
        assertNull(summary.selectFirst("#thu-tuc-" + draft));
    }

    @Test
    void tenantBNeitherSeesNorChangesTenantAsFigures() {
        Browser betaAdmin = portals.loggedIn(TwoPortals.BETA_HOST, "quantri", "MatKhauBeta2026!");
        HttpResponse<String> page = betaAdmin.get(PAGE);
        assertFalse(page.body().contains("Đăng ký sáng chế"));
        HttpResponse<String> refused = betaAdmin.postForm(PAGE + "/nhap-csv", Map.of("csrfToken", csrfToken(page), "csv",
                "thu_tuc,thang,tiep_nhan,da_giai_quyet,dung_han,tre_han\ndang-ky-sang-che,2025-05,9,9,9,0\n"));
        assertEquals(400, refused.statusCode());
        assertEquals(0, saved("t_alpha", patent, "2025-05"));
        // ids are per schema: an alpha procedure's id that is not beta's procedure names nothing beta may enter
        long alphaOnly = patent != betaProcedure ? patent : standards;
        HttpResponse<String> direct = betaAdmin.postForm(PAGE, month(csrfToken(page), alphaOnly, "2025-05", "9", "9", "9", "0"));
        assertEquals(400, direct.statusCode());
        assertEquals(0, saved("t_alpha", alphaOnly, "2025-05"));

        assertEquals(303, betaAdmin.postForm(PAGE, month(csrfToken(betaAdmin.get(PAGE)), betaProcedure, "2025-06", "3", "3", "3", "0")).statusCode());
        String alphaSummary = portals.browser(TwoPortals.ALPHA_HOST).get("/so-lieu-dich-vu-cong?nam=2025").body();
        assertFalse(alphaSummary.contains("Cấp phép của Beta"));
        String betaSummary = portals.browser(TwoPortals.BETA_HOST).get("/so-lieu-dich-vu-cong?nam=2025").body();
        assertTrue(betaSummary.contains("Cấp phép của Beta"));
        assertFalse(betaSummary.contains("Đăng ký sáng chế"));
    }

    @Test
    void anUnknownYearIsNotFound() {
        assertEquals(404, portals.browser(TwoPortals.ALPHA_HOST).get("/so-lieu-dich-vu-cong?nam=1999").statusCode());
        assertEquals(404, portals.browser(TwoPortals.ALPHA_HOST).get("/so-lieu-dich-vu-cong?nam=abc").statusCode());
    }
}
