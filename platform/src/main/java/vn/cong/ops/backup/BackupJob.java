package vn.cong.ops.backup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.JobRun;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Scheduled backups as a cluster job: one node per slot looks for due schedules (each tenant's
 * schedule is claimed again with {@code FOR UPDATE SKIP LOCKED}); pg_dump runs on the blocking executor.
 */
@Singleton
@Requires(property = "cong.backup.scheduler.enabled", notEquals = "false")
class BackupJob implements ClusterJob {

    private final BackupScheduler scheduler;
    private final BackupSchedulerConfiguration config;
    private final Scheduler blocking;

    BackupJob(BackupScheduler scheduler, BackupSchedulerConfiguration config, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.scheduler = scheduler;
        this.config = config;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public String name() {
        return "backups";
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
        return Mono.fromCallable(() -> scheduler.tick(run.now()).size()).subscribeOn(blocking);
    }
}
