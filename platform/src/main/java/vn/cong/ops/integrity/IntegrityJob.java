package vn.cong.ops.integrity;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.JobRun;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The daily integrity check as a cluster job: its slots are the cron's, each run by one node. */
@Singleton
@Requires(property = "cong.integrity.enabled", notEquals = "false")
class IntegrityJob implements ClusterJob {

    private final IntegrityScheduler scheduler;
    private final IntegrityConfiguration config;

    IntegrityJob(IntegrityScheduler scheduler, IntegrityConfiguration config) {
        this.scheduler = scheduler;
        this.config = config;
    }

    @Override
    public String name() {
        return "integrity";
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
        return scheduler.latestSlot(now);
    }

    @Override
    public Mono<Integer> run(JobRun run) {
        return scheduler.runDue(run.now()).thenReturn(1).defaultIfEmpty(0);
    }
}
