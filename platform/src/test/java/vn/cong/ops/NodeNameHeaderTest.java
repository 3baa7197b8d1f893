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
    @Inject vn.cong.site.PageShortcut shortcut;

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
    void cachedPagesFromTheShortcutNameTheNodeToo() throws java.io.IOException {
        long before = shortcut.answered();
        for (int i = 0; i < 2; i++) {
            try (var socket = new java.net.Socket("127.0.0.1", server.getPort())) {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: alpha.most.localhost\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
                String headers = in.lines().takeWhile(l -> !l.isEmpty()).collect(java.util.stream.Collectors.joining("\n"));
                assertEquals(true, headers.toLowerCase(java.util.Locale.ROOT).contains("x-cong-node: node-b"), headers);
            }
        }
        assertEquals(before + 1, shortcut.answered(), "the second answer came from the shortcut");
    }

    @Test
    void jobClaimsCarryTheNodeName() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> SqlProbe.number(this::jdbc, "SELECT count(*) FROM platform.job_claims WHERE job = 'maintenance-banners'") > 0);
        assertEquals("node-b", SqlProbe.string(this::jdbc,
                "SELECT string_agg(DISTINCT node, ',') FROM platform.job_claims WHERE job = 'maintenance-banners'"));
    }
}
