package vn.cong.security;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cong.ops.uptime.CheckResult;
import vn.cong.ops.uptime.ProbeTarget;
import vn.cong.ops.uptime.Prober;
import vn.cong.ops.uptime.UptimeConfiguration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Attack list case 26: the only addresses the platform fetches on its own are the independent member
 * sites it probes, and those come from the operator's manifest alone (no tenant screen sets them; no
 * webhook or import exists yet). What a probed site answers must not steer the probe elsewhere: a
 * redirect to loopback or to the cloud metadata address is recorded, never followed.
 */
class OutboundRequestTest {

    private HttpServer linkedSite;
    private HttpServer internal;
    private final AtomicInteger internalHits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internal.createContext("/", exchange -> {
            internalHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        internal.start();
        linkedSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        linkedSite.createContext("/", exchange -> {
            String to = exchange.getRequestURI().getPath().startsWith("/metadata")
                    ? "http://169.254.169.254/latest/meta-data/"
                    : "http://127.0.0.1:" + internal.getAddress().getPort() + "/admin";
            exchange.getResponseHeaders().add("Location", to);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        linkedSite.start();
    }

    @AfterEach
    void stop() {
        linkedSite.stop(0);
        internal.stop(0);
    }

    @Test
    void aLinkedSiteThatRedirectsToAnInternalAddressIsNotFollowed() {
        Prober prober = new Prober(new UptimeConfiguration(false, Duration.ofSeconds(60), Duration.ofSeconds(3), 3, "http://127.0.0.1:1", true, Duration.ofSeconds(10), Duration.ofSeconds(30)));
        String site = "http://127.0.0.1:" + linkedSite.getAddress().getPort();
        for (String path : new String[]{"/", "/metadata"}) {
            CheckResult result = prober.probe(ProbeTarget.linkedSite(1, "bo", site + path)).block(Duration.ofSeconds(10));
            assertEquals(302, result.status(), path);
        }
        assertEquals(0, internalHits.get(), "the probe followed a redirect to an internal address");
    }
}
