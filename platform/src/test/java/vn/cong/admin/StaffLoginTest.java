package vn.cong.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logIn;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

@MicronautTest(transactional = false)
class StaffLoginTest extends PlatformTestSupport {

    static final String ALPHA = "alpha.most.localhost";
    static final String BETA = "beta.most.localhost";

    @Inject
    ApplicationContext context;

    private TwoPortals portals;

    @BeforeAll
    void onboardTenants() {
        portals = TwoPortals.onboard(context);
    }

    private Browser browser(String host) {
        return portals.browser(host);
    }

    @Test
    void loginFormIsVietnameseAndCarriesACsrfToken() {
        HttpResponse<String> form = browser(ALPHA).get("/quan-tri/dang-nhap");
        assertEquals(200, form.statusCode());
        assertTrue(text(form).contains("Đăng nhập"));
        assertTrue(text(form).contains("Tên đăng nhập"));
        assertTrue(form.body().contains("lang=\"vi\""));
        assertFalse(csrfToken(form).isBlank());
    }

    @Test
    void correctPasswordLeadsToTheDashboardShowingWhoAndWhichRoles() {
        Browser browser = browser(ALPHA);
        logInOk(browser, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> dashboard = browser.get("/quan-tri");
        assertEquals(200, dashboard.statusCode());
        assertTrue(text(dashboard).contains("quantri"));
        assertTrue(text(dashboard).contains("Quản trị cổng"));
        assertTrue(text(dashboard).contains("Cục Alpha"));
    }

    @Test
    void wrongPasswordShowsTheFormAgainWithAClearMessageAndTheUsernameKept() {
        HttpResponse<String> answer = logIn(browser(ALPHA), "QuanTri", "sai-mat-khau");
        assertEquals(401, answer.statusCode());
        assertTrue(text(answer).contains("Tên đăng nhập hoặc mật khẩu không đúng."));
        assertTrue(answer.body().contains("value=\"QuanTri\""));
        HttpResponse<String> unknown = logIn(browser(ALPHA), "khong-co-ai", "sai-mat-khau");
        assertEquals(401, unknown.statusCode());
        assertTrue(text(unknown).contains("Tên đăng nhập hoặc mật khẩu không đúng."));
    }

    @Test
    void anonymousStaffPagesRedirectToTheLoginForm() {
        HttpResponse<String> answer = browser(ALPHA).get("/quan-tri");
        assertEquals(303, answer.statusCode());
        assertEquals("/quan-tri/dang-nhap", answer.headers().firstValue("Location").orElse(""));
        HttpResponse<String> deeper = browser(ALPHA).get("/quan-tri/tai-khoan");
        assertEquals(303, deeper.statusCode());
        String location = URLDecoder.decode(deeper.headers().firstValue("Location").orElse(""), StandardCharsets.UTF_8);
        assertEquals("/quan-tri/dang-nhap?tiep=/quan-tri/tai-khoan", location);
    }

    @Test
    void loginContinuesToThePageThatAskedForIt() {
        Browser browser = browser(ALPHA);
        HttpResponse<String> form = browser.get("/quan-tri/dang-nhap?tiep=/quan-tri/tai-khoan");
        HttpResponse<String> answer = browser.postForm("/quan-tri/dang-nhap", Map.of("username", "quantri",
                "password", "MatKhauAlpha2026!", "csrfToken", csrfToken(form), "tiep", "/quan-tri/tai-khoan"));
        assertEquals(303, answer.statusCode());
        assertEquals("/quan-tri/tai-khoan", answer.headers().firstValue("Location").orElse(""));
    }

    @Test
    void loginIssuesANewSessionIdAndThePreLoginIdIsWorthNothingAfterwards() {
        Browser browser = browser(ALPHA);
        HttpResponse<String> form = browser.get("/quan-tri/dang-nhap");
        String before = browser.cookies().get("CONG_SESSION");
        assertNotNull(before, "the login form sets a session cookie for its CSRF token");
        HttpResponse<String> answer = browser.postForm("/quan-tri/dang-nhap",
                Map.of("username", "quantri", "password", "MatKhauAlpha2026!", "csrfToken", csrfToken(form)));
        assertEquals(303, answer.statusCode());
        String after = browser.cookies().get("CONG_SESSION");
        assertNotNull(after);
        assertNotEquals(before, after);

        Browser planted = browser(ALPHA);
        planted.cookies().put("CONG_SESSION", before);
        assertEquals(303, planted.get("/quan-tri").statusCode(), "the pre-login id must not be logged in");
        assertEquals(200, browser.get("/quan-tri").statusCode());
    }

    @Test
    void sessionCookieIsHostOnlyHttpOnlySameSiteLaxAndLimitedToTheStaffArea() {
        HttpResponse<String> form = browser(ALPHA).get("/quan-tri/dang-nhap");
        String cookie = form.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("CONG_SESSION=")).findFirst().orElseThrow();
        String lower = cookie.toLowerCase();
        assertFalse(lower.contains("domain="), cookie);
        assertTrue(lower.contains("httponly"), cookie);
        assertTrue(lower.contains("samesite=lax"), cookie);
        assertTrue(lower.contains("path=/quan-tri"), cookie);
        assertFalse(lower.contains("secure"), "plain HTTP from an untrusted client: " + cookie);

        Browser browser = browser(ALPHA);
        HttpResponse<String> login = logIn(browser, "quantri", "MatKhauAlpha2026!");
        String loggedIn = login.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("CONG_SESSION=")).findFirst().orElseThrow().toLowerCase();
        assertFalse(loggedIn.contains("domain="), loggedIn);
        assertTrue(loggedIn.contains("httponly") && loggedIn.contains("samesite=lax"), loggedIn);
    }

    @Test
    void forwardedHttpsFromAnUntrustedClientDoesNotMakeTheCookieSecure() {
        HttpResponse<String> form = browser(ALPHA).get("/quan-tri/dang-nhap", Map.of("X-Forwarded-Proto", "https"));
        String cookie = form.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("CONG_SESSION=")).findFirst().orElseThrow();
        assertFalse(cookie.toLowerCase().contains("secure"), cookie);
    }

    @Test
    void publicPagesSetNoCookies() {
        HttpResponse<String> home = browser(ALPHA).get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.headers().allValues("Set-Cookie").isEmpty());
    }

    @Test
    void logoutEndsTheSession() {
        Browser browser = browser(ALPHA);
        logInOk(browser, "quantri", "MatKhauAlpha2026!");
        String session = browser.cookies().get("CONG_SESSION");
        HttpResponse<String> dashboard = browser.get("/quan-tri");
        HttpResponse<String> out = browser.postForm("/quan-tri/dang-xuat", Map.of("csrfToken", csrfToken(dashboard)));
        assertEquals(303, out.statusCode());
        assertEquals("/quan-tri/dang-nhap", out.headers().firstValue("Location").orElse(""));
        Browser replay = browser(ALPHA);
        replay.cookies().put("CONG_SESSION", session);
        assertEquals(303, replay.get("/quan-tri").statusCode());
    }

    @Test
    void sameUsernameInTwoTenantsIsTwoPeople() {
        assertEquals(401, logIn(browser(BETA), "quantri", "MatKhauAlpha2026!").statusCode(),
                "alpha's password must not open beta's quantri");
        assertEquals(401, logIn(browser(ALPHA), "quantri", "MatKhauBeta2026!").statusCode());
        Browser beta = browser(BETA);
        logInOk(beta, "quantri", "MatKhauBeta2026!");
        assertTrue(text(beta.get("/quan-tri")).contains("Viện Beta"));
    }

    @Test
    void aSessionCookieFromAlphaIsAnonymousOnBeta() {
        Browser alpha = browser(ALPHA);
        logInOk(alpha, "quantri", "MatKhauAlpha2026!");
        assertEquals(200, alpha.get("/quan-tri").statusCode());
        Browser onBeta = alpha.at(BETA);
        HttpResponse<String> answer = onBeta.get("/quan-tri");
        assertEquals(303, answer.statusCode());
        assertEquals("/quan-tri/dang-nhap", answer.headers().firstValue("Location").orElse(""));
        assertEquals(200, alpha.get("/quan-tri").statusCode(), "still logged in on alpha");
    }

    @Test
    void loginContinuesToTheRequestedStaffPageButNeverOffSite() {
        assertEquals("/quan-tri/tai-khoan", LoginController.continueTo("/quan-tri/tai-khoan"));
        assertEquals("/quan-tri", LoginController.continueTo("//evil.example.com/quan-tri"));
        assertEquals("/quan-tri", LoginController.continueTo("https://evil.example.com/"));
        assertEquals("/quan-tri", LoginController.continueTo("/quan-tri/../x"));
        assertEquals("/quan-tri", LoginController.continueTo(null));
    }
}
