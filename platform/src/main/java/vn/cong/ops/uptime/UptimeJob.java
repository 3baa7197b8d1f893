package vn.cong.ops.uptime;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.JobRun;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The probe rounds as a cluster job: one round per {@code cong.uptime.interval}, on one node. */
@Singleton
@Requires(property = "cong.uptime.enabled", notEquals = "false")
class UptimeJob implements ClusterJob {

    private final UptimeMonitor monitor;
    private final UptimeConfiguration config;

    UptimeJob(UptimeMonitor monitor, UptimeConfiguration config) {
        this.monitor = monitor;
        this.config = config;
    }

    @Override
    public String name() {
        return "uptime";
    }

    @Override
    public Duration interval() {
        return config.tick();
    }

    @Override
    public Duration initialDelay() {
        return config.initialDelay();
    }

    @Override
    public OffsetDateTime slot(Instant now) {
        return monitor.slotOf(now);
    }

    @Override
    public Mono<Integer> run(JobRun run) {
        return monitor.runRound(run.now()).map(java.util.List::size).defaultIfEmpty(0);
    }
}
