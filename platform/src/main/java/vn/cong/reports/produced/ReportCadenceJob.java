package vn.cong.reports.produced;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.CronSlots;
import vn.cong.tenancy.jobs.ScheduledJob;

/**
 * Produces the reports that are due (profile cadence, quarterly account report) as a cluster job: one node per cron
 * slot, every serving tenant; the table's key keeps a report from being produced twice whatever happens.
 */
@Factory
@Requires(property = "cong.reports.cadence.enabled", notEquals = "false")
class ReportCadenceJob {

    static final String NAME = "report-cadence";

    @Singleton
    @Named(NAME)
    ClusterJob reportCadenceJob(ProducedReports reports, ReportCadenceConfiguration config) {
        return ScheduledJob.oneNode(NAME, config.tick(), config.initialDelay(),
                        run -> run.forEachServingTenant(tenant -> reports.produceDue(tenant, run.now(), config.catchUp(), config.accountsQuarterly())))
                .slottedBy(CronSlots.of(config.cron()));
    }
}
