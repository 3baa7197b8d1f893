package vn.cong.admin;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/**
 * A Redis of this test's own goes away while the node runs and comes back: staff pages answer a
 * clear 503 meanwhile, public pages do not notice, and login works again afterwards.
 */
@MicronautTest(transactional = false)
class RedisOutageTest extends PlatformTestSupport {

    static final String ALPHA = "alpha.most.localhost";

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    private int redisPort;
    private Process redis;

    @Override
    protected Map<String, String> extraProperties() {
        redisPort = freePort();
        redis = startRedis(redisPort);
        return Map.of("redis.uri", "redis://127.0.0.1:" + redisPort);
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    @AfterAll
    void stopRedis() {
        if (redis != null) {
            redis.destroy();
        }
    }

    private Browser browser() {
        return new Browser(server.getPort(), ALPHA);
    }

    @Test
    void staffPagesSayLoginIsUnavailableWhileRedisIsGoneAndWorkAgainWhenItIsBack() throws Exception {
        Browser staff = browser();
        logInOk(staff, "quantri", "MatKhauAlpha2026!");
        assertEquals(200, staff.get("/quan-tri").statusCode());

        redis.destroy();
        assertTrue(redis.waitFor(10, TimeUnit.SECONDS));
        HttpResponse<String> form = poll(() -> browser().get("/quan-tri/dang-nhap"), r -> r.statusCode() == 503);
        assertTrue(text(form).contains("Hệ thống đăng nhập tạm thời gián đoạn, vui lòng thử lại sau."));
        HttpResponse<String> dashboard = staff.get("/quan-tri");
        assertEquals(503, dashboard.statusCode());
        assertTrue(text(dashboard).contains("Hệ thống đăng nhập tạm thời gián đoạn"));
        assertEquals(200, browser().get("/").statusCode(), "public pages do not depend on Redis");

        redis = startRedis(redisPort);
        poll(() -> browser().get("/quan-tri/dang-nhap"), r -> r.statusCode() == 200);
        // the restarted Redis kept nothing: the old session is gone, a new login works
        assertEquals(303, staff.get("/quan-tri").statusCode());
        logInOk(staff, "quantri", "MatKhauAlpha2026!");
        assertEquals(200, staff.get("/quan-tri").statusCode());
    }

    private static HttpResponse<String> poll(Supplier<HttpResponse<String>> request, Predicate<HttpResponse<String>> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> last = request.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            last = request.get();
        }
        assertTrue(done.test(last), "still " + last.statusCode() + " at the deadline: " + last.body());
        return last;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Process startRedis(int port) {
        try {
            Process process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (Instant.now().isBefore(deadline)) {
                try (var probe = new java.net.Socket("127.0.0.1", port)) {
                    return process;
                } catch (IOException notYet) {
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                }
            }
            throw new IllegalStateException("redis-server did not start on port " + port);
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is needed for this test", e);
        }
    }
}
