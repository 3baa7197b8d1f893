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
 * @param window       scheduled backups due at the same cron time are spread over this long after it, each tenant at
 *                     its own place ({@link BackupWindow}); zero: all at the cron time
 * @param concurrency  tenants one node backs up (and verifies) at the same time
 */
@ConfigurationProperties("cong.backup.scheduler")
public record BackupSchedulerConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "60s") Duration interval,
        @Bindable(defaultValue = "60s") Duration initialDelay,
        @Bindable(defaultValue = "1h") Duration window,
        @Bindable(defaultValue = "1") int concurrency) {
}
