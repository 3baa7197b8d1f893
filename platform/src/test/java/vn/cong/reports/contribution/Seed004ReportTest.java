package vn.cong.reports.contribution;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.classification.Topics;
import vn.cong.content.sections.Sections;
import vn.cong.content.Slugs;
import vn.cong.engagement.Units;
import vn.cong.ops.integrity.IntegrityCheck;
import vn.cong.reports.contribution.ContributionReport.Count;
import vn.cong.reports.contribution.ContributionReport.UnitLine;
import vn.cong.reports.imports.ImportResult;
import vn.cong.reports.imports.ItemImport;
import vn.cong.tenancy.Tenant;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;
import vn.cong.testing.TwoPortals;

import io.micronaut.json.JsonMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import vn.cong.testing.Browser;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * THE test of the contribution report: seed 004's first half of 2018, built from {@code notes/seed004-figures.md}
 * ({@code reports/seed004-h1-2018.csv}, written by the script beside it) and brought in through the import, gives
 * back the seed's report exactly.
 */
@MicronautTest(transactional = false)
class Seed004ReportTest extends PlatformTestSupport {

    /** Units under the duty, in the seed's order: name, total, monthly average as printed. */
    static final String[][] MEETING = {
            {"Trung tâm Nghiên cứu và Phát triển truyền thông KH&CN", "171", "28,5"},
            {"Tổng cục Tiêu chuẩn Đo lường Chất lượng", "62", "10,33"},
            {"Vụ Kế hoạch - Tài chính", "48", "8,0"},
            {"Cục Thông tin KH&CN quốc gia", "47", "7,83"},
            {"Cục Sở hữu trí tuệ", "41", "6,83"},
            {"Viện Năng lượng nguyên tử Việt Nam", "39", "6,5"},
            {"Văn phòng Bộ", "28", "4,67"},
            {"Vụ KH&CN các ngành Kinh tế - kỹ thuật", "22", "3,67"},
            {"Ban quản lý Khu Công nghệ cao Hòa Lạc", "22", "3,67"},
            {"Vụ Hợp tác quốc tế", "21", "3,5"},
            {"Cục An toàn bức xạ và hạt nhân", "15", "2,5"},
            {"Vụ Phát triển KH&CN địa phương", "14", "2,33"},
            {"Quỹ Phát triển KH&CN quốc gia", "13", "2,17"},
            {"Vụ Thi đua - Khen thưởng", "13", "2,17"},
            {"Vụ Pháp chế", "12", "2,0"},
            {"Vụ Tổ chức cán bộ", "12", "2,0"},
            {"Học viện Khoa học, Công nghệ và Đổi mới sáng tạo", "12", "2,0"},
            {"Cục Ứng dụng và Phát triển công nghệ", "12", "2,0"}};
    static final String[][] MISSING = {
            {"Viện Nghiên cứu và Phát triển Vùng", "0", "0"},
            {"Cục Công tác phía Nam", "0", "0"},
            {"Viện Khoa học sở hữu trí tuệ", "1", "0,17"},
            {"Viện Đánh giá khoa học và định giá công nghệ", "1", "0,17"},
            {"Văn phòng Công nhận Chất lượng", "1", "0,17"},
            {"Viện Nghiên cứu sáng chế và khai thác công nghệ", "2", "0,33"},
            {"Văn phòng các chương trình trọng điểm cấp nhà nước", "3", "0,5"},
            {"Thanh tra Bộ", "3", "0,5"},
            {"Văn phòng Đăng ký hoạt động KH&CN", "4", "0,67"},
            {"Viện Ứng dụng công nghệ", "5", "0,83"},
            {"Vụ Khoa học Xã hội, Nhân văn và Tự nhiên", "6", "1,0"},
            {"Cục Năng lượng nguyên tử", "6", "1,0"},
            {"Cục Phát triển thị trường và doanh nghiệp KH&CN", "7", "1,17"},
            {"Vụ Công nghệ cao", "7", "1,17"},
            {"Trung tâm Nghiên cứu và Phát triển hội nhập KH&CN quốc tế", "7", "1,17"},
            {"Vụ Đánh giá, Thẩm định và Giám định công nghệ", "10", "1,67"}};
    static final String[] OUTSIDE = {"Sở KH&CN Hải Phòng", "Sở KH&CN Đồng Tháp"};
    static final String[] SECTIONS = {"Tin nổi bật", "Tin trang chủ", "Tin tổng hợp", "Điểm báo về KH&CN", "Thông báo",
            "Văn bản chỉ đạo điều hành", "Lấy ý kiến về văn bản KH&CN", "Hợp tác quốc tế", "Công khai minh bạch", "Ứng dụng CNTT - CCHC",
            "Cơ cấu tổ chức", "Thủ tục hành chính", "Các mục khác"};
    static final long[] SECTION_COUNTS = {102, 120, 152, 393, 162, 30, 9, 72, 15, 18, 19, 20, 145};
    static final long[] TOPIC_COUNTS = {116, 130, 83, 65, 33, 30, 35, 52, 71, 77, 32, 37, 48, 84, 36, 87, 241};

    @Inject
    Units units;
    @Inject
    Sections sections;
    @Inject
    Topics topics;
    @Inject
    ItemImport imports;
    @Inject
    ContributionReports reports;
    @Inject
    IntegrityCheck integrity;
    @Inject
    JsonMapper json;

    TwoPortals portals;
    ImportResult imported;
    ContributionReport report;

    @BeforeAll
    void importTheFirstHalfOf2018() {
        portals = TwoPortals.onboard(applicationContext);
        Tenant alpha = portals.alpha();
        prepareMinistry(alpha, portals.editorId(alpha));
        imported = imports.importItems(alpha, TestTenants.read("reports/seed004-h1-2018.csv"), "test").block();
        report = reports.report(alpha, Period.halfYear(2018, 1)).block();
    }

    @Inject
    io.micronaut.context.ApplicationContext applicationContext;

    /** The ministry's 34 units under the duty (in the seed's order), two outside it, its 13 sections and seed 004's topics. */
    void prepareMinistry(Tenant tenant, long actorId) {
        List<Units.Declared> declared = new ArrayList<>();
        for (String[] u : MEETING) {
            declared.add(new Units.Declared(u[0], null, null, null, null, true, false));
        }
        for (String[] u : MISSING) {
            declared.add(new Units.Declared(u[0], null, null, null, null, true, false));
        }
        for (String u : OUTSIDE) {
            declared.add(new Units.Declared(u, null, null, null, null, false, true));
        }
        units.declare(tenant, declared).block();
        for (String s : SECTIONS) {
            sections.add(tenant, actorId, new Sections.Fields(Slugs.fromTitle(s), s, s, "", null)).block();
        }
        topics.declare(tenant, Topics.MOST_PRESET).block();
    }

    @Test
    void theImportTakesEveryRowOfTheHalfYear() {
        assertTrue(imported.ok(), imported.errors().toString());
        assertEquals(1259, imported.rows());
        assertEquals(1259, imported.imported());
    }

    @Test
    void reproducesSeed004sTotals() {
        assertEquals(1257, report.total());
        assertEquals(695, report.supplied());
        assertEquals(562, report.found());
        assertEquals(52, report.rejected());
        assertEquals("6,0", report.monthsText());
        assertEquals("từ ngày 01/01/2018 đến hết ngày 30/06/2018", report.periodLabel());
    }

    @Test
    void eighteenOfThirtyFourUnitsMeetTheQuotaWithTheSeedsTotalsAndAverages() {
        assertEquals(34, report.underDuty());
        assertEquals(lines(MEETING), printed(report.meeting()));
    }

    @Test
    void sixteenUnitsMissTheQuotaWithTheSeedsTotalsAndAverages() {
        assertEquals(lines(MISSING), printed(report.missing()));
    }

    @Test
    void theSixUnitsAtThreeTimesTheQuotaAreCommended() {
        assertEquals(List.of(MEETING[0][0], MEETING[1][0], MEETING[2][0], MEETING[3][0], MEETING[4][0], MEETING[5][0]),
                report.commended().stream().map(UnitLine::name).toList());
    }

    @Test
    void sectionsAndTopicsAreCountedAsTheSeedCountsThem() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < SECTIONS.length; i++) {
            expected.add(SECTIONS[i] + ": " + SECTION_COUNTS[i]);
        }
        assertEquals(expected, report.sections().stream().map(c -> c.name() + ": " + c.items()).toList());
        List<String> topicsExpected = new ArrayList<>();
        for (int i = 0; i < Topics.MOST_PRESET.size(); i++) {
            topicsExpected.add(Topics.MOST_PRESET.get(i) + ": " + TOPIC_COUNTS[i]);
        }
        assertEquals(topicsExpected, report.topics().stream().map(c -> c.name() + ": " + c.items()).toList());
    }

    @Test
    void unitsOutsideTheDutyAndIndividualsMakeUpTheOtherTwentyEight() {
        assertEquals(List.of(new Count("Sở KH&CN Hải Phòng", 19), new Count("Sở KH&CN Đồng Tháp", 5), new Count("Cá nhân và đơn vị khác", 4)),
                report.outside());
        assertEquals(28, report.outsideTotal());
        assertEquals(667, report.units().stream().mapToLong(UnitLine::total).sum());
    }

    @Test
    void rejectedItemsAreListedWithTheirReasonsAndCountInTheirUnits() {
        assertEquals(52, report.rejectedItems().size());
        assertTrue(report.rejectedItems().stream().allMatch(r -> !r.reason().isBlank() && !r.unit().isBlank()), report.rejectedItems().toString());
        assertTrue(report.rejectedItems().stream().anyMatch(r -> r.reason().equals("Trùng lặp nội dung đã đăng tải")));
        assertTrue(report.rejectedItems().stream().anyMatch(r -> r.reason().equals("Sự kiện đã cũ, không còn tính thời sự")));
        assertEquals(52, report.units().stream().mapToLong(UnitLine::rejected).sum());
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        ImportResult again = imports.importItems(portals.alpha(), TestTenants.read("reports/seed004-h1-2018.csv"), "test again").block();
        assertTrue(again.ok(), again.errors().toString());
        assertEquals(0, again.imported());
        assertEquals(1259, again.unchanged());
        assertEquals(1257, reports.report(portals.alpha(), Period.halfYear(2018, 1)).block().total());
    }

    @Test
    void importedHistoryKeepsTheIntegrityCheckClean() {
        var run = integrity.run(IntegrityCheck.Trigger.COMMAND, portals.alpha().code(), "test").block();
        assertEquals("clean", run.status(), String.valueOf(run));
    }

    @Test
    void theMinistrysItemsNeverCountOnAnotherPortal() {
        ContributionReport beta = reports.report(portals.beta(), Period.halfYear(2018, 1)).block();
        assertEquals(0, beta.total());
        assertTrue(beta.units().stream().noneMatch(u -> u.name().equals(MEETING[0][0])));
        assertTrue(beta.rejectedItems().isEmpty());
    }

    @Test
    void theReportPageShowsTheSeedsLayoutWithChartsReadableWithoutJavascript() {
        Browser admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> response = admin.get("/quan-tri/bao-cao/dong-gop?kind=half&year=2018&value=1");
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertEquals("1257", page.select(".total").text());
        assertEquals("695", page.select(".supplied").text());
        assertEquals("562", page.select(".found").text());
        assertEquals("18/34", page.select(".meeting-count").text());
        assertEquals("16/34", page.select(".missing-count").text());
        assertEquals(List.of("1", MEETING[0][0], "171", "28,5"), page.select("table.meeting tbody tr").get(0).children().eachText());
        assertEquals(List.of("4", MEETING[3][0], "47", "7,83"), page.select("table.meeting tbody tr").get(3).children().eachText());
        assertEquals(List.of("1", MISSING[0][0], "0", "0"), page.select("table.missing tbody tr").get(0).children().eachText());
        assertEquals("6", page.select(".commended-count").text());
        assertEquals(52, page.select("table.rejected-items tbody tr").size());
        var charts = page.select("svg[role=img]");
        assertEquals(3, charts.size(), "sections, topics and units are drawn");
        for (var chart : charts) {
            assertTrue(!chart.select("title").text().isBlank() && !chart.select("desc").text().isBlank(), "every chart has a text alternative");
        }
        assertTrue(charts.get(0).text().contains("Điểm báo về KH&CN") && charts.get(0).text().contains("393"), "bars carry their labels and numbers");
        assertTrue(page.select("script").isEmpty() || page.select("svg script").isEmpty());
        assertEquals("/quan-tri/bao-cao/dong-gop.json?from=2018-01-01&to=2018-06-30", page.select("a[href*=dong-gop.json]").attr("href"));
    }

    @Test
    void theJsonAtItsDocumentedUrlCarriesTheSameNumbers() throws java.io.IOException {
        Browser admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> response = admin.get("/quan-tri/bao-cao/dong-gop.json?from=2018-01-01&to=2018-06-30");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> body = json.readValue(response.body(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
        assertEquals(1257, ((Number) body.get("total")).intValue());
        assertEquals(18, ((List<?>) body.get("meeting")).size());
        assertEquals("10,33", ((Map<?, ?>) ((List<?>) body.get("meeting")).get(1)).get("averageText"));
        assertEquals(400, admin.get("/quan-tri/bao-cao/dong-gop.json?from=2018-07-01&to=2018-06-30").statusCode());
        HttpResponse<String> anonymous = portals.browser(TwoPortals.ALPHA_HOST).get("/quan-tri/bao-cao/dong-gop.json?from=2018-01-01&to=2018-06-30");
        assertTrue(anonymous.statusCode() != 200 && !anonymous.body().contains("\"total\""), "staff only: " + anonymous.statusCode());
    }

    @Test
    void anEditorCannotOpenTheReportAndAnotherPortalsReportIsEmpty() {
        assertEquals(403, portals.editor(portals.alpha()).get("/quan-tri/bao-cao/dong-gop").statusCode());
        assertEquals(403, portals.editor(portals.alpha()).get("/quan-tri/bao-cao/dong-gop.json?kind=year&year=2018").statusCode());
        Browser betaAdmin = portals.loggedIn(TwoPortals.BETA_HOST, "quantri", "MatKhauBeta2026!");
        Document page = Jsoup.parse(betaAdmin.get("/quan-tri/bao-cao/dong-gop?kind=half&year=2018&value=1").body());
        assertEquals("0", page.select(".total").text());
        assertTrue(!page.text().contains(MEETING[0][0]));
        Browser alphaAdminOnBeta = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!").at(TwoPortals.BETA_HOST);
        assertTrue(alphaAdminOnBeta.get("/quan-tri/bao-cao/dong-gop.json?kind=year&year=2018").statusCode() != 200,
                "alpha's session opens nothing on beta");
    }

    @Test
    void aWrongPeriodKeepsWhatWasTypedAndSaysWhy() {
        Browser admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> response = admin.get("/quan-tri/bao-cao/dong-gop?kind=month&year=2018&value=13");
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertTrue(page.select("[role=alert]").text().contains("Kỳ báo cáo không hợp lệ"));
        assertEquals("13", page.select("#value").val());
    }

    @Test
    void theExportsInWordExcelAndPdfShowTheSeedsNumbers() throws Exception {
        Browser admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        String query = "?from=2018-01-01&to=2018-06-30";

        HttpResponse<byte[]> xlsx = admin.getBytes("/quan-tri/bao-cao/dong-gop.xlsx" + query, Map.of());
        assertEquals(200, xlsx.statusCode());
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            StringBuilder summary = new StringBuilder();
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> summary.append(cell.toString()).append('\n')));
            assertTrue(summary.toString().contains("Tổng số 1.257 tin/bài"), summary.toString());
            assertTrue(summary.toString().contains("- 695 tin/bài do các đơn vị, cá nhân cung cấp;"));
            var meeting = workbook.getSheetAt(3);
            assertEquals(MEETING[0][0], meeting.getRow(2).getCell(1).getStringCellValue());
            assertEquals(171.0, meeting.getRow(2).getCell(2).getNumericCellValue());
            assertEquals(28.5, meeting.getRow(2).getCell(3).getNumericCellValue());
            assertEquals(10.33, meeting.getRow(3).getCell(3).getNumericCellValue());
            assertEquals(19, meeting.getLastRowNum(), "the title row, the header and 18 units");
        }

        HttpResponse<byte[]> docx = admin.getBytes("/quan-tri/bao-cao/dong-gop.docx" + query, Map.of());
        assertEquals(200, docx.statusCode());
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.body()));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            String text = extractor.getText();
            assertTrue(text.contains("(từ ngày 01/01/2018 đến hết ngày 30/06/2018)"), text);
            assertTrue(text.contains("Có 18/34 đơn vị bảo đảm") && text.contains("Có 16/34 đơn vị không cung cấp đủ"));
            assertTrue(text.contains("không duyệt đăng 52 tin/bài"), text);
            var missing = document.getTables().stream().filter(t -> t.getText().contains(MISSING[15][0])).findFirst().orElseThrow();
            assertEquals("1,67", missing.getRow(16).getCell(3).getText());
            var meeting = document.getTables().stream().filter(t -> t.getText().contains(MEETING[3][0])).findFirst().orElseThrow();
            assertEquals("7,83", meeting.getRow(4).getCell(3).getText());
        }

        HttpResponse<byte[]> pdf = admin.getBytes("/quan-tri/bao-cao/dong-gop.pdf" + query, Map.of());
        assertEquals(200, pdf.statusCode());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            for (String figure : List.of("1.257", "695", "562", "28,5", "10,33", "8,0", "7,83", "Điểm báo về KH&CN", "Sở KH&CN Hải Phòng",
                    MISSING[0][0], "Thi đua khen thưởng")) {
                assertTrue(text.contains(figure), figure + " in:\n" + text);
            }
        }
        assertEquals(403, portals.editor(portals.alpha()).getBytes("/quan-tri/bao-cao/dong-gop.pdf" + query, Map.of()).statusCode());
    }

    private static List<String> lines(String[][] rows) {
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(r[0] + " | " + r[1] + " | " + r[2]);
        }
        return out;
    }

    private static List<String> printed(List<UnitLine> lines) {
        return lines.stream().map(l -> l.name() + " | " + l.total() + " | " + l.averageText()).toList();
    }
}
