package vn.cong.ops;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node needs Redis to start (sessions), so this class runs against a Redis of its own — a local
 * {@code redis-server} process, or a container when a Docker engine answers — and stops it mid-test.
 */
@MicronautTest(transactional = false)
class RedisDownHealthTest extends PlatformTestSupport {

    @Inject
    EmbeddedServer server;

    private Process redisProcess;
    private GenericContainer<?> redisContainer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("redis.uri", startOwnRedis());
    }

    @Test
    void healthGoesDownWhenRedisStops() {
        var up = new Browser(server.getPort(), "127.0.0.1").get("/health");
        assertEquals(200, up.statusCode(), up.body());

        stopOwnRedis();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        java.net.http.HttpResponse<String> response;
        do {
            response = new Browser(server.getPort(), "127.0.0.1").get("/health");
        } while (response.statusCode() != 503 && Instant.now().isBefore(deadline));

        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"redis\":{\"name\":\"cong\",\"status\":\"DOWN\""), response.body());
        assertTrue(response.body().contains("\"r2dbc-connection-factory\":{\"name\":\"cong\",\"status\":\"UP\""), response.body());
    }

    @AfterAll
    void cleanUp() {
        stopOwnRedis();
    }

    private String startOwnRedis() {
        if (redisProcess != null || redisContainer != null) {
            throw new IllegalStateException("own Redis already started");
        }
        try {
            int port = freePort();
            redisProcess = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            awaitListening(port);
            return "redis://127.0.0.1:" + port;
        } catch (IOException noRedisServerBinary) {
            redisContainer = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redisContainer.start();
            return "redis://" + redisContainer.getHost() + ":" + redisContainer.getFirstMappedPort();
        }
    }

    private void stopOwnRedis() {
        try {
            if (redisProcess != null && redisProcess.isAlive()) {
                redisProcess.destroy();
                redisProcess.waitFor(10, TimeUnit.SECONDS);
            }
            if (redisContainer != null && redisContainer.isRunning()) {
                redisContainer.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitListening(int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
