package vn.cong.system;

import io.lettuce.core.RedisClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.cong.testing.PlatformTestSupport;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Redis client's reconnect back-off is capped (about 1 s), so sessions come back about a second after Redis does. */
@MicronautTest(transactional = false)
class RedisReconnectDelayTest extends PlatformTestSupport {

    @Inject
    RedisClient client;

    @Test
    void theReconnectDelayNeverExceedsASecond() {
        var delay = client.getResources().reconnectDelay();
        for (int attempt = 1; attempt <= 30; attempt++) {
            Duration next = delay.createDelay(attempt);
            assertTrue(next.compareTo(Duration.ofSeconds(1)) <= 0, "attempt " + attempt + ": " + next);
        }
        assertTrue(delay.createDelay(1).toMillis() < 100, "the first retry is quick");
    }
}
