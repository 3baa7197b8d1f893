package vn.cong.ops.uptime;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.CronSlots;
import vn.cong.tenancy.jobs.ScheduledJob;

/** The daily uptime roll-up as a cluster job: its slots are the cron's (Vietnam time), each run by one node. */
@Factory
@Requires(property = "cong.uptime.rollup.enabled", notEquals = "false")
class UptimeRollupJob {

    static final String NAME = "uptime-rollup";

    @Singleton
    ClusterJob uptimeRollupJob(UptimeRollup rollup, UptimeRollupConfiguration config) {
        return ScheduledJob.oneNode(NAME, config.tick(), config.initialDelay(),
                        run -> rollup.rollUp(run.now()).map(o -> (int) o.days()))
                .slottedBy(CronSlots.of(config.cron()));
    }
}
