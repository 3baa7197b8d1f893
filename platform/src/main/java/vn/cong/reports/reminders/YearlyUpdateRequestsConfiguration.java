package vn.cong.reports.reminders;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The yearly request to units to update their information on the portal (seed 001 Đ9.1).
 *
 * @param enabled      whether this node ticks it (the job is a bean only when not {@code false})
 * @param cron         when it runs, in Vietnam time (by default 08:00 on 5 January)
 * @param tick         how often each node looks whether a slot of the cron is due
 * @param initialDelay the first look after start-up
 */
@ConfigurationProperties("cong.reports.yearly-update-requests")
public record YearlyUpdateRequestsConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "0 0 8 5 1 *") String cron,
        @Bindable(defaultValue = "60s") Duration tick,
        @Bindable(defaultValue = "60s") Duration initialDelay) {
}
