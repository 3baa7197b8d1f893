package vn.cong.ops.backup;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * Where the blocking steps of backups run: pg_dump, pg_restore, Flyway, file copies and the JDBC they
 * need, on the bounded {@code backups} executor ({@code BACKUP_THREADS}, one by default: one dump or
 * restore at a time). Everything around them (the run's record, phases, heartbeats) is reactive.
 * A step never waits for another step, so a single thread cannot deadlock.
 */
@Singleton
class BackupThreads {

    /** A blocking step with no result. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private final Scheduler scheduler;

    BackupThreads(@Named("backups") ExecutorService executor) {
        this.scheduler = Schedulers.fromExecutorService(executor, "backups");
    }

    <T> Mono<T> call(Callable<T> step) {
        return Mono.fromCallable(step).subscribeOn(scheduler);
    }

    Mono<Void> run(Step step) {
        return Mono.<Void>fromCallable(() -> {
            step.run();
            return null;
        }).subscribeOn(scheduler);
    }
}
