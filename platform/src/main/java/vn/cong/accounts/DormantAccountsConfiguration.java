package vn.cong.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The daily dormant-accounts job.
 *
 * @param enabled      whether this node ticks it (the job is a bean only when not {@code false})
 * @param cron         when it runs, in Vietnam time
 * @param tick         how often each node looks whether a slot of the cron is due
 * @param initialDelay the first look after start-up
 */
@ConfigurationProperties("cong.accounts.dormant")
public record DormantAccountsConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "0 45 2 * * *") String cron,
        @Bindable(defaultValue = "60s") Duration tick,
        @Bindable(defaultValue = "60s") Duration initialDelay) {
}
