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

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.text;

/** Redis (the session store) is on a port where nothing listens, from start-up on. */
@MicronautTest(transactional = false)
class LoginWhenRedisIsDownTest extends PlatformTestSupport {

    static final String MESSAGE = "Hệ thống đăng nhập tạm thời gián đoạn, vui lòng thử lại sau.";

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("redis.uri", "redis://127.0.0.1:6390");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    private Browser browser() {
        return new Browser(server.getPort(), "alpha.most.localhost");
    }

    @Test
    void publicPagesStillAnswer() {
        HttpResponse<String> home = browser().get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Cục Alpha"));
    }

    @Test
    void theLoginFormSaysLoginIsTemporarilyUnavailable() {
        HttpResponse<String> form = browser().get("/quan-tri/dang-nhap");
        assertEquals(503, form.statusCode());
        assertTrue(text(form).contains(MESSAGE), form.body());
        assertFalse(form.body().contains("Exception"));
    }

    @Test
    void postingTheLoginFormGetsTheSameClearAnswer() {
        HttpResponse<String> answer = browser().postForm("/quan-tri/dang-nhap",
                Map.of("username", "quantri", "password", "MatKhauAlpha2026!", "csrfToken", "x"));
        assertEquals(503, answer.statusCode());
        assertTrue(text(answer).contains(MESSAGE), answer.body());
    }

    @Test
    void aStaffPageWithAnOldSessionCookieGetsTheSameClearAnswer() {
        Browser browser = browser();
        browser.cookies().put("CONG_SESSION", "A".repeat(43));
        HttpResponse<String> answer = browser.get("/quan-tri");
        assertEquals(503, answer.statusCode());
        assertTrue(text(answer).contains(MESSAGE));
    }
}
