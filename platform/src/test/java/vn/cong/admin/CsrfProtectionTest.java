package vn.cong.admin;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

@MicronautTest(transactional = false)
class CsrfProtectionTest extends PlatformTestSupport {

    static final String ALPHA = "alpha.most.localhost";
    static final String REFUSED = "Yêu cầu không hợp lệ hoặc phiên làm việc đã hết hạn";

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    @Override
    protected Map<String, String> extraProperties() {
        // manyFormPostsInARow… sends 40 failed logins from one address to test form parsing, not the
        // login throttle (LoginLockoutTest), which would answer 429 after 20
        return Map.of("test.unguarded-route", "true", "cong.accounts.login-throttle.address-failures", "1000");
    }

    private Browser browser() {
        return new Browser(server.getPort(), ALPHA);
    }

    private Map<String, String> newAccount(String username, String token) {
        return Map.of("username", username, "fullName", "Nguyễn Văn A", "email", username + "@alpha.example.vn",
                "roles", "editor", "passwordMode", "password", "password", "MatKhauBanDau2026", "csrfToken", token);
    }

    private long accountsNamed(String username) throws SQLException {
        try (var c = jdbc(); var s = c.prepareStatement("SELECT count(*) FROM t_alpha.accounts WHERE username = ?")) {
            s.setString(1, username);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void loginWithoutOrWithAWrongTokenIsRefusedAndLogsNobodyIn() {
        Browser browser = browser();
        browser.get("/quan-tri/dang-nhap");
        HttpResponse<String> missing = browser.postForm("/quan-tri/dang-nhap",
                Map.of("username", "quantri", "password", "MatKhauAlpha2026!"));
        assertEquals(403, missing.statusCode());
        assertTrue(text(missing).contains(REFUSED), missing.body());
        HttpResponse<String> wrong = browser.postForm("/quan-tri/dang-nhap",
                Map.of("username", "quantri", "password", "MatKhauAlpha2026!", "csrfToken", "gia-mao"));
        assertEquals(403, wrong.statusCode());
        assertEquals(303, browser.get("/quan-tri").statusCode(), "still anonymous");
    }

    @Test
    void loginWithoutAnySessionIsRefused() {
        HttpResponse<String> answer = browser().postForm("/quan-tri/dang-nhap",
                Map.of("username", "quantri", "password", "MatKhauAlpha2026!", "csrfToken", "x"));
        assertEquals(403, answer.statusCode());
    }

    @Test
    void stateChangeWithoutTokenOrWithAWrongOneIsRefusedAndChangesNothing() throws SQLException {
        Browser browser = browser();
        logInOk(browser, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> missing = browser.postForm("/quan-tri/tai-khoan", Map.of("username", "csrf-a",
                "fullName", "A", "email", "a@alpha.example.vn", "roles", "editor", "passwordMode", "link"));
        assertEquals(403, missing.statusCode());
        assertTrue(text(missing).contains(REFUSED));
        assertEquals(403, browser.postForm("/quan-tri/tai-khoan", newAccount("csrf-b", "sai")).statusCode());
        assertEquals(0, accountsNamed("csrf-a"));
        assertEquals(0, accountsNamed("csrf-b"));
    }

    @Test
    void theTokenOfAnotherSessionDoesNotWork() throws SQLException {
        Browser mallory = browser();
        String foreignToken = csrfToken(mallory.get("/quan-tri/dang-nhap"));
        Browser admin = browser();
        logInOk(admin, "quantri", "MatKhauAlpha2026!");
        assertEquals(403, admin.postForm("/quan-tri/tai-khoan", newAccount("csrf-c", foreignToken)).statusCode());
        assertEquals(0, accountsNamed("csrf-c"));
    }

    @Test
    void aPostFromAnotherSiteIsRefusedEvenWithTheRightToken() throws SQLException {
        Browser admin = browser();
        logInOk(admin, "quantri", "MatKhauAlpha2026!");
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        HttpResponse<String> crossSite = admin.postForm("/quan-tri/tai-khoan", newAccount("csrf-d", token),
                Map.of("Origin", "http://evil.example.com"));
        assertEquals(403, crossSite.statusCode());
        HttpResponse<String> otherTenant = admin.postForm("/quan-tri/tai-khoan", newAccount("csrf-d", token),
                Map.of("Origin", "http://beta.most.localhost"));
        assertEquals(403, otherTenant.statusCode());
        assertEquals(0, accountsNamed("csrf-d"));
    }

    @Test
    void theRightTokenFromTheSameSiteChangesThings() throws SQLException {
        Browser admin = browser();
        logInOk(admin, "quantri", "MatKhauAlpha2026!");
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        HttpResponse<String> created = admin.postForm("/quan-tri/tai-khoan", newAccount("csrf-e", token));
        assertEquals(303, created.statusCode(), created.body());
        assertEquals(1, accountsNamed("csrf-e"));
    }

    @Test
    void theTokenMayAlsoComeAsAHeader() throws SQLException {
        Browser admin = browser();
        logInOk(admin, "quantri", "MatKhauAlpha2026!");
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        Map<String, String> form = new java.util.HashMap<>(newAccount("csrf-f", "ignored"));
        form.remove("csrfToken");
        HttpResponse<String> created = admin.postForm("/quan-tri/tai-khoan", form, Map.of("X-CSRF-TOKEN", token));
        assertEquals(303, created.statusCode(), created.body());
        assertEquals(1, accountsNamed("csrf-f"));
    }

    @Test
    void aPostWithoutOriginOrRefererIsRefused() throws Exception {
        Browser admin = browser();
        logInOk(admin, "quantri", "MatKhauAlpha2026!");
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        String cookie = "CONG_SESSION=" + admin.cookies().get("CONG_SESSION");
        String body = "username=csrf-g&fullName=G&email=g%40alpha.example.vn&roles=editor&passwordMode=link&csrfToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/quan-tri/tai-khoan"))
                .header("Host", ALPHA).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpClient client = HttpClient.newHttpClient();
        assertEquals(403, client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(0, accountsNamed("csrf-g"));
        // the same request with a same-site Referer (and no Origin) goes through
        var withReferer = request.copy().header("Referer", "http://" + ALPHA + "/quan-tri/tai-khoan/moi").build();
        assertEquals(201, client.send(withReferer, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(1, accountsNamed("csrf-g"));
    }

    @Test
    void aStateChangingStaffRouteWithoutCsrfProtectionIsRefusedOutright() {
        Browser browser = browser();
        String token = csrfToken(browser.get("/quan-tri/dang-nhap"));
        HttpResponse<String> answer = browser.postForm("/quan-tri/thu-nghiem/khong-bao-ve", Map.of("csrfToken", token));
        assertEquals(403, answer.statusCode());
        assertEquals(0, UnguardedTestController.CALLS.get(), "the unprotected method must never run");
    }

    @Test
    void manyFormPostsInARowNeverFailOnTheServer() {
        // micronaut-core#11341: reading form bodies in a filter failed intermittently; ours never reads them there
        Browser browser = browser();
        String token = csrfToken(browser.get("/quan-tri/dang-nhap"));
        String longValue = "x".repeat(20_000);
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> answer = browser.postForm("/quan-tri/dang-nhap",
                    Map.of("username", "khong-co-" + i, "password", longValue, "csrfToken", token));
            assertEquals(401, answer.statusCode(), "attempt " + i + ": " + answer.body());
        }
    }
}
