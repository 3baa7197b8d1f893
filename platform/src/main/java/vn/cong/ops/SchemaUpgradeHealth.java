package vn.cong.ops;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.TenantSchemaUpgrade;

import java.util.Map;

/**
 * {@code /health} (readiness) says DOWN while this node is still migrating tenant schemas it started with behind the
 * release ({@link TenantSchemaUpgrade#startUp()}): a balancer or Kubernetes keeps sending readers to the nodes that
 * serve every portal, while this one already answers the portals that are current. {@code /health/liveness} does not
 * ask, so a long upgrade never gets the node restarted.
 */
@Singleton
@Readiness
final class SchemaUpgradeHealth implements HealthIndicator {

    private final TenantSchemaUpgrade upgrade;

    SchemaUpgradeHealth(TenantSchemaUpgrade upgrade) {
        this.upgrade = upgrade;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromSupplier(() -> {
            int upgrading = upgrade.upgrading();
            return HealthResult.builder("tenantSchemas", upgrading == 0 ? HealthStatus.UP : HealthStatus.DOWN)
                    .details(Map.of("upgrading", upgrading))
                    .build();
        });
    }
}
