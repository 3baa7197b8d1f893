package vn.cong.ops;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without {@code cong.node.name} no response says which node answered (the default leaks nothing of the deployment). */
@MicronautTest(transactional = false)
class NodeNameHeaderOffTest extends PlatformTestSupport {

    @Inject EmbeddedServer server;

    @Test
    void anUnnamedNodeSendsNoNodeHeader() {
        var health = new Browser(server.getPort(), "khongco.example.org").get("/health");
        assertTrue(health.headers().firstValue("X-Request-Id").isPresent(), "the response went through the filters");
        assertTrue(health.headers().firstValue(NodeNameHeader.HEADER).isEmpty(), health.headers().toString());
    }
}
