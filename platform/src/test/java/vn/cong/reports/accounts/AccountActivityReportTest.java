package vn.cong.reports.accounts;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.LoginOutcome;
import vn.cong.accounts.Role;
import vn.cong.accounts.StaffLogin;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account activity and security report counts each tenant's own records for the period, and nothing else. */
@MicronautTest(transactional = false)
class AccountActivityReportTest extends PlatformTestSupport {

    final MutableClock clock = MutableClock.startingNow();

    @Inject
    ApplicationContext context;
    @Inject
    StaffLogin login;
    @Inject
    AccountAdministration administration;
    @Inject
    AccountActivityReports reports;

    private TwoPortals portals;
    private ReportPeriod thisMonth;
    /** Alpha's report right after the activity, before the page tests log in. */
    private AccountActivity alphaReport;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeAll
    void activity() {
        portals = TwoPortals.onboard(context);
        thisMonth = ReportPeriod.month(YearMonth.now(clock.withZone(VietnamTime.ZONE)));
        Tenant alpha = portals.alpha();
        Tenant beta = portals.beta();
        // alpha: two wrong passwords, then the right one; a stranger guesses six times (the sixth is throttled)
        attempt(alpha, TwoPortals.EDITOR, "sai-mat-khau-1");
        attempt(alpha, TwoPortals.EDITOR, "sai-mat-khau-2");
        assertInstanceOf(LoginOutcome.SignedIn.class, login.attempt(alpha, TwoPortals.EDITOR, TwoPortals.ALPHA_EDITOR_PASSWORD, "10.0.0.1").block());
        for (int i = 0; i < 5; i++) {
            attempt(alpha, "=cmd|' /C calc'!A0", "doan-" + i);
        }
        assertInstanceOf(LoginOutcome.Throttled.class, login.attempt(alpha, "=cmd|' /C calc'!A0", "doan-6", "10.0.0.3").block());
        // alpha's admin creates an account, changes its details, then its roles, then revokes it
        long admin = accountId(alpha, "quantri");
        long created = administration.create(alpha, admin, details("phong-vien", "Phóng Viên"), Set.of(Role.CONTRIBUTOR),
                "MatKhauPhongVien2026").block().accountId();
        administration.update(alpha, admin, created, details("phong-vien", "Phóng Viên Trẻ"), Set.of(Role.CONTRIBUTOR)).block();
        administration.update(alpha, admin, created, details("phong-vien", "Phóng Viên Trẻ"), Set.of(Role.CONTRIBUTOR, Role.EDITOR)).block();
        administration.revoke(alpha, admin, created).block();
        // an attempt of two months ago is outside the period
        SqlProbe.run(this::jdbc, "INSERT INTO t_alpha.login_attempts (username, succeeded, at) VALUES ('cu', false, now() - interval '62 days')");
        // the platform's checks: alpha has one finding and one incident; beta has its own
        SqlProbe.run(this::jdbc,
                "INSERT INTO platform.integrity_runs (id, trigger, node, status, findings) VALUES (900001, 'operator', 'n', 'findings', 2)",
                "INSERT INTO platform.integrity_findings (run_id, tenant_code, kind, summary) VALUES (900001, 'alpha', 'content_changed', 'x'),"
                        + " (900001, 'beta', 'item_removed', 'y')",
                "INSERT INTO platform.uptime_incidents (target, tenant_code, url, opened_at) VALUES ('alpha-home', 'alpha', 'http://a', now()),"
                        + " ('beta-home', 'beta', 'http://b', now()), ('beta-old', 'beta', 'http://b', now() - interval '1 day')");
        // beta: a guesser with a name of its own, and an account of its own
        for (int i = 0; i < 3; i++) {
            attempt(beta, "ke-la-beta", "doan-" + i);
        }
        administration.create(beta, accountId(beta, "quantri"), details("nguoi-beta", "Người Beta"), Set.of(Role.EDITOR),
                "MatKhauNguoiBeta2026").block();
        alphaReport = reports.report(alpha, thisMonth).block();
    }

    private void attempt(Tenant tenant, String username, String password) {
        assertInstanceOf(LoginOutcome.Refused.class, login.attempt(tenant, username, password, "10.0.0.3").block());
    }

    private long accountId(Tenant tenant, String username) {
        return SqlProbe.number(this::jdbc, "SELECT id FROM t_" + tenant.code() + ".accounts WHERE username = '" + username + "'");
    }

    private static AccountDetails details(String username, String name) {
        return new AccountDetails(username, username + "@example.vn", name, "", "", "");
    }

    @Test
    void figuresAreCountedFromTheTenantsOwnRecordsForThePeriod() {
        AccountActivity.Figures f = alphaReport.figures();
        assertEquals(1, f.logins());
        assertEquals(1, f.accountsSignedIn());
        assertEquals(7, f.failedLogins(), "two wrong passwords and five guesses; beta's and the old attempt are not counted");
        assertEquals(1, f.throttledAttempts());
        assertEquals(1, f.accountsChanged());
        assertEquals(1, f.privilegeChanges());
        assertEquals(1, f.revocations());
        assertEquals(1, f.integrityChecks());
        assertEquals(1, f.integrityFindings());
        assertEquals(1, f.incidents());
    }

    @Test
    void failedLoginsAreListedByTypedUsernameAndTenantBsNeverAppear() {
        AccountActivity alpha = alphaReport;
        assertEquals("=cmd|' /c calc'!a0", alpha.failedByUsername().get(0).username());
        assertEquals(5, alpha.failedByUsername().get(0).failed());
        assertEquals(1, alpha.failedByUsername().get(0).throttled());
        assertEquals(TwoPortals.EDITOR, alpha.failedByUsername().get(1).username());
        assertEquals(2, alpha.failedByUsername().get(1).failed());
        assertTrue(alpha.failedByUsername().stream().noneMatch(u -> u.username().equals("ke-la-beta")));
        assertTrue(alpha.events().stream().noneMatch(e -> e.username().equals("nguoi-beta")));
        assertTrue(alpha.events().stream().anyMatch(e -> e.action().equals("Thu hồi tài khoản") && e.username().equals("phong-vien")
                && e.actor().equals("quantri")));

        AccountActivity.Figures beta = reports.report(portals.beta(), thisMonth).block().figures();
        assertEquals(3, beta.failedLogins());
        assertEquals(0, beta.throttledAttempts());
        assertEquals(0, beta.revocations());
        assertEquals(1, beta.integrityFindings());
        assertEquals(2, beta.incidents());
    }

    @Test
    void theTenantAdminSeesTheReportPageAndDownloadsItAsXlsxWithTheSameFigures() throws Exception {
        Browser admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> page = admin.get("/quan-tri/bao-cao/tai-khoan?ky=" + thisMonth.code());
        assertEquals(200, page.statusCode(), page.body());
        Document doc = Jsoup.parse(page.body());
        assertEquals(thisMonth.code(), doc.selectFirst("#ky option[selected]").attr("value"));
        Map<String, String> figures = new HashMap<>();
        doc.select("article.report section").first().select("tbody tr").forEach(r -> figures.put(r.child(0).text(), r.child(1).text()));
        assertEquals("7", figures.get("Đăng nhập sai mật khẩu hoặc tên"));
        assertEquals("1", figures.get("Lần đăng nhập bị chặn do thử sai nhiều lần"));
        assertFalse(page.body().contains("ke-la-beta"));

        HttpResponse<byte[]> xlsx = admin.getBytes("/quan-tri/bao-cao/tai-khoan/tai-ve/xlsx?ky=" + thisMonth.code(), Map.of());
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElseThrow().contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20t%C3%A0i%20kho%E1%BA%A3n"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet sheet = workbook.getSheet("Số liệu tổng hợp");
            Map<String, Double> cells = new HashMap<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                cells.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r).getCell(1).getNumericCellValue());
            }
            assertEquals(7.0, cells.get("Đăng nhập sai mật khẩu hoặc tên"));
            assertEquals(1.0, cells.get("Thay đổi quyền (vai trò)"));
            XSSFSheet failed = workbook.getSheetAt(2);
            assertEquals("Đăng nhập sai theo tên đăng nhập", failed.getRow(0).getCell(0).getStringCellValue());
            assertEquals("'=cmd|' /c calc'!a0", failed.getRow(2).getCell(0).getStringCellValue(), "a typed username is never a formula");
        }
        HttpResponse<byte[]> pdf = admin.getBytes("/quan-tri/bao-cao/tai-khoan/tai-ve/pdf?ky=" + thisMonth.code(), Map.of());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("Báo cáo hoạt động tài khoản và giám sát an toàn thông tin"), text);
            assertTrue(text.contains("Lần đăng nhập bị chặn do thử sai nhiều lần"), text);
        }
    }

    @Test
    void anEditorIsRefusedAndBetasAdminSeesOnlyBetasFigures() {
        HttpResponse<String> editor = portals.editor(portals.alpha()).get("/quan-tri/bao-cao/tai-khoan");
        assertEquals(403, editor.statusCode());
        HttpResponse<String> refusedDownload = portals.editor(portals.alpha()).get("/quan-tri/bao-cao/tai-khoan/tai-ve/pdf?ky=" + thisMonth.code());
        assertEquals(403, refusedDownload.statusCode());

        Browser betaAdmin = portals.loggedIn(TwoPortals.BETA_HOST, "quantri", "MatKhauBeta2026!");
        HttpResponse<String> page = betaAdmin.get("/quan-tri/bao-cao/tai-khoan?ky=" + thisMonth.code());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("ke-la-beta"));
        assertFalse(page.body().contains("phong-vien"));
        assertFalse(page.body().contains("calc"));
    }

    @Test
    void anUnknownPeriodIsRefusedWithAMessage() {
        Browser admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> page = admin.get("/quan-tri/bao-cao/tai-khoan?ky=2026-13");
        assertEquals(400, page.statusCode());
        assertTrue(Jsoup.parse(page.body()).selectFirst("[role=alert]").text().contains("không hợp lệ"));
    }

    @Test
    void quartersAndMonthsParseFromTheirCodes() {
        ReportPeriod q = ReportPeriod.parse("2026-Q3").orElseThrow();
        assertEquals("Quý III/2026", q.label());
        assertEquals(java.time.LocalDate.of(2026, 7, 1), q.start());
        assertEquals(java.time.LocalDate.of(2026, 10, 1), q.end());
        assertEquals("Tháng 2/2026", ReportPeriod.parse("2026-02").orElseThrow().label());
        assertTrue(ReportPeriod.parse("2026-Q5").isEmpty());
        assertTrue(ReportPeriod.parse("x").isEmpty());
    }
}
