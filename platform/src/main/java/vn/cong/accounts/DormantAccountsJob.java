package vn.cong.accounts;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.CronSlots;
import vn.cong.tenancy.jobs.ScheduledJob;

/** The dormant-accounts job as a cluster job: its slots are the cron's (Vietnam time), each run by one node over every serving tenant. */
@Factory
@Requires(property = "cong.accounts.dormant.enabled", notEquals = "false")
class DormantAccountsJob {

    static final String NAME = "dormant-accounts";

    @Singleton
    ClusterJob dormantAccountsJob(DormantAccounts dormant, DormantAccountsConfiguration config) {
        return ScheduledJob.oneNode(NAME, config.tick(), config.initialDelay(),
                        run -> run.forEachServingTenant(tenant -> dormant.disableDormant(tenant, run)))
                .slottedBy(CronSlots.of(config.cron()));
    }
}
