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

/** The loopback test client plays a trusted reverse proxy that terminates TLS. */
@MicronautTest(transactional = false)
class BehindTrustedProxyTest extends PlatformTestSupport {

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.trusted-proxies", "127.0.0.1");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("CONG_SESSION=")).findFirst().orElseThrow().toLowerCase();
    }

    @Test
    void cookieIsSecureWhenTheProxySaysTheBrowserCameOverHttps() {
        Browser browser = new Browser(server.getPort(), "alpha.most.localhost");
        HttpResponse<String> form = browser.get("/quan-tri/dang-nhap", Map.of("X-Forwarded-Proto", "https"));
        String cookie = sessionCookie(form);
        assertTrue(cookie.contains("secure"), cookie);
        assertFalse(cookie.contains("domain="), cookie);
    }

    @Test
    void cookieIsNotSecureWhenTheProxySaysPlainHttp() {
        Browser browser = new Browser(server.getPort(), "alpha.most.localhost");
        String cookie = sessionCookie(browser.get("/quan-tri/dang-nhap", Map.of("X-Forwarded-Proto", "http")));
        assertFalse(cookie.contains("secure"), cookie);
    }
}
