package vn.cong.web;

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

/**
 * Behind a trusted proxy (the loopback test client), a comma-separated X-Forwarded-* list counts by its
 * last entry, the one that proxy wrote, for the tenant's host and for the scheme alike.
 */
@MicronautTest(transactional = false)
class ForwardedListsTest extends PlatformTestSupport {

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
        TestTenants.onboard(onboarding, "beta");
    }

    @Test
    void theLastForwardedHostChoosesThePortal() {
        var response = new Browser(server.getPort(), "internal-upstream:8080")
                .get("/", Map.of("X-Forwarded-Host", "beta.most.localhost, alpha.most.localhost"));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Cục Alpha"), "the entry the trusted proxy wrote wins");
        assertFalse(response.body().contains("Viện Beta"));
    }

    @Test
    void theLastForwardedSchemeDecidesTheSecureCookie() {
        // a new browser each time: one that already holds a session gets no new cookie
        assertTrue(sessionCookie(new Browser(server.getPort(), "alpha.most.localhost")
                .get("/quan-tri/dang-nhap", Map.of("X-Forwarded-Proto", "http, https"))).contains("secure"));
        assertFalse(sessionCookie(new Browser(server.getPort(), "alpha.most.localhost")
                .get("/quan-tri/dang-nhap", Map.of("X-Forwarded-Proto", "https, http"))).contains("secure"));
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("CONG_SESSION=")).findFirst().orElseThrow().toLowerCase();
    }
}
