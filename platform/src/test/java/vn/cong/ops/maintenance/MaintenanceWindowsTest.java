package vn.cong.ops.maintenance;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.PasswordHasher;
import vn.cong.onboarding.Onboarding;
import vn.cong.ops.uptime.Availability;
import vn.cong.ops.uptime.UptimeMonitor;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;
import vn.cong.testing.UnitTenants;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maintenance windows end to end: announced through the operator API, shown as a banner on the
 * affected portals only (in the page's language, from the lead time before the window and during
 * it), listed on the status page, and not counted as downtime. Each scenario uses tenants of its own.
 */
@MicronautTest(transactional = false)
class MaintenanceWindowsTest extends PlatformTestSupport {

    private static final String PASSWORD = "MatKhauVanHanh2026!";
    private static final Map<String, String> OPERATOR = Map.of("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(("vanhanh:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    JsonMapper json;
    @Inject
    Availability availability;
    @Inject
    UptimeMonitor monitor;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.operator.username", "vanhanh", "cong.operator.password-hash", new PasswordHasher().hash(PASSWORD),
                "cong.maintenance.banner-lead-time", "48h",
                "cong.maintenance.scheduler.enabled", "true",
                "cong.maintenance.scheduler.interval", "1s",
                "cong.maintenance.scheduler.initial-delay", "10s",
                // every portal probe fails: nothing listens on port 1
                "cong.uptime.self-url", "http://127.0.0.1:1", "cong.uptime.failures-to-open", "2");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        for (String unit : List.of("gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda")) {
            UnitTenants.onboard(onboarding, unit);
        }
    }

    private Browser operatorHost() {
        return new Browser(server.getPort(), "admin.most.localhost");
    }

    private HttpResponse<String> announce(List<String> tenants, OffsetDateTime starts, OffsetDateTime ends, String vi, String en) {
        String body = """
                {"tenants": %s, "startsAt": "%s", "endsAt": "%s", "message": {"vi": "%s", "en": "%s"}}"""
                .formatted(json(tenants), starts, ends, vi, en);
        return operatorHost().postJson("/api/v1/maintenance", body, OPERATOR);
    }

    private long announced(List<String> tenants, OffsetDateTime starts, OffsetDateTime ends, String vi, String en) {
        HttpResponse<String> response = announce(tenants, starts, ends, vi, en);
        assertEquals(201, response.statusCode(), response.body());
        return ((Number) parse(response.body()).get("id")).longValue();
    }

    private String json(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> parse(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private HttpResponse<String> delete(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Host", "admin.most.localhost").DELETE();
        headers.forEach(b::header);
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The maintenance banner of a portal's home page (Vietnamese or English), or null when it shows none. */
    private String banner(String tenant, String lang) {
        HttpResponse<String> page = new Browser(server.getPort(), tenant + ".most.localhost").get("en".equals(lang) ? "/en" : "/");
        assertEquals(200, page.statusCode(), tenant + " " + lang);
        Element bar = Jsoup.parse(page.body()).selectFirst(".notice-bar");
        return bar == null ? null : bar.text();
    }

    private String awaitBanner(String tenant, Predicate<String> shown) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            last = banner(tenant, "vi");
            if (shown.test(last)) {
                return last;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("banner of " + tenant + " never matched; last: " + last);
    }

    private static OffsetDateTime inHours(double hours) {
        return OffsetDateTime.now(VN).plusSeconds((long) (hours * 3600)).withNano(0);
    }

    @Test
    void bannerAppearsOnAffectedTenantsOnlyInThePageLanguage() {
        assertNull(banner("alpha", "vi"), "no window yet (and the page is now cached)");
        assertNull(banner("alpha", "en"));

        long id = announced(List.of("alpha"), inHours(47), inHours(49),
                "Cổng tạm dừng để nâng cấp máy chủ.", "The portal will pause for a server upgrade.");

        String vi = banner("alpha", "vi");
        assertTrue(vi != null && vi.contains("Cổng tạm dừng để nâng cấp máy chủ.") && vi.contains("Thông báo bảo trì"), vi);
        assertTrue(vi.contains("(giờ Việt Nam)"), vi);
        String en = banner("alpha", "en");
        assertTrue(en != null && en.contains("The portal will pause for a server upgrade.") && !en.contains("nâng cấp"), en);
        assertNull(banner("beta", "vi"), "beta is not affected");
        assertNull(banner("beta", "en"));
        assertNull(banner("www", "vi"), "neither is the ministry");

        assertEquals(204, delete("/api/v1/maintenance/" + id, OPERATOR).statusCode());
        assertNull(banner("alpha", "vi"), "a cancelled window's banner is gone at once");
        assertEquals(404, delete("/api/v1/maintenance/" + id, OPERATOR).statusCode(), "already cancelled");
    }

    @Test
    void bannerShowsOnlyFromTheLeadTimeAndWhileTheWindowLasts() {
        announced(List.of("gamma"), inHours(72), inHours(74), "Bảo trì còn xa.", "Maintenance far ahead.");
        assertNull(banner("gamma", "vi"), "72 hours ahead is before the 48-hour lead time");

        announced(List.of("delta"), inHours(-0.5), inHours(1), "Đang nâng cấp cơ sở dữ liệu.", "Upgrading the database.");
        String during = banner("delta", "vi");
        assertTrue(during != null && during.contains("Đang bảo trì đến") && during.contains("Đang nâng cấp cơ sở dữ liệu."), during);
        assertTrue(banner("delta", "en").contains("Under maintenance until"), banner("delta", "en"));
    }

    @Test
    void cachedPagesFollowTheBannerWhenTheLeadTimeArrivesAndWhenTheWindowEnds() {
        assertNull(banner("epsilon", "vi"));
        announced(List.of("epsilon"), inHours(48).plusSeconds(4), inHours(50), "Sắp bảo trì.", "Maintenance soon.");
        assertNull(banner("epsilon", "vi"), "not yet within the lead time");
        assertTrue(awaitBanner("epsilon", b -> b != null).contains("Sắp bảo trì."));

        announced(List.of("zeta"), inHours(-1), OffsetDateTime.now(VN).plusSeconds(4), "Sắp xong.", "Almost done.");
        assertTrue(banner("zeta", "vi").contains("Sắp xong."));
        assertNull(awaitBanner("zeta", b -> b == null), "the banner leaves cached pages when the window ends");
    }

    @Test
    void announcementsWithProblemsAreRefusedWithEveryFieldError() {
        HttpResponse<String> response = operatorHost().postJson("/api/v1/maintenance", """
                {"tenants": ["alpha", "khong-co"], "startsAt": "2030-01-02T10:00:00+07:00", "endsAt": "2030-01-02T08:00:00+07:00",
                 "message": {"vi": "Bảo trì"}}""", OPERATOR);
        assertEquals(422, response.statusCode(), response.body());
        Map<String, String> errors = errors(response.body());
        assertEquals("không có cổng mã «khong-co»", errors.get("tenants"));
        assertEquals("thời điểm kết thúc phải sau thời điểm bắt đầu", errors.get("endsAt"));
        assertEquals("cần nội dung thông báo bằng tiếng Anh", errors.get("message.en"));
        assertEquals(3, errors.size(), errors.toString());

        Map<String, String> more = errors(operatorHost().postJson("/api/v1/maintenance", """
                {"startsAt": "ngày mai", "endsAt": "2020-01-01T00:00:00+07:00", "message": {"vi": " ", "en": "x"}}""", OPERATOR).body());
        assertTrue(more.get("tenants").startsWith("cần nêu các cổng bị ảnh hưởng"), more.toString());
        assertTrue(more.get("startsAt").contains("«ngày mai» không đúng dạng ISO 8601"), more.toString());
        assertTrue(more.get("endsAt").contains("đã kết thúc"), more.toString());
        assertEquals("cần nội dung thông báo bằng tiếng Việt", more.get("message.vi"));

        assertEquals(400, operatorHost().postJson("/api/v1/maintenance", "không phải JSON", OPERATOR).statusCode());
        assertEquals(401, operatorHost().postJson("/api/v1/maintenance", "{}", Map.of()).statusCode());
        assertEquals(404, new Browser(server.getPort(), "alpha.most.localhost").postJson("/api/v1/maintenance", "{}", OPERATOR).statusCode());
    }

    private Map<String, String> errors(String body) {
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        for (Object e : (List<?>) parse(body).get("errors")) {
            Map<?, ?> error = (Map<?, ?>) e;
            byField.put((String) error.get("field"), (String) error.get("message"));
        }
        return byField;
    }

    @Test
    void statusPageListsCurrentAndUpcomingWindows() {
        announced(List.of("iota"), inHours(100), inHours(102), "Nâng cấp hệ thống lưu trữ của đơn vị iota.", "Storage upgrade.");
        announced(List.of("iota"), inHours(-0.2), inHours(2), "Thay đường truyền của đơn vị iota.", "Link replacement.");

        var doc = Jsoup.parse(new Browser(server.getPort(), "status.most.localhost").get("/trang-thai").body());
        String planned = doc.select(".maintenance-list").text();
        assertTrue(planned.contains("Nâng cấp hệ thống lưu trữ của đơn vị iota.") && planned.contains("Sắp diễn ra"), planned);
        assertTrue(planned.contains("Thay đường truyền của đơn vị iota.") && planned.contains("Đang diễn ra"), planned);
        assertTrue(planned.contains("Đơn vị iota"), "portals by name: " + planned);
        String table = doc.select("table.status-table").text();
        assertTrue(table.contains("Đang bảo trì theo kế hoạch"), table);
    }

    @Test
    void listShowsAnnouncedWindows() {
        long id = announced(List.of("beta", "gamma"), inHours(200), inHours(201), "Bảo trì định kỳ.", "Routine maintenance.");
        String list = operatorHost().get("/api/v1/maintenance", OPERATOR).body();
        Map<?, ?> window = ((List<?>) parseList(list)).stream().map(w -> (Map<?, ?>) w)
                .filter(w -> ((Number) w.get("id")).longValue() == id).findFirst().orElseThrow();
        assertEquals(List.of("beta", "gamma"), window.get("tenants"));
        assertEquals(Map.of("vi", "Bảo trì định kỳ.", "en", "Routine maintenance."), window.get("message"));
        assertEquals("vanhanh", window.get("createdBy"));
    }

    private Object parseList(String body) {
        try {
            return json.readValue(body, Argument.listOf(Object.class));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    @Test
    void availabilityCountsChecksDuringAWindowAsMaintenanceNotDowntime() throws SQLException {
        LocalDate day = LocalDate.now(VN).plusDays(5);
        OffsetDateTime ten = day.atTime(10, 0).atZone(VN).toOffsetDateTime();
        announced(List.of("eta"), ten, ten.plusHours(1), "Bảo trì kế hoạch.", "Planned maintenance.");
        // the same outage on eta (announced) and theta (not announced): five failed checks from 10:00
        try (var c = jdbc(); var s = c.createStatement()) {
            for (int minute = -2; minute <= 60; minute++) {
                Instant slot = ten.plusMinutes(minute).toInstant();
                if (minute > 4 && minute < 60) {
                    continue;
                }
                boolean ok = minute < 0 || minute == 60;
                s.executeUpdate("INSERT INTO platform.uptime_rounds (slot, node) VALUES ('" + Timestamp.from(slot).toInstant() + "', 'kiem-thu')");
                for (String tenant : List.of("eta", "theta")) {
                    s.executeUpdate("INSERT INTO platform.uptime_checks (slot, target, tenant_code, url, ok) VALUES ('"
                            + slot + "', 'tenant:" + tenant + "', '" + tenant + "', 'http://" + tenant + ".most.localhost/', " + ok + ")");
                }
            }
        }

        Availability.Day eta = availability.daily("tenant:eta", day, day).block().get(0);
        assertEquals(3, eta.up());
        assertEquals(0, eta.down(), "failures inside the announced window are not downtime");
        assertEquals(5, eta.maintenance());
        assertEquals(1.0, eta.availability(), 1e-9);

        Availability.Day theta = availability.daily("tenant:theta", day, day).block().get(0);
        assertEquals(3, theta.up());
        assertEquals(5, theta.down(), "the same failures without a window are downtime");
        assertEquals(0, theta.maintenance());
    }

    @Test
    void windowAnnouncedAfterTheFactDoesNotExcuseEarlierDowntime() throws SQLException {
        Instant before = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO platform.uptime_rounds (slot, node) VALUES ('" + before + "', 'kiem-thu') ON CONFLICT DO NOTHING");
            s.executeUpdate("INSERT INTO platform.uptime_checks (slot, target, tenant_code, url, ok) VALUES ('"
                    + before + "', 'tenant:kappa', 'kappa', 'http://kappa.most.localhost/', false)");
        }
        announced(List.of("kappa"), inHours(-1), inHours(1), "Bảo trì khẩn cấp.", "Emergency maintenance.");

        LocalDate day = before.atZone(VN).toLocalDate();
        Availability.Day kappa = availability.daily("tenant:kappa", day, day).block().get(0);
        assertEquals(1, kappa.down(), "a window counts from its announcement");
        assertEquals(0, kappa.maintenance());
    }

    @Test
    void failuresDuringAnnouncedMaintenanceOpenNoIncident() throws SQLException {
        OffsetDateTime start = LocalDate.now(VN).plusDays(9).atTime(10, 0).atZone(VN).toOffsetDateTime();
        announced(List.of("lambda"), start, start.plusHours(1), "Bảo trì.", "Maintenance.");

        for (int minute = 0; minute < 3; minute++) {
            monitor.runRound(start.plusMinutes(minute).toInstant()).block();
        }

        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT target FROM platform.uptime_incidents WHERE closed_at IS NULL")) {
            List<String> open = new java.util.ArrayList<>();
            while (rs.next()) {
                open.add(rs.getString(1));
            }
            assertTrue(open.contains("tenant:beta"), "a portal down outside maintenance opens an incident: " + open);
            assertTrue(!open.contains("tenant:lambda"), "the portal under announced maintenance does not: " + open);
        }
    }
}
