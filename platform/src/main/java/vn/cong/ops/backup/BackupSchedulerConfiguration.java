package vn.cong.ops.backup;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The job that runs the tenants' scheduled backups.
 *
 * @param enabled      whether this node ticks it (tests drive it by hand)
 * @param interval     how often due schedules are looked for
 * @param initialDelay the first look after start-up
 */
@ConfigurationProperties("cong.backup.scheduler")
public record BackupSchedulerConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "60s") Duration interval,
        @Bindable(defaultValue = "60s") Duration initialDelay) {
}
