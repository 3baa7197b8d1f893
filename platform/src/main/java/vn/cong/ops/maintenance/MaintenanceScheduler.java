package vn.cong.ops.maintenance;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Watches the windows' boundaries (lead time reached, start, end) so that cached portal pages
 * change when the banner does: every node ticks, the first to see a boundary moves it.
 */
@Singleton
class MaintenanceScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceScheduler.class);

    private final MaintenanceWindows windows;
    private final boolean enabled;

    MaintenanceScheduler(MaintenanceWindows windows, @Value("${cong.maintenance.scheduler.enabled:true}") boolean enabled) {
        this.windows = windows;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "${cong.maintenance.scheduler.interval:30s}", initialDelay = "${cong.maintenance.scheduler.initial-delay:30s}")
    void tick() {
        if (enabled) {
            windows.advanceBanners(Instant.now()).subscribe(
                    changed -> {
                        if (!changed.isEmpty()) {
                            LOG.info("Maintenance banners changed on {}", changed);
                        }
                    },
                    e -> LOG.error("Maintenance boundary check failed", e));
        }
    }
}
