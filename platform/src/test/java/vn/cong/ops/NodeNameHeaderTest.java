package vn.cong.ops;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A named node says who answered on every kind of response, and its job claims carry the same name. */
@MicronautTest(transactional = false)
class NodeNameHeaderTest extends PlatformTestSupport {

    @Inject EmbeddedServer server;
    @Inject Onboarding onboarding;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.node.name", "node-b", "cong.maintenance.scheduler.enabled", "true",
                "cong.maintenance.scheduler.initial-delay", "1s", "cong.maintenance.scheduler.interval", "1s");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    @Test
    void everyResponseNamesTheNodeThatAnswered() {
        Browser alpha = new Browser(server.getPort(), "alpha.most.localhost");
        for (String path : new String[] {"/", "/quan-tri/dang-nhap", "/khong-co-trang-nay", "/health"}) {
            assertEquals("node-b", alpha.get(path).headers().firstValue(NodeNameHeader.HEADER).orElse(null), path);
        }
        assertEquals("node-b", new Browser(server.getPort(), "khongco.example.org").get("/")
                .headers().firstValue(NodeNameHeader.HEADER).orElse(null), "an unknown host's 404 too");
    }

    @Test
    void jobClaimsCarryTheNodeName() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> SqlProbe.number(this::jdbc, "SELECT count(*) FROM platform.job_claims WHERE job = 'maintenance-banners'") > 0);
        assertEquals("node-b", SqlProbe.string(this::jdbc,
                "SELECT string_agg(DISTINCT node, ',') FROM platform.job_claims WHERE job = 'maintenance-banners'"));
    }
}
