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
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator API keeps HTTP Basic, behind the same login throttle as the staff and console forms (issue 16). */
@MicronautTest(transactional = false)
class OperatorApiThrottleTest extends PlatformTestSupport {

    private static final String PASSWORD = "MatKhauVanHanh2026!";
    private static final String TENANTS = "/api/v1/tenants";

    final MutableClock clock = MutableClock.startingNow();

    @Inject
    EmbeddedServer server;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.operator.username", "vanhanh",
                "cong.operator.password-hash", new PasswordHasher().hash(PASSWORD),
                "cong.trusted-proxies", "127.0.0.1");
    }

    private HttpResponse<String> get(String address, String user, String password) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Forwarded-For", address);
        headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return new Browser(server.getPort(), "admin.most.localhost").get(TENANTS, headers);
    }

    @Test
    void fiveWrongPasswordsSlowTheGuesserDownButNotTheOperatorElsewhere() throws SQLException {
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, get("203.0.113.50", "vanhanh", "doan-" + i).statusCode(), "failure " + i);
        }
        HttpResponse<String> throttled = get("203.0.113.50", "vanhanh", PASSWORD);
        assertEquals(429, throttled.statusCode(), "not even checked: " + throttled.body());
        assertEquals("1", throttled.headers().firstValue("Retry-After").orElse(""));
        assertTrue(throttled.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(throttled.body().contains("\"errors\"") && throttled.body().contains("Vui lòng chờ 1 giây"), throttled.body());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(401, get("203.0.113.50", "vanhanh", "doan-6").statusCode());
        assertEquals("2", get("203.0.113.50", "vanhanh", PASSWORD).headers().firstValue("Retry-After").orElse(""),
                "each further failure doubles the wait");

        assertEquals(200, get("198.51.100.9", "vanhanh", PASSWORD).statusCode(), "the operator from another address gets in");
        try (var c = jdbc(); var rs = c.createStatement().executeQuery("""
                SELECT count(*) FROM platform.operator_audit
                WHERE action = 'ops.login.failed' AND channel = 'api' AND details->>'reason' = 'throttled'
                  AND remote_address = '203.0.113.50'""")) {
            rs.next();
            assertEquals(2, rs.getLong(1), "throttled attempts are in the audit trail");
        }
    }

    @Test
    void twentyFailuresFromOneAddressGet429ForTheRestOfTheTenMinutes() {
        for (int i = 1; i <= 20; i++) {
            assertEquals(401, get("203.0.113.60", "nguoi-" + i, "doan-" + i).statusCode(), "failure " + i);
        }
        HttpResponse<String> refused = get("203.0.113.60", "vanhanh", PASSWORD);
        assertEquals(429, refused.statusCode());
        assertEquals("600", refused.headers().firstValue("Retry-After").orElse(""));
        assertTrue(refused.body().contains("Có quá nhiều lần đăng nhập sai từ địa chỉ của bạn"), refused.body());
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertEquals(200, get("203.0.113.60", "vanhanh", PASSWORD).statusCode());
    }
}
