package vn.cong.onboarding;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outside the dev environment there is no operator until one is configured: no default password. */
@MicronautTest(transactional = false)
class OperatorNotConfiguredTest extends PlatformTestSupport {

    @Inject
    EmbeddedServer server;

    @Test
    void operatorApiAnswersServiceUnavailableUntilAnOperatorIsConfigured() {
        var browser = new Browser(server.getPort(), "admin.most.localhost");
        for (var response : new java.net.http.HttpResponse<?>[]{
                browser.get("/api/v1/tenants"),
                browser.get("/api/v1/tenants", Map.of("Authorization", "Basic b3BlcmF0b3I6VmFuSGFuaERldjIwMjYh")),
                browser.postJson("/api/v1/tenants", "{}", Map.of())}) {
            assertEquals(503, response.statusCode());
            assertTrue(String.valueOf(response.body()).contains("operator not configured"));
        }
    }
}
