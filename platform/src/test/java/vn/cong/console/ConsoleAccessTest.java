package vn.cong.console;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.admin.StaffForms;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ConsoleAccessTest extends PlatformTestSupport {

    final MutableClock clock = MutableClock.startingNow();

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    @MockBean(java.time.Clock.class)
    java.time.Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>(OperatorConsole.operatorProperties());
        p.put("cong.trusted-proxies", "127.0.0.1"); // lets the lockout test come from addresses of its own
        return p;
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    private Browser admin() {
        return new Browser(server.getPort(), OperatorConsole.HOST);
    }

    @Test
    void theDevMailViewerIsNotThereOutsideTheDevEnvironment() {
        Browser console = OperatorConsole.loggedIn(server.getPort());
        assertEquals(404, console.get("/van-hanh/thu").statusCode());
        assertTrue(OperatorConsole.html(console.get("/van-hanh")).select("a[href=/van-hanh/thu]").isEmpty(), "and not in the menu");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginForm() {
        HttpResponse<String> page = admin().get("/van-hanh/sao-luu");
        assertEquals(303, page.statusCode());
        assertEquals("/van-hanh/dang-nhap?tiep=/van-hanh/sao-luu",
                java.net.URLDecoder.decode(page.headers().firstValue("Location").orElse(""), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("/van-hanh", admin().get("/").headers().firstValue("Location").orElse(""), "the operator host's root leads to the console");
    }

    @Test
    void wrongPasswordGetsAClearVietnameseErrorAndIsAuditLogged() throws SQLException {
        HttpResponse<String> answer = OperatorConsole.logIn(admin(), OperatorConsole.USERNAME, "sai-mat-khau");
        assertEquals(401, answer.statusCode());
        assertTrue(StaffForms.text(answer).contains(ConsoleLoginController.REFUSED), answer.body());
        assertEquals(OperatorConsole.USERNAME, OperatorConsole.html(answer).selectFirst("#username").attr("value"), "the username typed is kept");
        try (var c = jdbc(); var rs = c.createStatement().executeQuery(
                "SELECT actor, outcome, channel FROM platform.operator_audit WHERE action = 'ops.login.failed'")) {
            assertTrue(rs.next(), "a failed login leaves an audit row");
            assertEquals(OperatorConsole.USERNAME, rs.getString(1));
            assertEquals("refused", rs.getString(2));
            assertEquals("console", rs.getString(3));
        }
    }

    @Test
    void fiveFailuresFromOneAddressSlowItDownButNeverLockTheOperatorOut() {
        Map<String, String> from = Map.of("X-Forwarded-For", "10.20.30.40");
        Browser browser = admin();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> form = browser.get(Console.LOGIN);
            browser.postForm(Console.LOGIN, Map.of("username", "vanhanh", "password", "doan-" + i, "csrfToken", StaffForms.csrfToken(form)), from);
        }
        HttpResponse<String> form = browser.get(Console.LOGIN);
        HttpResponse<String> answer = browser.postForm(Console.LOGIN, Map.of("username", OperatorConsole.USERNAME,
                "password", OperatorConsole.PASSWORD, "csrfToken", StaffForms.csrfToken(form)), from);
        // issue 16 changed this on purpose: a short wait (429, Retry-After) instead of a 15-minute lock
        assertEquals(429, answer.statusCode());
        assertEquals("1", answer.headers().firstValue("Retry-After").orElse(""));
        assertTrue(StaffForms.text(answer).contains("Đăng nhập sai nhiều lần liên tiếp. Vui lòng chờ 1 giây rồi thử lại."), answer.body());
        // another address, without failures, is not slowed down
        assertEquals(303, OperatorConsole.logIn(admin(), OperatorConsole.USERNAME, OperatorConsole.PASSWORD).statusCode());
        // nor is this one once the second has passed
        clock.advance(java.time.Duration.ofSeconds(1));
        HttpResponse<String> later = browser.get(Console.LOGIN);
        assertEquals(303, browser.postForm(Console.LOGIN, Map.of("username", OperatorConsole.USERNAME,
                "password", OperatorConsole.PASSWORD, "csrfToken", StaffForms.csrfToken(later)), from).statusCode());
    }

    @Test
    void loginGivesANewSessionIdAndLogoutEndsIt() {
        Browser browser = admin();
        HttpResponse<String> form = browser.get(Console.LOGIN);
        String before = browser.cookies().get(ConsoleCookies.NAME);
        HttpResponse<String> answer = browser.postForm(Console.LOGIN, Map.of("username", OperatorConsole.USERNAME,
                "password", OperatorConsole.PASSWORD, "csrfToken", StaffForms.csrfToken(form)));
        assertEquals(303, answer.statusCode());
        String setCookie = answer.headers().firstValue("Set-Cookie").orElse("").toLowerCase(java.util.Locale.ROOT);
        assertTrue(setCookie.contains("httponly") && setCookie.contains("samesite=strict") && setCookie.contains("path=/van-hanh")
                && !setCookie.contains("domain="), setCookie);
        assertNotEquals(before, browser.cookies().get(ConsoleCookies.NAME), "the session id changes at login");
        assertEquals(200, browser.get("/van-hanh/cong").statusCode());
        Browser copy = browser.at(OperatorConsole.HOST);

        HttpResponse<String> out = browser.postForm("/van-hanh/dang-xuat", Map.of("csrfToken", OperatorConsole.token(browser)));
        assertEquals(303, out.statusCode());
        assertEquals(303, copy.get("/van-hanh/cong").statusCode(), "the old session id no longer opens the console");
    }

    @Test
    void theConsoleIsNotFoundOnATenantHost() {
        Browser tenant = new Browser(server.getPort(), "alpha.most.localhost");
        assertEquals(404, tenant.get("/van-hanh/dang-nhap").statusCode());
        assertEquals(404, tenant.get("/van-hanh/cong").statusCode());
        assertEquals(404, tenant.postForm("/van-hanh/dang-nhap", Map.of("username", "x", "password", "y")).statusCode());
    }

    @Test
    void aTenantStaffSessionIsUselessOnTheAdminHost() {
        Browser staff = new Browser(server.getPort(), "alpha.most.localhost");
        StaffForms.logInOk(staff, "quantri", "MatKhauAlpha2026!");
        String staffSession = staff.cookies().get("CONG_SESSION");
        Browser replay = admin();
        replay.cookies().put("CONG_SESSION", staffSession);
        replay.cookies().put(ConsoleCookies.NAME, staffSession);
        HttpResponse<String> page = replay.get("/van-hanh/cong");
        assertEquals(303, page.statusCode(), "a staff session id, even under the console's cookie name, is not an operator session");
        assertTrue(page.headers().firstValue("Location").orElse("").startsWith(Console.LOGIN));
    }

    @Test
    void aConsolePostWithoutTheTokenOrFromAnotherSiteChangesNothing() throws SQLException {
        Browser browser = OperatorConsole.loggedIn(server.getPort());
        Map<String, String> window = new HashMap<>(Map.of("allTenants", "all", "startsAt", "2030-01-01T22:00", "endsAt", "2030-01-02T01:00",
                "messageVi", "Bảo trì", "messageEn", "Maintenance"));
        assertEquals(403, browser.postForm("/van-hanh/bao-tri", window).statusCode(), "no token");

        window.put("csrfToken", "not-the-token");
        assertEquals(403, browser.postForm("/van-hanh/bao-tri", window).statusCode(), "wrong token");

        window.put("csrfToken", OperatorConsole.token(browser));
        assertEquals(403, browser.postForm("/van-hanh/bao-tri", window, Map.of("Origin", "https://evil.example")).statusCode(),
                "right token, other site");
        try (var c = jdbc(); var rs = c.createStatement().executeQuery("SELECT count(*) FROM platform.maintenance_windows")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
        assertEquals(303, browser.postForm("/van-hanh/bao-tri", window).statusCode(), "the same form, sent properly, is accepted");
    }
}
