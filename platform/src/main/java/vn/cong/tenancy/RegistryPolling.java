package vn.cong.tenancy;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.ScheduledJob;

import java.time.Duration;

/**
 * The fallback when a Redis nudge does not arrive: each node polls the shared registry version and
 * reloads when it moved; each poll also (re)subscribes to the nudges once Redis is reachable. A
 * node-local job (every node runs it, no slot is claimed: each must refresh itself), and one without
 * an enable flag: a node that stopped following the registry would serve stale hosts.
 */
@Factory
class RegistryPolling {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryPolling.class);

    @Singleton
    ClusterJob registryPoll(TenantRegistry registry, PublicChanges changes, @Value("${cong.registry.poll-interval:5s}") Duration interval) {
        return ScheduledJob.everyNode("registry-poll", interval,
                run -> changes.listen().then(registry.refreshIfBehind()).map(reloaded -> reloaded ? 1 : 0)
                        .onErrorResume(e -> {
                            // the database is away (or not migrated yet): the next poll tries again
                            LOG.warn("Tenant registry poll failed: {}", e.toString());
                            return Mono.just(0);
                        }));
    }
}
