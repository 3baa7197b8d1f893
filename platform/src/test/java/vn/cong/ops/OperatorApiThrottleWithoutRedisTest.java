package vn.cong.ops;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.PasswordHasher;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Redis (where the throttle counts) is on a port where nothing listens: guessing is still throttled, on
 * this node's own counts, and the operator still gets in from an address without failures.
 */
@MicronautTest(transactional = false)
class OperatorApiThrottleWithoutRedisTest extends PlatformTestSupport {

    private static final String PASSWORD = "MatKhauVanHanh2026!";

    final MutableClock clock = MutableClock.startingNow();

    @Inject
    EmbeddedServer server;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("redis.uri", "redis://127.0.0.1:6390",
                "cong.operator.username", "vanhanh",
                "cong.operator.password-hash", new PasswordHasher().hash(PASSWORD),
                "cong.trusted-proxies", "127.0.0.1");
    }

    private HttpResponse<String> get(String address, String password) {
        return new Browser(server.getPort(), "admin.most.localhost").get("/api/v1/tenants", Map.of("X-Forwarded-For", address,
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(("vanhanh:" + password).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void guessingIsStillThrottledAndTheOperatorStillGetsIn() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, get("203.0.113.70", "doan-" + i).statusCode(), "failure " + i);
        }
        assertEquals(429, get("203.0.113.70", PASSWORD).statusCode(), "not unthrottled");
        assertEquals(200, get("198.51.100.70", PASSWORD).statusCode(), "nobody locked out");
    }
}
