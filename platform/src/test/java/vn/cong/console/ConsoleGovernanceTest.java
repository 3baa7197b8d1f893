package vn.cong.console;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.admin.StaffForms;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.PublicChanges;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;
import vn.cong.ops.backup.BackupSchedulePreset;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.InformationType;
import vn.cong.workflow.ProfileValue;
import vn.cong.workflow.RegulationPreset;
import vn.cong.workflow.ItemDeadlines;
import vn.cong.workflow.deadline.DeadlineReadings;
import vn.cong.workflow.deadline.HolidayCalendar;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the operator governs for every portal. Holiday years added at the console (and through the API): stored,
 * merged with the bundled years, applied to deadlines at once and by every node on its registry reload, audited;
 * bad input refused with the line named and what was typed kept; out of reach of tenant hosts. Backup schedules
 * following each tenant's regulation profile unless the operator set one. The clock is injected.
 */
@MicronautTest(transactional = false)
class ConsoleGovernanceTest extends PlatformTestSupport {

    /** 02/11/2027 00:00 in Vietnam: 60 days before 2028, which the bundled calendar does not have. */
    final MutableClock clock = new MutableClock(Instant.parse("2027-11-01T17:00:00Z"));

    @Inject
    EmbeddedServer server;
    @Inject
    ItemDeadlines deadlines;
    @Inject
    HolidayCalendar calendar;
    @Inject
    PublicChanges changes;
    @Inject
    Onboarding onboarding;
    @Inject
    vn.cong.tenancy.TenantRegistry registry;
    @Inject
    vn.cong.ops.backup.BackupScheduler scheduler;
    @Inject
    vn.cong.workflow.RegulationProfiles profiles;

    @MockBean(java.time.Clock.class)
    java.time.Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return OperatorConsole.operatorProperties();
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    @Test
    void anOperatorAddsAYearAndADeadlineCrossingItsTetFollowsAtOnce() throws SQLException {
        // three working days from Friday 21/01/2028 10:00 for a plan (kế hoạch), before 2028 has a calendar: over Tết as if it were work
        ZonedDateTime before = strategyDue("2028-01-21T10:00:00+07:00");
        assertEquals(ZonedDateTime.parse("2028-01-26T10:00+07:00[Asia/Ho_Chi_Minh]"), before);

        Browser console = OperatorConsole.loggedIn(server.getPort());
        Document page = OperatorConsole.html(console.get(ConsoleHolidaysController.PATH));
        assertTrue(page.select("#canh-bao-lich").text().contains("Lịch nghỉ lễ chưa có năm 2028 (bắt đầu sau 60 ngày)"), page.text());
        assertEquals("/van-hanh/lich-nghi-le?nam=2028#nhap-nam", page.select("#canh-bao-lich a").attr("href"), "the warning leads to the form");
        assertEquals("2028", page.select("#year").val(), "the form offers the year missing");
        assertFalse(OperatorConsole.html(console.get(Console.ROOT)).select("#lich-nghi-le a[href=/van-hanh/lich-nghi-le]").isEmpty(),
                "the dashboard's warning leads to the screen");

        HttpResponse<String> saved = console.postForm(ConsoleHolidaysController.PATH, Map.of("csrfToken", StaffForms.csrfToken(console.get(
                        ConsoleHolidaysController.PATH)), "year", "2028",
                "holidays", "01/01/2028; Tết Dương lịch\n24/01/2028 - 30/01/2028; Tết Nguyên đán Mậu Thân; tạm tính\n",
                "workingDays", "05/02/2028; Làm bù cho ngày 31/01/2028"));
        assertEquals(303, saved.statusCode(), saved.body());

        assertEquals(ZonedDateTime.parse("2028-02-02T10:00+07:00[Asia/Ho_Chi_Minh]"), strategyDue("2028-01-21T10:00:00+07:00"),
                "Tết 24–30/01 is off: Monday 31/01, Tuesday 01/02, Wednesday 02/02");
        assertTrue(deadlines.calendar().isWorkingDay(java.time.LocalDate.of(2028, 2, 5)), "the Saturday worked in exchange");

        Document after = OperatorConsole.html(console.get(ConsoleHolidaysController.PATH));
        String year = after.select("#nam-2028").text();
        assertTrue(year.contains("Do vận hành bổ sung") && year.contains("1 mục tạm tính") && year.contains("24/01/2028 - 30/01/2028")
                && year.contains("Tạm tính: đối chiếu thông báo của Chính phủ") && year.contains("Cập nhật bởi vanhanh"), year);
        String warnings = after.select("#canh-bao-lich").text();
        assertFalse(warnings.contains("chưa có năm 2028"), warnings);
        assertTrue(warnings.contains("Ngày nghỉ «Tết Nguyên đán Mậu Thân» từ 24/01/2028 còn tạm tính"), "the provisional Tết is warned about: " + warnings);
        try (var c = jdbc(); var rs = c.createStatement().executeQuery("""
                SELECT actor, details::text FROM platform.operator_audit WHERE action = 'ops.holidays.save' AND outcome = 'ok' AND details->>'year' = '2028'""")) {
            assertTrue(rs.next(), "the save is in the operator audit");
            assertEquals("vanhanh", rs.getString(1));
            assertTrue(rs.getString(2).contains("24/01/2028 - 30/01/2028; Tết Nguyên đán Mậu Thân; tạm tính"), rs.getString(2));
        }

        // the form of a stored year opens with its lines, ready to correct
        Document form = OperatorConsole.html(console.get(ConsoleHolidaysController.PATH + "?nam=2028"));
        assertTrue(form.select("#holidays").text().contains("24/01/2028 - 30/01/2028; Tết Nguyên đán Mậu Thân; tạm tính"), form.select("form").html());
    }

    @Test
    void badInputIsRefusedNamingTheLineAndKeepingWhatWasTyped() throws SQLException {
        Browser console = OperatorConsole.loggedIn(server.getPort());
        String typed = "01/01/2029; Tết Dương lịch\n30/12/2028 - 02/01/2029; Nghỉ trùng\n31/02/2029; Ngày không có\n03/03/2029 - 01/03/2029; Ngược";
        HttpResponse<String> refused = console.postForm(ConsoleHolidaysController.PATH, Map.of("csrfToken", OperatorConsole.token(console),
                "year", "2029", "holidays", typed, "workingDays", "07/02/2029; Thứ Tư"));
        assertEquals(422, refused.statusCode());
        Document page = OperatorConsole.html(refused);
        String errors = page.select("#loi-lich").text();
        assertTrue(errors.contains("Ngày nghỉ, dòng 2: ngày 30/12/2028 không thuộc năm 2029."), errors);
        assertTrue(errors.contains("Ngày nghỉ, dòng 3: «31/02/2029» không phải một ngày"), errors);
        assertTrue(errors.contains("Ngày nghỉ, dòng 4: ngày kết thúc 01/03/2029 trước ngày bắt đầu 03/03/2029."), errors);
        assertTrue(errors.contains("Ngày làm bù, dòng 1: 07/02/2029 không phải thứ Bảy hay Chủ nhật"), errors);
        assertEquals(typed, page.select("#holidays").text().replace("\r", "").strip().replace(" \n", "\n"),
                "what was typed is kept");
        assertTrue(page.select("#holidays").parents().first().hasClass("has-error"));

        HttpResponse<String> overlap = console.postForm(ConsoleHolidaysController.PATH, Map.of("csrfToken", OperatorConsole.token(console),
                "year", "2029", "holidays", "12/02/2029 - 18/02/2029; Tết Nguyên đán\n16/02/2029; Ngày khác"));
        assertEquals(422, overlap.statusCode());
        assertTrue(OperatorConsole.html(overlap).select("#loi-lich").text()
                .contains("Ngày nghỉ, dòng 2 trùng với ngày nghỉ, dòng 1 (12/02/2029 - 18/02/2029)."), overlap.body());

        HttpResponse<String> bundled = console.postForm(ConsoleHolidaysController.PATH, Map.of("csrfToken", OperatorConsole.token(console),
                "year", "2027", "holidays", "01/01/2027; Tết Dương lịch"));
        assertEquals(422, bundled.statusCode());
        assertTrue(OperatorConsole.html(bundled).select("#loi-lich").text().contains("Năm 2027 đã có trong lịch nghỉ lễ kèm theo nền tảng"),
                bundled.body());
        assertFalse(calendar.years().containsKey(2029), "nothing stored");
        try (var c = jdbc(); var rs = c.createStatement().executeQuery("""
                SELECT count(*) FROM platform.operator_audit WHERE action = 'ops.holidays.save' AND outcome = 'refused' AND channel = 'console'""")) {
            rs.next();
            assertEquals(3, rs.getLong(1), "each refusal is audited");
        }
    }

    @Test
    void aBundledYearIsReplacedOnlyWhenAskedAndTheApiIsItsTwin() throws Exception {
        HttpResponse<String> refused = put("/api/v1/holidays/2026", """
                {"holidays": [{"from": "2026-09-01", "to": "2026-09-02", "name": "Quốc khánh"}]}""", true);
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("Năm 2026 đã có trong lịch nghỉ lễ kèm theo nền tảng"), refused.body());

        HttpResponse<String> replaced = put("/api/v1/holidays/2026", """
                {"replacesBundled": true, "holidays": [{"from": "2026-01-01", "name": "Tết Dương lịch"},
                 {"from": "2026-02-14", "to": "2026-02-22", "name": "Tết Nguyên đán Bính Ngọ"},
                 {"from": "2026-08-31", "to": "2026-09-02", "name": "Quốc khánh"}]}""", true);
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertTrue(replaced.body().contains("\"source\":\"replaced\""), replaced.body());
        assertFalse(deadlines.calendar().isWorkingDay(java.time.LocalDate.of(2026, 8, 31)), "the replacement applies");
        assertTrue(deadlines.calendar().isWorkingDay(java.time.LocalDate.of(2026, 4, 27)), "the bundled days of 2026 it left out are gone");
        assertTrue(deadlines.calendar().provisionalFrom(java.time.LocalDate.of(2026, 1, 1)).keySet().stream().noneMatch(d -> d.getYear() == 2026),
                "the bundled provisional Quốc khánh is confirmed");

        HttpResponse<String> list = get("/api/v1/holidays", true);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("\"year\":2027,\"source\":\"bundled\""), list.body());
        assertEquals(401, get("/api/v1/holidays", false).statusCode(), "only the operator");
        assertEquals(404, new Browser(server.getPort(), "www.most.localhost").get("/api/v1/holidays").statusCode(), "not on a tenant host");
    }

    @Test
    void tenantHostsDoNotHaveTheScreen() {
        Browser tenant = new Browser(server.getPort(), "www.most.localhost");
        assertEquals(404, tenant.get(ConsoleHolidaysController.PATH).statusCode());
        assertEquals(404, tenant.postForm(ConsoleHolidaysController.PATH, Map.of("year", "2031", "holidays", "01/01/2031; Tết")).statusCode());
        assertFalse(calendar.years().containsKey(2031));
    }

    @Test
    void anotherNodeFollowsWhenItsRegistryReloads() throws SQLException {
        // what another node stored: this node sees it once the registry version moves (the nudge, or its poll)
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO platform.holiday_years (year, updated_by) VALUES (2032, 'vanhanh')");
            s.executeUpdate("""
                    INSERT INTO platform.holiday_entries (year, starts_on, ends_on, name) VALUES (2032, '2032-02-09', '2032-02-13', 'Tết Nguyên đán')""");
        }
        assertTrue(deadlines.calendar().isWorkingDay(java.time.LocalDate.of(2032, 2, 10)));
        changes.refreshEveryNode().block();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !deadlines.calendar().isWorkingDay(java.time.LocalDate.of(2032, 2, 10)));
    }

    @Test
    void theBackupScheduleFollowsTheProfileUnlessTheOperatorSetOne() throws SQLException {
        Tenant bo = registry.findByCode("bo").orElseThrow();
        scheduler.ensureSchedules(BackupSchedulePreset.TWICE_A_WEEK.cron()).block();
        assertEquals("0 30 1 * * MON,THU profile", schedule("bo"), "MOST: at least twice a week");
        String alpha = schedule("alpha");

        profiles.choose(bo, RegulationPreset.HAI_PHONG, null).block();
        assertEquals("0 30 1 * * * profile", schedule("bo"), "Hải Phòng's profile: daily");
        assertEquals(alpha, schedule("alpha"), "another tenant's schedule is untouched");
        Browser console = OperatorConsole.loggedIn(server.getPort());
        assertEquals("Theo hồ sơ quy chế của cổng (Tần suất sao lưu dữ liệu: Tối thiểu 01 lần/ngày)",
                OperatorConsole.html(console.get(Console.ROOT + "/sao-luu/bo")).select("#nguon-lich").text());

        profiles.set(bo, ProfileValue.BACKUP_FREQUENCY, "twice-weekly", null).block();
        assertEquals("0 30 1 * * MON,THU profile", schedule("bo"), "the tenant admin's value is followed too");

        HttpResponse<String> set = console.postForm(Console.ROOT + "/sao-luu/bo/lich", Map.of("csrfToken", OperatorConsole.token(console),
                "preset", "daily", "cron", "", "keepDaily", "14", "keepWeekly", "12"));
        assertEquals(303, set.statusCode(), set.body());
        profiles.choose(bo, RegulationPreset.MOHA, null).block();
        assertEquals("0 30 1 * * * operator", schedule("bo"), "the operator's schedule wins over the profile");
        assertTrue(OperatorConsole.html(console.get(Console.ROOT + "/sao-luu/bo")).select("#nguon-lich").text()
                .startsWith("Do vận hành đặt riêng (hồ sơ quy chế của cổng yêu cầu: Tối thiểu 02 lần/tuần)"));

        console.postForm(Console.ROOT + "/sao-luu/bo/lich", Map.of("csrfToken", OperatorConsole.token(console),
                "preset", "profile", "cron", "", "keepDaily", "14", "keepWeekly", "12"));
        assertEquals("0 30 1 * * MON,THU profile", schedule("bo"), "back to the profile (MOHA: twice a week)");
        assertEquals(alpha, schedule("alpha"));
    }

    private String schedule(String code) throws SQLException {
        try (var c = jdbc(); var rs = c.createStatement().executeQuery(
                "SELECT cron || ' ' || source FROM platform.backup_schedules WHERE tenant_code = '" + code + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private ZonedDateTime strategyDue(String start) {
        OffsetDateTime at = OffsetDateTime.parse(start);
        List<ItemDeadlines.Deadline> all = deadlines.of("most", DeadlineReadings.standard(), "article",
                new ItemDeadlines.Timing(InformationType.STRATEGY_PLAN, at, at, null, false));
        assertEquals(1, all.size(), all.toString());
        return all.get(0).due();
    }

    private HttpResponse<String> put(String path, String json, boolean operator) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Host", OperatorConsole.HOST).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (operator) {
            b.header("Authorization", basic());
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, boolean operator) {
        return new Browser(server.getPort(), OperatorConsole.HOST).get(path, operator ? Map.of("Authorization", basic()) : Map.of());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((OperatorConsole.USERNAME + ":" + OperatorConsole.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
