package vn.cong.ops.maintenance;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The job that moves maintenance banners at a window's boundaries.
 *
 * @param enabled      whether this node ticks it (tests drive it by hand)
 * @param interval     how often a boundary is looked for
 * @param initialDelay the first look after start-up
 */
@ConfigurationProperties("cong.maintenance.scheduler")
public record MaintenanceSchedulerConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "30s") Duration interval,
        @Bindable(defaultValue = "30s") Duration initialDelay) {
}
