package vn.cong.ops.maintenance;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.ScheduledJob;

import java.util.List;

/**
 * Watches the windows' boundaries (lead time reached, start, end) so that cached portal pages
 * change when the banner does; one node per slot moves them (the windows' row locks would make a
 * second one find nothing to do anyway).
 */
@Factory
class MaintenanceScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceScheduler.class);

    @Singleton
    @Requires(property = "cong.maintenance.scheduler.enabled", notEquals = "false")
    ClusterJob maintenanceBanners(MaintenanceWindows windows, MaintenanceSchedulerConfiguration config) {
        return ScheduledJob.oneNode("maintenance-banners", config.interval(), config.initialDelay(),
                run -> windows.advanceBanners(run.now())
                        .doOnNext(changed -> {
                            if (!changed.isEmpty()) {
                                LOG.info("Maintenance banners changed on {}", changed);
                            }
                        })
                        .map(List::size));
    }
}
