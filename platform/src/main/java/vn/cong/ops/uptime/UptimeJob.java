package vn.cong.ops.uptime;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.ScheduledJob;

import java.util.List;

/** The probe rounds as a cluster job: one round per {@code cong.uptime.interval}, on one node. */
@Factory
class UptimeJob {

    @Singleton
    @Requires(property = "cong.uptime.enabled", notEquals = "false")
    ClusterJob uptimeJob(UptimeMonitor monitor, UptimeConfiguration config) {
        return ScheduledJob.oneNode("uptime", config.tick(), config.initialDelay(),
                        run -> monitor.runRound(run.now()).map(List::size).defaultIfEmpty(0))
                .slottedBy(monitor::slotOf);
    }
}
