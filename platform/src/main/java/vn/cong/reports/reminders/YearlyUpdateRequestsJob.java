package vn.cong.reports.reminders;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.CronSlots;
import vn.cong.tenancy.jobs.ScheduledJob;

/** The yearly request to units to update their information (seed 001 Đ9.1) as a cluster job: one node per cron slot, every serving tenant. */
@Factory
@Requires(property = "cong.reports.yearly-update-requests.enabled", notEquals = "false")
class YearlyUpdateRequestsJob {

    static final String NAME = "yearly-update-requests";

    @Singleton
    ClusterJob yearlyUpdateRequestsJob(YearlyUpdateRequests requests, YearlyUpdateRequestsConfiguration config) {
        return ScheduledJob.oneNode(NAME, config.tick(), config.initialDelay(),
                        run -> run.forEachServingTenant(tenant -> requests.ask(tenant, run.now())))
                .slottedBy(CronSlots.of(config.cron()));
    }
}
