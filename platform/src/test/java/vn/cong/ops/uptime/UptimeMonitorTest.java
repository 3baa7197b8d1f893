package vn.cong.ops.uptime;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class UptimeMonitorTest extends PlatformTestSupport {

    private final int platformPort = freePort();
    private final int sitePort = freePort();
    private HttpServer site;

    @Inject
    Onboarding onboarding;
    @Inject
    UptimeMonitor monitor;
    @Inject
    Availability availability;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.port", String.valueOf(platformPort),
                "cong.uptime.enabled", "false",
                "cong.uptime.self-url", "http://127.0.0.1:" + platformPort,
                "cong.uptime.interval", "60s",
                "cong.uptime.failures-to-open", "3",
                "cong.uptime.probe-linked-sites", "true"); // the linked site is rewritten to a loopback server below
    }

    @BeforeAll
    void setUp() throws SQLException {
        TestTenants.onboard(onboarding, "ministry");
        startSite();
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE platform.linked_sites SET url = 'http://127.0.0.1:" + sitePort + "/' WHERE tenant_code = 'bo'");
        }
    }

    @AfterAll
    void stopSite() {
        if (site != null) {
            site.stop(0);
        }
    }

    private void startSite() {
        try {
            site = HttpServer.create(new InetSocketAddress("127.0.0.1", sitePort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        site.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        site.start();
    }

    private CheckResult siteCheck(List<CheckResult> results) {
        return results.stream().filter(r -> r.target().key().startsWith("site:")).findFirst().orElseThrow();
    }

    private String openIncidentFor(String targetPrefix) throws SQLException {
        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT target FROM platform.uptime_incidents WHERE closed_at IS NULL AND target LIKE '" + targetPrefix + "%'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void incidentOpensAfterConsecutiveFailuresAndClosesOnRecovery() throws SQLException {
        Instant t0 = Instant.parse("2026-11-22T03:00:00Z");
        List<CheckResult> first = monitor.runRound(t0).block();
        assertTrue(siteCheck(first).ok(), String.valueOf(siteCheck(first).error()));
        CheckResult portal = first.stream().filter(r -> r.target().key().equals("tenant:bo")).findFirst().orElseThrow();
        assertTrue(portal.ok(), "the ministry portal answers through the real HTTP path: " + portal.error());

        // another node wakes up for the same slot: nothing is probed twice
        assertNull(monitor.runRound(t0.plusSeconds(5)).block());

        site.stop(0);
        for (int round = 1; round <= 2; round++) {
            assertTrue(!siteCheck(monitor.runRound(t0.plusSeconds(60L * round)).block()).ok());
            assertNull(openIncidentFor("site:"), "no incident before the third consecutive failure");
        }
        monitor.runRound(t0.plusSeconds(180)).block();
        assertTrue(openIncidentFor("site:") != null, "incident after three failures");

        startSite();
        assertTrue(siteCheck(monitor.runRound(t0.plusSeconds(240)).block()).ok());
        assertNull(openIncidentFor("site:"), "closed on recovery");
        assertNull(openIncidentFor("tenant:"), "the portal never went down");

        List<Availability.Day> days = availability.daily("site:1", LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 22)).block();
        Availability.Day day = days.get(0);
        assertEquals(2, day.up());
        assertEquals(3, day.down());
        assertEquals(0.4, day.availability(), 1e-9);
        assertEquals(24 * 60 - 5, day.unknown(), "minutes the monitor did not run are unknown, not up");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
