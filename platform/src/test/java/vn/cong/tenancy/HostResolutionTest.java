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

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class HostResolutionTest extends PlatformTestSupport {

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    PlatformDatabase platform;

    @Inject
    PublicChanges changes;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.trusted-proxies", "10.9.9.9");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    private String bodyAt(String host) {
        var response = new Browser(server.getPort(), host).get("/");
        assertEquals(200, response.statusCode(), "status for " + host);
        return response.body();
    }

    @Test
    void ministryAnswersOnWwwAndBareBaseDomain() {
        assertTrue(bodyAt("www.most.localhost").contains("Bộ Thử nghiệm"));
        assertTrue(bodyAt("most.localhost").contains("Bộ Thử nghiệm"));
    }

    @Test
    void memberAnswersOnItsFourthLevelHostIgnoringCaseAndPort() {
        assertTrue(bodyAt("alpha.most.localhost").contains("Cục Alpha"));
        assertTrue(bodyAt("ALPHA.Most.LocalHost:8080").contains("Cục Alpha"));
        assertTrue(bodyAt("beta.most.localhost:443").contains("Viện Beta"));
    }

    @Test
    void memberAnswersOnItsAlias() {
        assertTrue(bodyAt("www.alpha-cuc.vn").contains("Cục Alpha"));
        assertTrue(bodyAt("WWW.ALPHA-CUC.VN:80").contains("Cục Alpha"));
    }

    @Test
    void unknownHostGetsBareNotFoundNamingNoTenant() {
        var response = new Browser(server.getPort(), "nobody.most.localhost").get("/");
        assertEquals(404, response.statusCode());
        assertFalse(response.body().contains("Alpha"));
        assertFalse(response.body().contains("Bộ"));
        assertEquals(404, new Browser(server.getPort(), "evil.example.com").get("/").statusCode());
    }

    @Test
    void forwardedHostIsIgnoredFromUntrustedClients() {
        var response = new Browser(server.getPort(), "beta.most.localhost")
                .get("/", Map.of("X-Forwarded-Host", "alpha.most.localhost"));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Viện Beta"), "the loopback client is not a trusted proxy");
    }

    @Test
    void suspendedTenantAnswersServiceUnavailableWithNotice() {
        platform.mono(c -> c.update("UPDATE platform.tenants SET status = 'suspended', status_notice = 'Cổng đang tạm dừng để hợp nhất.' WHERE code = 'beta'"))
                .then(changes.refreshEveryNode()).block();
        try {
            var response = new Browser(server.getPort(), "beta.most.localhost").get("/");
            assertEquals(503, response.statusCode());
            assertTrue(response.body().contains("Cổng đang tạm dừng để hợp nhất."));
            assertEquals(200, new Browser(server.getPort(), "alpha.most.localhost").get("/").statusCode());
        } finally {
            platform.mono(c -> c.update("UPDATE platform.tenants SET status = 'active', status_notice = NULL WHERE code = 'beta'"))
                    .then(changes.refreshEveryNode()).block();
        }
    }

    @Test
    void otherNodesSeeRegistryChangesByPolling() {
        // a change written by "another node": only the shared version moves, this node was not told
        platform.mono(c -> c.update("UPDATE platform.tenants SET status = 'suspended' WHERE code = 'alpha'"))
                .then(platform.mono(c -> c.update("UPDATE platform.registry_version SET version = version + 1"))).block();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            int status = 0;
            while (Instant.now().isBefore(deadline)) {
                status = new Browser(server.getPort(), "alpha.most.localhost").get("/").statusCode();
                if (status == 503) {
                    break;
                }
                Thread.onSpinWait();
            }
            assertEquals(503, status);
        } finally {
            platform.mono(c -> c.update("UPDATE platform.tenants SET status = 'active' WHERE code = 'alpha'"))
                    .then(changes.refreshEveryNode()).block();
        }
    }
}
