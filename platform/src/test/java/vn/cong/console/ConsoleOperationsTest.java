package vn.cong.console;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.admin.StaffForms;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ConsoleOperationsTest extends PlatformTestSupport {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>(OperatorConsole.operatorProperties());
        p.put("cong.backup.pg-dump", "/nonexistent/pg_dump"); // this class takes no backups; it checks the warning
        return p;
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    private Browser operator() {
        return OperatorConsole.loggedIn(server.getPort());
    }

    @Test
    void aMaintenanceWindowAnnouncedAtTheConsoleAppearsOnTheStatusPage() {
        Browser browser = operator();
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusHours(2).withSecond(0).withNano(0);
        HttpResponse<String> answer = browser.postForm("/van-hanh/bao-tri", Map.of("tenants", "alpha",
                "startsAt", start.format(LOCAL), "endsAt", start.plusHours(3).format(LOCAL),
                "messageVi", "Nâng cấp máy chủ cơ sở dữ liệu của Cục Alpha", "messageEn", "Database server upgrade",
                "csrfToken", OperatorConsole.token(browser)));
        assertEquals(303, answer.statusCode(), answer.body());
        assertTrue(StaffForms.text(browser.get("/van-hanh/bao-tri")).contains("Nâng cấp máy chủ cơ sở dữ liệu của Cục Alpha"));

        HttpResponse<String> status = new Browser(server.getPort(), "status.most.localhost").get("/trang-thai");
        assertEquals(200, status.statusCode());
        assertTrue(StaffForms.text(status).contains("Nâng cấp máy chủ cơ sở dữ liệu của Cục Alpha"), status.body());
    }

    @Test
    void aMaintenanceWindowIsCancelledAtTheConsole() throws SQLException {
        Browser browser = operator();
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(3).withSecond(0).withNano(0);
        assertEquals(303, browser.postForm("/van-hanh/bao-tri", Map.of("allTenants", "all", "startsAt", start.format(LOCAL),
                "endsAt", start.plusHours(1).format(LOCAL), "messageVi", "Khung sẽ bị huỷ", "messageEn", "To be cancelled",
                "csrfToken", OperatorConsole.token(browser))).statusCode());
        long id;
        try (var c = jdbc(); var rs = c.createStatement().executeQuery(
                "SELECT id FROM platform.maintenance_windows WHERE message_vi = 'Khung sẽ bị huỷ'")) {
            rs.next();
            id = rs.getLong(1);
        }
        HttpResponse<String> cancelled = browser.postForm("/van-hanh/bao-tri/" + id + "/huy", Map.of("csrfToken", OperatorConsole.token(browser)));
        assertEquals(303, cancelled.statusCode(), cancelled.body());
        assertTrue(!StaffForms.text(browser.get("/van-hanh/bao-tri")).contains("Khung sẽ bị huỷ"), "a cancelled window is no longer listed");
        assertEquals(404, browser.postForm("/van-hanh/bao-tri/" + id + "/huy", Map.of("csrfToken", OperatorConsole.token(browser))).statusCode(),
                "cancelling twice says there is no such window");
        try (var c = jdbc(); var rs = c.createStatement().executeQuery(
                "SELECT outcome FROM platform.operator_audit WHERE action = 'ops.maintenance.cancel' ORDER BY id")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
            rs.next();
            assertEquals("refused", rs.getString(1));
        }
    }

    @Test
    void aBadMaintenanceFormListsEveryFieldErrorAndKeepsWhatWasTyped() {
        Browser browser = operator();
        HttpResponse<String> answer = browser.postForm("/van-hanh/bao-tri", Map.of("startsAt", "2030-01-02T10:00",
                "endsAt", "2030-01-02T09:00", "messageVi", "Bảo trì", "messageEn", "", "csrfToken", OperatorConsole.token(browser)));
        assertEquals(422, answer.statusCode());
        String text = StaffForms.text(answer);
        assertTrue(text.contains("cần nêu các cổng bị ảnh hưởng"), text);
        assertTrue(text.contains("thời điểm kết thúc phải sau thời điểm bắt đầu"), text);
        assertTrue(text.contains("cần nội dung thông báo bằng tiếng Anh"), text);
        Document html = OperatorConsole.html(answer);
        assertEquals("Bảo trì", html.selectFirst("#messageVi").attr("value"));
        assertEquals("2030-01-02T10:00", html.selectFirst("#startsAt").attr("value"));
    }

    @Test
    void aBadManifestPastedAtTheConsoleListsEveryFieldErrorAndKeepsTheText() {
        Browser browser = operator();
        String manifest = """
                code: Sai-Ma
                name: {vi: "", en: Broken Unit}
                abbreviation: alpha
                parent: khong_co
                """;
        HttpResponse<String> answer = OperatorConsole.postMultipart(server.getPort(), browser, "/van-hanh/cong/moi",
                Map.of("manifest", manifest, "csrfToken", OperatorConsole.token(browser)), "", "");
        assertEquals(422, answer.statusCode(), answer.body());
        Document html = OperatorConsole.html(answer);
        var fields = html.select("#loi-khai-bao li code").eachText();
        // format errors and the conflicts with other tenants (alpha's host label) are listed together
        assertEquals(java.util.Set.of("code", "name.vi", "parent", "abbreviation"), java.util.Set.copyOf(fields));
        assertEquals(manifest, html.selectFirst("#manifest").wholeText().replace("\r\n", "\n").replaceFirst("^\n", ""),
                "the pasted text is kept");
    }

    @Test
    void aManifestUploadedAtTheConsoleOnboardsATenantThatServes() throws SQLException {
        Browser browser = operator();
        String manifest = TestTenants.read("manifests/beta.yaml");
        HttpResponse<String> answer = OperatorConsole.postMultipart(server.getPort(), browser, "/van-hanh/cong/moi",
                Map.of("manifest", "", "csrfToken", OperatorConsole.token(browser)), "beta.yaml", manifest);
        assertEquals(201, answer.statusCode(), answer.body());
        assertTrue(StaffForms.text(answer).contains("Đã tạo cổng beta"), answer.body());
        assertEquals(200, new Browser(server.getPort(), "beta.most.localhost").get("/").statusCode());
        try (var c = jdbc(); var rs = c.createStatement().executeQuery(
                "SELECT outcome FROM platform.operator_audit WHERE action = 'ops.tenant.onboard' AND tenant_code = 'beta'")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
    }

    @Test
    void suspendingATenantAtTheConsoleTakesItsPortalOfflineAndBack() {
        Browser browser = operator();
        HttpResponse<String> list = browser.get("/van-hanh/cong");
        assertEquals(200, list.statusCode());
        assertNotNull(OperatorConsole.html(list).selectFirst("a[href=/van-hanh/cong/alpha]"));
        HttpResponse<String> detail = browser.get("/van-hanh/cong/alpha");
        assertTrue(StaffForms.text(detail).contains("alpha.most.localhost"), "the hosts are shown");

        Map<String, String> suspend = new HashMap<>(Map.of("status", "suspended", "notice", "Tạm ngừng để hợp nhất",
                "csrfToken", StaffForms.csrfToken(detail)));
        assertEquals(303, browser.postForm("/van-hanh/cong/alpha/trang-thai", suspend).statusCode());
        Browser visitor = new Browser(server.getPort(), "alpha.most.localhost");
        OperatorConsole.pollStatus(visitor, "/", 503, Duration.ofSeconds(10));

        Map<String, String> reactivate = Map.of("status", "active", "notice", "", "csrfToken", OperatorConsole.token(browser));
        assertEquals(303, browser.postForm("/van-hanh/cong/alpha/trang-thai", reactivate).statusCode());
        OperatorConsole.pollStatus(visitor, "/", 200, Duration.ofSeconds(10));
        assertTrue(StaffForms.text(browser.get("/van-hanh/cong/alpha")).contains("Tạm ngừng để hợp nhất"), "the history lists the change");
    }

    @Test
    void anIntegrityCheckStartedAtTheConsoleShowsItsResult() {
        Browser browser = operator();
        HttpResponse<String> started = browser.postForm("/van-hanh/toan-ven", Map.of("tenant", "alpha", "csrfToken", OperatorConsole.token(browser)));
        assertEquals(303, started.statusCode(), started.body());
        String page = started.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> done = OperatorConsole.pollPage(browser, page, Duration.ofSeconds(30),
                html -> !"running".equals(html.getElementById("ket-qua").attr("data-status")));
        assertEquals("clean", OperatorConsole.html(done).getElementById("ket-qua").attr("data-status"), done.body());
        assertTrue(StaffForms.text(browser.get("/van-hanh/toan-ven")).contains("alpha"));
    }

    @Test
    void consolePagesShowTimesAndStatesInVietnameseNotAsCodes() {
        Browser browser = operator();
        HttpResponse<String> started = browser.postForm("/van-hanh/toan-ven", Map.of("tenant", "alpha", "csrfToken", OperatorConsole.token(browser)));
        String page = started.headers().firstValue("Location").orElseThrow();
        OperatorConsole.pollPage(browser, page, Duration.ofSeconds(30),
                html -> !"running".equals(html.getElementById("ket-qua").attr("data-status")));
        java.util.regex.Pattern iso = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        java.util.regex.Pattern shown = java.util.regex.Pattern.compile("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        for (String path : new String[]{page, "/van-hanh/toan-ven", "/van-hanh"}) {
            String text = StaffForms.text(browser.get(path));
            assertTrue(!iso.matcher(text).find() && shown.matcher(text).find(), path + ": " + text);
        }
        Document tenants = OperatorConsole.html(browser.get("/van-hanh/cong"));
        String row = tenants.select("tr:has(a[href=/van-hanh/cong/alpha])").text();
        assertTrue(row.contains("Đang hoạt động") && row.contains("Đã cập nhật"), row);
        assertTrue(!row.contains("active"), row);
    }

    @Test
    void theUptimePageShowsEachPortalsLatestCheckAndOpenIncidents() throws SQLException {
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO platform.uptime_rounds (slot, node) VALUES ('2026-01-01T00:00:00Z', 'test')");
            s.executeUpdate("""
                    INSERT INTO platform.uptime_checks (slot, target, tenant_code, url, ok, status, latency_ms, error)
                    VALUES ('2026-01-01T00:00:00Z', 'tenant:alpha', 'alpha', 'http://x/', false, 502, 1234, 'HTTP 502')""");
            s.executeUpdate("""
                    INSERT INTO platform.uptime_incidents (target, tenant_code, url, opened_at, last_error)
                    VALUES ('tenant:alpha', 'alpha', 'http://x/', now(), 'HTTP 502')""");
        }
        HttpResponse<String> page = operator().get("/van-hanh/giam-sat");
        assertEquals(200, page.statusCode(), page.body());
        Document html = OperatorConsole.html(page);
        var alpha = html.selectFirst("#hien-trang tr[data-target=tenant:alpha]");
        assertNotNull(alpha);
        assertTrue(alpha.text().contains("Gián đoạn") && alpha.text().contains("1234 ms") && alpha.text().contains("502"), alpha.text());
        assertTrue(html.selectFirst("#su-co-mo").text().contains("Cục Alpha"), "the open incident is listed");
        var ministry = html.selectFirst("#hien-trang tr[data-target=tenant:bo]");
        assertTrue(ministry.text().contains("Chưa có dữ liệu"), ministry.text());
    }

    @Test
    void theDashboardShowsWhatNeedsTheOperator() {
        HttpResponse<String> page = operator().get("/van-hanh");
        assertEquals(200, page.statusCode(), page.body());
        Document html = OperatorConsole.html(page);
        assertTrue(html.getElementById("sao-luu").text().contains("Cục Alpha: chưa sao lưu lần nào"), html.getElementById("sao-luu").text());
        assertTrue(html.selectFirst("#pg-dump").hasClass("alert-error"), "the broken pg_dump is on the first page too");
    }

    @Test
    void theBackupsPagesSayLoudlyWhenPgDumpCannotRun() {
        Browser browser = operator();
        for (String page : java.util.List.of("/van-hanh/sao-luu", "/van-hanh/sao-luu/alpha")) {
            HttpResponse<String> answer = browser.get(page);
            assertEquals(200, answer.statusCode(), answer.body());
            var warning = OperatorConsole.html(answer).selectFirst("#pg-dump");
            assertNotNull(warning, page);
            assertTrue(warning.hasClass("alert-error") && warning.text().contains("pg_dump không chạy được"), warning.outerHtml());
        }
    }

    @Test
    void aTenantsBackupScheduleIsChangedAtTheConsole() {
        Browser browser = operator();
        HttpResponse<String> daily = browser.postForm("/van-hanh/sao-luu/alpha/lich", Map.of("preset", "daily", "cron", "",
                "keepDaily", "7", "keepWeekly", "4", "csrfToken", OperatorConsole.token(browser)));
        assertEquals(303, daily.statusCode(), daily.body());
        String page = StaffForms.text(browser.get("/van-hanh/sao-luu/alpha"));
        assertTrue(page.contains("0 30 1 * * *") && page.contains("7 ngày") && page.contains("4 tuần"), page);

        HttpResponse<String> bad = browser.postForm("/van-hanh/sao-luu/alpha/lich", Map.of("preset", "cron", "cron", "mỗi sáng",
                "keepDaily", "0", "keepWeekly", "4", "csrfToken", OperatorConsole.token(browser)));
        assertEquals(422, bad.statusCode());
        assertTrue(StaffForms.text(bad).contains("từ 1 đến 366"), bad.body());
        assertTrue(StaffForms.text(browser.get("/van-hanh/sao-luu/alpha")).contains("0 30 1 * * *"), "the refused change changed nothing");
        assertTrue(StaffForms.text(browser.get("/van-hanh/sao-luu/bo")).contains("Chưa có lịch"), "another tenant's schedule is untouched");
    }

    @Test
    void theAuditLogPageFiltersByTenantAndAction() {
        Browser browser = operator();
        browser.postForm("/van-hanh/toan-ven", Map.of("tenant", "bo", "csrfToken", OperatorConsole.token(browser)));
        HttpResponse<String> all = browser.get("/van-hanh/nhat-ky");
        assertTrue(OperatorConsole.html(all).select("#nhat-ky tr[data-action=ops.login]").size() > 0, all.body());
        HttpResponse<String> filtered = browser.get("/van-hanh/nhat-ky?cong=bo&hanh-dong=ops.integrity.run");
        var rows = OperatorConsole.html(filtered).select("#nhat-ky tbody tr");
        assertTrue(rows.size() >= 1);
        rows.forEach(r -> {
            assertEquals("ops.integrity.run", r.attr("data-action"));
            assertTrue(r.text().contains("bo"));
        });
    }
}
