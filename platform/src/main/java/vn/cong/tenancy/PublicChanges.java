package vn.cong.tenancy;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.system.RedisConnector;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * The one way to announce a change the public sees. The work runs in one transaction with a
 * {@link PublicChange} in hand; what it marks there moves content versions in that transaction, and
 * once it has committed every node refreshes: this one at once, the others when Redis nudges them
 * (pub/sub), or at their next registry poll when Redis is down.
 */
@Singleton
public class PublicChanges {

    private static final Logger LOG = LoggerFactory.getLogger(PublicChanges.class);
    static final String CHANNEL = "registry-changed";

    private final PlatformDatabase platform;
    private final TenantDatabase tenants;
    private final TenantRegistry registry;
    private final RedisConnector redis;

    PublicChanges(PlatformDatabase platform, TenantDatabase tenants, TenantRegistry registry, RedisConnector redis) {
        this.platform = platform;
        this.tenants = tenants;
        this.registry = registry;
        this.redis = redis;
    }

    /** Runs {@code work} in one transaction in the tenant's schema; refreshes every node after commit when it marked a change. */
    public <T> Mono<T> inTenant(Tenant tenant, BiFunction<TenantTx, PublicChange, Publisher<T>> work) {
        return Mono.defer(() -> {
            AtomicBoolean announced = new AtomicBoolean();
            return afterCommit(tenants.mono(tenant, c -> work.apply(c, new PublicChange(c, announced))), announced);
        });
    }

    /** Runs {@code work} in one transaction on the platform schema; refreshes every node after commit when it marked a change. */
    public <T> Mono<T> inPlatform(BiFunction<PlatformTx, PublicChange, Publisher<T>> work) {
        return Mono.defer(() -> {
            AtomicBoolean announced = new AtomicBoolean();
            return afterCommit(platform.mono(c -> work.apply(c, new PublicChange(c, announced))), announced);
        });
    }

    /**
     * Refreshes every node for a change of the registry made outside a transaction of ours (tenant
     * schemas migrated or restored by a tool): moves the shared registry version, reloads this node,
     * nudges the others.
     */
    public Mono<Void> refreshEveryNode() {
        return platform.mono(c -> c.one("UPDATE platform.registry_version SET version = version + 1 RETURNING version",
                        r -> r.get(0, Long.class)))
                .flatMap(version -> registry.reload().then(nudge(version)));
    }

    private <T> Mono<T> afterCommit(Mono<T> committed, AtomicBoolean announced) {
        return committed.map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(result -> (announced.get() ? refreshEveryNode() : Mono.<Void>empty())
                        .then(Mono.justOrEmpty(result)));
    }

    /** Other nodes hear of the change at once; without Redis they see it at their next poll. */
    private Mono<Void> nudge(long version) {
        return redis.run(r -> r.publish(redis.key(CHANNEL), Long.toString(version)))
                .then()
                .onErrorResume(e -> {
                    LOG.debug("Registry change {} not broadcast ({}); other nodes see it at their next poll", version, e.toString());
                    return Mono.empty();
                });
    }

    @EventListener
    void onStartup(StartupEvent event) {
        listen().subscribe();
    }

    /**
     * Listens for other nodes' nudges; called at start-up and by every registry poll, so a node that
     * started while Redis was down subscribes once it is back.
     */
    Mono<Void> listen() {
        return redis.listen(CHANNEL, version -> registry.refreshIfBehind()
                        .subscribe(null, e -> LOG.warn("Tenant registry refresh after a nudge failed: {}", e.toString())))
                .onErrorResume(e -> {
                    LOG.debug("Not listening for registry nudges yet: {}", e.toString());
                    return Mono.empty();
                });
    }
}
