package vn.cong.tenancy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nodes on one database and one Redis, polling only once an hour: a change announced on one
 * node reaches the other through the Redis nudge, long before any poll would.
 */
@MicronautTest(transactional = false)
class PublicChangesAcrossNodesTest extends PlatformTestSupport {

    private static final Duration NUDGE_DEADLINE = Duration.ofSeconds(10);

    @Inject Onboarding onboarding;
    @Inject TenantRegistry registry;
    @Inject PublicChanges changes;
    @Inject TenantLifecycle lifecycle;

    private ApplicationContext otherNode;
    private TenantRegistry otherRegistry;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.registry.poll-interval", "1h");
    }

    @BeforeAll
    void startOtherNode() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        otherNode = ApplicationContext.builder().environments("test").properties(new HashMap<>(getProperties())).start();
        otherRegistry = otherNode.getBean(TenantRegistry.class);
        otherRegistry.reload().block();
        // the other node listens from start-up; wait until it is subscribed before announcing
        otherNode.getBean(PublicChanges.class).listen().block();
    }

    @AfterAll
    void stopOtherNode() {
        if (otherNode != null) {
            otherNode.close();
        }
    }

    @Test
    void aContentChangeOnOneNodeRefreshesTheOtherWithoutWaitingForThePoll() {
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        long before = otherRegistry.findByCode("alpha").orElseThrow().contentVersion();

        changes.inTenant(alpha, (c, change) -> change.pagesOf(alpha)).block();

        assertEquals(before + 1, registry.findByCode("alpha").orElseThrow().contentVersion(), "this node at once");
        await().atMost(NUDGE_DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> otherRegistry.findByCode("alpha").orElseThrow().contentVersion() == before + 1);
    }

    @Test
    void aSuspensionOnOneNodeReachesTheOtherWithoutWaitingForThePoll() {
        lifecycle.change("alpha", Tenant.TenantStatus.SUSPENDED, "Tạm dừng để bảo trì.", "test").block();
        try {
            await().atMost(NUDGE_DEADLINE).pollInterval(Duration.ofMillis(50))
                    .until(() -> otherRegistry.findByCode("alpha").orElseThrow().status() == Tenant.TenantStatus.SUSPENDED);
        } finally {
            lifecycle.change("alpha", Tenant.TenantStatus.ACTIVE, null, "test").block();
        }
        await().atMost(NUDGE_DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> otherRegistry.findByCode("alpha").orElseThrow().status() == Tenant.TenantStatus.ACTIVE);
    }

    @Test
    void aTransactionThatFailsAnnouncesNothing() {
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        long before = registry.findByCode("alpha").orElseThrow().contentVersion();

        changes.inTenant(alpha, (c, change) -> change.pagesOf(alpha).then(Mono.error(new IllegalStateException("refused"))))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                .block();

        registry.reload().block();
        assertEquals(before, registry.findByCode("alpha").orElseThrow().contentVersion(), "rolled back with the change");
    }
}
