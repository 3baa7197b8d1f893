package vn.cong.ops;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class MetricsEndpointTest extends PlatformTestSupport {

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    private Browser at(String host) {
        return new Browser(server.getPort(), host);
    }

    @Test
    void prometheusOnTheNodeAddressShowsHttpAndPerTenantRequestMetrics() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, at("alpha.most.localhost").get("/").statusCode());
        }
        assertEquals(200, at("beta.most.localhost").get("/").statusCode());
        assertEquals(404, at("beta.most.localhost").get("/khong-co-trang-nay").statusCode());

        var metrics = at("127.0.0.1").get("/prometheus");
        assertEquals(200, metrics.statusCode());
        String body = metrics.body();
        assertTrue(body.contains("http_server_requests_seconds_count"), "http server metrics");
        assertTrue(body.contains("cong_tenant_requests_total{status=\"2xx\",tenant=\"alpha\"} 3.0"), body);
        assertTrue(body.contains("cong_tenant_requests_total{status=\"2xx\",tenant=\"beta\"} 1.0"), body);
        assertTrue(body.contains("cong_tenant_requests_total{status=\"4xx\",tenant=\"beta\"} 1.0"), body);
        assertFalse(body.contains("status=\"5xx\",tenant=\"alpha\""), "only status classes that occurred are exported");
    }

    @Test
    void prometheusAnswersOnTheOperatorHostAndUnknownHosts() {
        assertEquals(200, at("admin.most.localhost").get("/prometheus").statusCode());
        assertEquals(200, at("10.0.0.12:8080").get("/prometheus").statusCode());
    }

    @Test
    void prometheusIsNotFoundForARequestForwardedByAnUntrustedProxy() {
        for (String host : List.of("127.0.0.1", "10.0.0.12:8080", "khongco.example.org")) {
            var response = at(host).get("/prometheus", java.util.Map.of("X-Forwarded-For", "203.0.113.9"));
            assertEquals(404, response.statusCode(), host);
            assertFalse(response.body().contains("cong_tenant_requests"), host);
        }
    }

    @Test
    void prometheusIsNotServedOnTenantHostsOrTheStatusPage() {
        for (String host : List.of("alpha.most.localhost", "www.most.localhost", "most.localhost", "www.alpha-cuc.vn",
                "status.most.localhost")) {
            var response = at(host).get("/prometheus");
            assertEquals(404, response.statusCode(), host);
            assertFalse(response.body().contains("cong_tenant_requests"), host);
        }
    }
}
