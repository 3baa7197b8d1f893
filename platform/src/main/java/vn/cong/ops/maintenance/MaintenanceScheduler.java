package vn.cong.ops.maintenance;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.JobRun;

import java.time.Duration;

/**
 * Watches the windows' boundaries (lead time reached, start, end) so that cached portal pages
 * change when the banner does; one node per slot moves them (the windows' row locks would make a
 * second one find nothing to do anyway).
 */
@Singleton
@Requires(property = "cong.maintenance.scheduler.enabled", notEquals = "false")
class MaintenanceScheduler implements ClusterJob {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceScheduler.class);

    private final MaintenanceWindows windows;
    private final MaintenanceSchedulerConfiguration config;

    MaintenanceScheduler(MaintenanceWindows windows, MaintenanceSchedulerConfiguration config) {
        this.windows = windows;
        this.config = config;
    }

    @Override
    public String name() {
        return "maintenance-banners";
    }

    @Override
    public Duration interval() {
        return config.interval();
    }

    @Override
    public Duration initialDelay() {
        return config.initialDelay();
    }

    @Override
    public Mono<Integer> run(JobRun run) {
        return windows.advanceBanners(run.now())
                .doOnNext(changed -> {
                    if (!changed.isEmpty()) {
                        LOG.info("Maintenance banners changed on {}", changed);
                    }
                })
                .map(java.util.List::size);
    }
}
