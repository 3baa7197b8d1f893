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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class HealthEndpointTest extends PlatformTestSupport {

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    @Test
    void healthChecksPostgresAndRedisAndAnswersOnAnyHost() {
        for (String host : List.of("127.0.0.1", "alpha.most.localhost", "admin.most.localhost", "khongco.example.org")) {
            var response = new Browser(server.getPort(), host).get("/health");
            assertEquals(200, response.statusCode(), host);
            assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
            assertTrue(response.body().contains("\"r2dbc-connection-factory\":{"), "PostgreSQL indicator: " + response.body());
            assertTrue(response.body().contains("\"redis\":{"), "Redis indicator: " + response.body());
        }
    }

    @Test
    void healthShowsOnlyTheStatusToARequestForwardedByAnUntrustedProxy() {
        // loopback is internal by default, but a proxy on this machine that is not a trusted proxy
        // forwards the whole Internet: its requests are not internal
        for (String host : List.of("127.0.0.1", "alpha.most.localhost", "admin.most.localhost")) {
            var response = new Browser(server.getPort(), host).get("/health", java.util.Map.of("X-Forwarded-For", "203.0.113.9"));
            assertEquals(200, response.statusCode(), host);
            assertEquals("{\"status\":\"UP\"}", response.body(), host);
        }
    }

    @Test
    void healthAnswersARequestWithoutHostHeader() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.0 200") || response.startsWith("HTTP/1.1 200"), response);
        }
    }

    @Test
    void healthIsDownWhilePostgresRefusesConnectionsAndRecoversAfter() throws SQLException {
        setConnectionsAllowed(false);
        try {
            var down = pollHealth(status -> status == 503);
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("\"status\":\"DOWN\""), down.body());
        } finally {
            setConnectionsAllowed(true);
        }
        assertEquals(200, pollHealth(status -> status == 200).statusCode());
    }

    /** PostgreSQL "down" for this class's database only: no new connections, existing ones cut. */
    private void setConnectionsAllowed(boolean allowed) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + databaseName + "\" WITH ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + databaseName + "'");
            }
        }
    }

    private java.net.http.HttpResponse<String> pollHealth(IntPredicate until) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        java.net.http.HttpResponse<String> response;
        do {
            response = new Browser(server.getPort(), "127.0.0.1").get("/health");
        } while (!until.test(response.statusCode()) && Instant.now().isBefore(deadline));
        return response;
    }
}
