package vn.cong.ops.uptime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param enabled      roll up on a schedule
 * @param cron         when (Vietnam time) the days before today are rolled up, one node per firing
 * @param keepRawDays  raw checks of the last this many days (today included) are kept; older ones are deleted once rolled up
 * @param tick         how often each node looks whether a firing is due
 * @param initialDelay the first look after start-up
 */
@ConfigurationProperties("cong.uptime.rollup")
public record UptimeRollupConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "0 20 0 * * *") String cron,
        @Bindable(defaultValue = "7") int keepRawDays,
        @Bindable(defaultValue = "60s") Duration tick,
        @Bindable(defaultValue = "60s") Duration initialDelay) {
}
