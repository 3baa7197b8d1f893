package vn.cong.ops;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.PasswordHasher;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health details and metrics per host kind, seen from outside: the test's loopback connections are
 * not internal here ({@code cong.internal-addresses} is another network), and an internal client is
 * one a trusted proxy (loopback) names in X-Forwarded-For.
 */
@MicronautTest(transactional = false)
class NodeExposureTest extends PlatformTestSupport {

    private static final String PASSWORD = "MatKhauVanHanh2026!";
    private static final Map<String, String> OPERATOR = basic("vanhanh", PASSWORD);
    private static final Map<String, String> INTERNAL_CLIENT = Map.of("X-Forwarded-For", "203.0.113.7, 10.20.3.4");
    private static final Map<String, String> OUTSIDE_CLIENT = Map.of("X-Forwarded-For", "10.20.3.4, 203.0.113.7");
    private static final List<String> OUTSIDE_HOSTS = List.of("127.0.0.1", "10.0.0.12:8080", "khongco.example.org");
    private static final List<String> TENANT_HOSTS = List.of("alpha.most.localhost", "www.most.localhost", "most.localhost",
            "status.most.localhost");

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.internal-addresses", "10.20.0.0/16",
                "cong.trusted-proxies", "127.0.0.1",
                "cong.operator.username", "vanhanh",
                "cong.operator.password-hash", new PasswordHasher().hash(PASSWORD));
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Browser at(String host) {
        return new Browser(server.getPort(), host);
    }

    @Test
    void healthShowsOnlyTheStatusToOutsidersOnEveryHost() {
        List<String> hosts = new java.util.ArrayList<>(OUTSIDE_HOSTS);
        hosts.addAll(TENANT_HOSTS);
        hosts.add("admin.most.localhost");
        for (String host : hosts) {
            for (var headers : List.of(Map.<String, String>of(), OUTSIDE_CLIENT)) {
                var response = at(host).get("/health", headers);
                assertEquals(200, response.statusCode(), host);
                assertEquals("{\"status\":\"UP\"}", response.body(), host);
            }
        }
    }

    @Test
    void healthShowsDetailsToTheOperatorOnlyOnTheOperatorHost() {
        var operator = at("admin.most.localhost").get("/health", OPERATOR);
        assertEquals(200, operator.statusCode());
        assertTrue(operator.body().contains("\"r2dbc-connection-factory\":{"), operator.body());
        assertTrue(operator.body().contains("\"redis\":{"), operator.body());

        assertEquals("{\"status\":\"UP\"}", at("alpha.most.localhost").get("/health", OPERATOR).body());
        assertEquals("{\"status\":\"UP\"}", at("127.0.0.1").get("/health", OPERATOR).body());
        assertEquals("{\"status\":\"UP\"}", at("admin.most.localhost").get("/health", basic("vanhanh", "sai-mat-khau-roi")).body());
    }

    @Test
    void healthShowsDetailsToInternalAddresses() {
        for (String host : List.of("127.0.0.1", "khongco.example.org", "alpha.most.localhost")) {
            var response = at(host).get("/health", INTERNAL_CLIENT);
            assertEquals(200, response.statusCode(), host);
            assertTrue(response.body().contains("\"r2dbc-connection-factory\":{"), host + ": " + response.body());
        }
    }

    @Test
    void prometheusIsNotFoundOnUnknownHostsAndBareAddressesFromOutside() {
        for (String host : OUTSIDE_HOSTS) {
            for (var headers : List.of(Map.<String, String>of(), OUTSIDE_CLIENT, OPERATOR)) {
                var response = at(host).get("/prometheus", headers);
                assertEquals(404, response.statusCode(), host);
                assertFalse(response.body().contains("cong_"), host);
            }
        }
    }

    @Test
    void prometheusIsNeverServedOnTenantOrStatusHosts() {
        for (String host : TENANT_HOSTS) {
            for (var headers : List.of(Map.<String, String>of(), INTERNAL_CLIENT, OPERATOR)) {
                var response = at(host).get("/prometheus", headers);
                assertEquals(404, response.statusCode(), host);
                assertFalse(response.body().contains("cong_"), host);
            }
        }
    }

    @Test
    void prometheusOnTheOperatorHostAsksForTheOperator() {
        var anonymous = at("admin.most.localhost").get("/prometheus");
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertFalse(anonymous.body().contains("cong_"));
        assertEquals(401, at("admin.most.localhost").get("/prometheus", basic("vanhanh", "sai-mat-khau-roi")).statusCode());

        var operator = at("admin.most.localhost").get("/prometheus", OPERATOR);
        assertEquals(200, operator.statusCode());
        assertTrue(operator.body().contains("http_server_requests_seconds"), "metrics for the operator");
    }

    @Test
    void prometheusIsServedToInternalAddressesOnBareAddressesAndTheOperatorHost() {
        for (String host : List.of("10.0.0.12:8080", "127.0.0.1", "admin.most.localhost")) {
            var response = at(host).get("/prometheus", INTERNAL_CLIENT);
            assertEquals(200, response.statusCode(), host);
            assertTrue(response.body().contains("http_server_requests_seconds"), host);
        }
    }
}
