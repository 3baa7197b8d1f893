package vn.cong.tenancy;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behind a trusted reverse proxy the portal is chosen by X-Forwarded-Host, not by the proxy's own Host. */
@MicronautTest(transactional = false)
class TrustedProxyHostTest extends PlatformTestSupport {

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
    void forwardedHostFromTrustedProxyChoosesThePortal() {
        var response = new Browser(server.getPort(), "internal-upstream:8080")
                .get("/", Map.of("X-Forwarded-Host", "Alpha.Most.Localhost:443"));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Cục Alpha"));
        var beta = new Browser(server.getPort(), "alpha.most.localhost").get("/", Map.of("X-Forwarded-Host", "beta.most.localhost"));
        assertTrue(beta.body().contains("Viện Beta"), "the forwarded host wins over the Host header");
    }
}
