package vn.cong.subscriptions;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.inject.Singleton;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.CronSlots;
import vn.cong.tenancy.jobs.ScheduledJob;

import java.time.Duration;

/**
 * The daily digests (and the purge of unconfirmed subscriptions), once across nodes per firing of the cron, tenant by tenant;
 * a node that starts after a missed firing still runs it, and a digest already written that day is not written again.
 */
@Factory
class SubscriptionJobs {

    static final String DIGESTS = "subscription-digests";

    /**
     * @param enabled      whether this node ticks it (the job is a bean only when not {@code false})
     * @param cron         when the digests go, in Vietnam time (07:00 by default)
     * @param tick         how often each node looks whether a slot of the cron is due
     * @param initialDelay the first look after start-up
     */
    @ConfigurationProperties("cong.subscriptions.digest")
    record Configuration(@Bindable(defaultValue = "true") boolean enabled, @Bindable(defaultValue = "0 0 7 * * *") String cron,
                         @Bindable(defaultValue = "60s") Duration tick, @Bindable(defaultValue = "60s") Duration initialDelay) {
    }

    @Singleton
    @Requires(property = "cong.subscriptions.digest.enabled", notEquals = "false")
    ClusterJob subscriptionDigestsJob(SubscriptionMail mail, Configuration config) {
        return ScheduledJob.oneNode(DIGESTS, config.tick(), config.initialDelay(), run -> run.forEachServingTenant(mail::digests))
                .slottedBy(CronSlots.of(config.cron()));
    }
}
