package vn.cong.ops.backup;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.ScheduledJob;

import java.util.List;

/**
 * Scheduled backups as a cluster job: one node per slot marks runs cut off by a stopped node failed and
 * looks for due schedules (each tenant's schedule is claimed again with {@code FOR UPDATE SKIP LOCKED});
 * pg_dump runs on the {@code backups} executor.
 */
@Factory
class BackupJob {

    @Singleton
    @Requires(property = "cong.backup.scheduler.enabled", notEquals = "false")
    ClusterJob backupJob(BackupScheduler scheduler, BackupSchedulerConfiguration config) {
        return ScheduledJob.oneNode("backups", config.interval(), config.initialDelay(), run -> scheduler.tick(run.now()).map(List::size));
    }
}
