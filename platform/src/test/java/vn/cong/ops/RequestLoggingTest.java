package vn.cong.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class RequestLoggingTest extends PlatformTestSupport {

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;

    /** Captures MDC at the moment of logging: the events are read later, on the test thread. */
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.test.probe", "true");
    }

    @BeforeAll
    void setUp() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        captured.start();
        ((Logger) LoggerFactory.getLogger(ProbeController.class)).addAppender(captured);
    }

    @AfterAll
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(ProbeController.class)).detachAppender(captured);
    }

    @BeforeEach
    void clear() {
        captured.list.clear();
    }

    private List<ILoggingEvent> probeLines() {
        return List.copyOf(captured.list);
    }

    @Test
    void logLinesOfATenantRequestCarryTenantAndRequestIdAcrossThreads() {
        var response = new Browser(server.getPort(), "alpha.most.localhost").get("/probe/log", Map.of("X-Request-Id", "lb-7f3a-0001"));
        assertEquals(200, response.statusCode());
        assertEquals("lb-7f3a-0001", response.headers().firstValue("X-Request-Id").orElse(""));
        List<ILoggingEvent> lines = probeLines();
        assertEquals(2, lines.size(), lines.toString());
        for (ILoggingEvent line : lines) {
            assertEquals("alpha", line.getMDCPropertyMap().get("tenant"), line + " on " + line.getThreadName());
            assertEquals("lb-7f3a-0001", line.getMDCPropertyMap().get("requestId"), line.toString());
        }
        assertNotEquals(lines.get(0).getThreadName(), "", "sanity");
    }

    @Test
    void eachRequestGetsItsOwnGeneratedIdWhenNoneOrAnInsaneOneIsSent() {
        var browser = new Browser(server.getPort(), "www.most.localhost");
        String first = browser.get("/probe/log").headers().firstValue("X-Request-Id").orElse("");
        String second = browser.get("/probe/log", Map.of("X-Request-Id", "two words <script>")).headers().firstValue("X-Request-Id").orElse("");
        assertTrue(first.matches("[0-9a-f]{16}"), first);
        assertTrue(second.matches("[0-9a-f]{16}"), second);
        assertNotEquals(first, second);
        List<ILoggingEvent> lines = probeLines();
        assertEquals(4, lines.size());
        assertEquals("bo", lines.get(0).getMDCPropertyMap().get("tenant"));
        assertEquals(first, lines.get(0).getMDCPropertyMap().get("requestId"));
        assertEquals(second, lines.get(3).getMDCPropertyMap().get("requestId"));
    }

    @Test
    void requestIdIsReturnedEvenWhenTheHostIsUnknown() {
        var response = new Browser(server.getPort(), "khongco.most.localhost").get("/");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    void logLinesOutsideRequestsCarryNoTenant() {
        ProbeController.LOG.info("not in a request");
        ILoggingEvent line = probeLines().get(0);
        assertEquals(null, line.getMDCPropertyMap().get("tenant"));
        assertEquals(null, line.getMDCPropertyMap().get("requestId"));
    }
}
