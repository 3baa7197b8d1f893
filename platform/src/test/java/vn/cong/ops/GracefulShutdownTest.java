package vn.cong.ops;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import vn.cong.testing.PlatformTestSupport;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping the server the way Micronaut's JVM shutdown hook does on SIGTERM (embedded server stop,
 * then context close) lets a request that is already being handled finish, while new connections
 * are no longer accepted.
 */
class GracefulShutdownTest extends PlatformTestSupport {

    @Test
    void inFlightRequestFinishesWhileTheServerShutsDown() throws Exception {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("cong.test.probe", "true");
        ProbeController.entered = new CountDownLatch(1);
        ProbeController.release = Sinks.empty();
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        ApplicationContext context = server.getApplicationContext();
        int port = server.getPort();
        try {
            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/probe/slow"))
                            .header("Host", "admin.most.localhost").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(ProbeController.entered.await(30, TimeUnit.SECONDS), "slow request reached the controller");

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
                server.stop();
                context.close();
            });
            assertTrue(awaitRefusingConnections(port), "a stopping server accepts no new connections");
            assertFalse(stopping.isDone(), "shutdown waits for the request in flight");

            ProbeController.release.tryEmitEmpty();
            HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode());
            assertEquals("finished", response.body());
            stopping.get(30, TimeUnit.SECONDS);
        } finally {
            ProbeController.release.tryEmitEmpty();
            if (context.isRunning()) {
                context.close();
            }
        }
    }

    private static boolean awaitRefusingConnections(int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                Thread.onSpinWait();
            } catch (IOException refused) {
                return true;
            }
        }
        return false;
    }
}
