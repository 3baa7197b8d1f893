package vn.cong.ops.backup;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.ScheduledJob;

import java.util.concurrent.ExecutorService;

/**
 * Scheduled backups as a cluster job: one node per slot looks for due schedules (each tenant's
 * schedule is claimed again with {@code FOR UPDATE SKIP LOCKED}); pg_dump runs on the blocking executor.
 */
@Factory
class BackupJob {

    @Singleton
    @Requires(property = "cong.backup.scheduler.enabled", notEquals = "false")
    ClusterJob backupJob(BackupScheduler scheduler, BackupSchedulerConfiguration config,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        return ScheduledJob.oneNode("backups", config.interval(), config.initialDelay(),
                run -> Mono.fromCallable(() -> scheduler.tick(run.now()).size()).subscribeOn(Schedulers.fromExecutorService(blocking)));
    }
}
