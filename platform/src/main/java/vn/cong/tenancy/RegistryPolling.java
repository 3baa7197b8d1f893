package vn.cong.tenancy;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.JobRun;

import java.time.Duration;

/**
 * The fallback when a Redis nudge does not arrive: each node polls the shared registry version and
 * reloads when it moved; each poll also (re)subscribes to the nudges once Redis is reachable. A
 * node-local job ({@link Reach#EVERY_NODE}): no slot is claimed, since every node must refresh itself,
 * and it has no enable flag, since a node that stopped following the registry would serve stale hosts.
 */
@Singleton
class RegistryPolling implements ClusterJob {

    private final TenantRegistry registry;
    private final PublicChanges changes;
    private final Duration interval;

    RegistryPolling(TenantRegistry registry, PublicChanges changes, @Value("${cong.registry.poll-interval:5s}") Duration interval) {
        this.registry = registry;
        this.changes = changes;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "registry-poll";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public Reach reach() {
        return Reach.EVERY_NODE;
    }

    @Override
    public Mono<Integer> run(JobRun run) {
        return changes.listen().then(registry.refreshIfBehind()).map(reloaded -> reloaded ? 1 : 0);
    }
}
