package vn.cong.tenancy;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback when a Redis nudge does not arrive: each node polls the shared registry version and
 * reloads when it moved; each poll also (re)subscribes to the nudges once Redis is reachable.
 */
@Singleton
class RegistryPolling {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryPolling.class);

    private final TenantRegistry registry;
    private final PublicChanges changes;

    RegistryPolling(TenantRegistry registry, PublicChanges changes) {
        this.registry = registry;
        this.changes = changes;
    }

    @Scheduled(fixedDelay = "${cong.registry.poll-interval:5s}", initialDelay = "${cong.registry.poll-interval:5s}")
    void poll() {
        changes.listen().then(registry.refreshIfBehind())
                .subscribe(null, e -> LOG.warn("Tenant registry poll failed: {}", e.toString()));
    }
}
