package vn.cong.ops.uptime;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class StatusPageTest extends PlatformTestSupport {

    private final int port = freePort();

    @Inject
    Onboarding onboarding;
    @Inject
    UptimeMonitor monitor;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.port", String.valueOf(port), "cong.uptime.enabled", "false",
                "cong.uptime.self-url", "http://127.0.0.1:" + port);
    }

    @BeforeAll
    void setUp() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        monitor.runRound(Instant.now()).block();
    }

    @Test
    void statusHostShowsEveryPortalWithItsState() {
        Browser status = new Browser(port, "status.most.localhost");
        var root = status.get("/");
        assertEquals(303, root.statusCode());
        assertEquals("/trang-thai", root.headers().firstValue("Location").orElse(""));

        var page = status.get("/trang-thai");
        assertEquals(200, page.statusCode());
        Document doc = Jsoup.parse(page.body());
        assertEquals("Trạng thái hoạt động các cổng thông tin", doc.selectFirst("h1").text());
        String table = doc.select("table.status-table").text();
        assertTrue(table.contains("Bộ Thử nghiệm") && table.contains("Cục Alpha"), table);
        assertTrue(table.contains("Hoạt động bình thường"), table);
        assertTrue(doc.select(".bar-unknown").size() > 0, "days without monitoring are shown as unknown");
    }

    @Test
    void statusPageIsNotServedOnTenantHosts() {
        assertEquals(404, new Browser(port, "alpha.most.localhost").get("/trang-thai").statusCode());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
