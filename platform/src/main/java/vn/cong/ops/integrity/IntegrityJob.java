package vn.cong.ops.integrity;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.ScheduledJob;

/** The daily integrity check as a cluster job: its slots are the cron's, each run by one node. */
@Factory
class IntegrityJob {

    @Singleton
    @Requires(property = "cong.integrity.enabled", notEquals = "false")
    ClusterJob integrityJob(IntegrityScheduler scheduler, IntegrityConfiguration config) {
        return ScheduledJob.oneNode("integrity", config.tick(), config.initialDelay(),
                        run -> scheduler.runDue(run.now()).thenReturn(1).defaultIfEmpty(0))
                .slottedBy(scheduler::latestSlot);
    }
}
