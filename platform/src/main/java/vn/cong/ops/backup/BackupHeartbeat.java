package vn.cong.ops.backup;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.ScheduledJob;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the runs this node works on alive, and gives up those nobody does. While a backup, verification
 * or restore is queued or under way here, its id is in this node's live set, and every
 * {@code cong.backup.heartbeat.interval} one statement stamps {@code heartbeat_at} on all of them (a
 * long pg_dump does not hold the beat back: it comes from the job scheduler, not from the worker). A
 * run whose heartbeat is older than {@code cong.backup.heartbeat.limit} lost its node; the backup job
 * marks it failed with the reason ({@link #failAbandoned}), raises the alert, and the console stops
 * showing it as under way.
 */
@Singleton
public class BackupHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(BackupHeartbeat.class);
    static final String REASON = "máy chủ chạy việc này đã dừng giữa chừng (không còn tín hiệu hoạt động)";

    private final BackupRuns runs;
    private final PlatformDatabase db;
    private final BackupHeartbeatConfiguration config;
    private final BackupAlerts alerts;
    private final Set<Long> backups = ConcurrentHashMap.newKeySet();
    private final Set<Long> restores = ConcurrentHashMap.newKeySet();

    BackupHeartbeat(BackupRuns runs, PlatformDatabase db, BackupHeartbeatConfiguration config, BackupAlerts alerts) {
        this.runs = runs;
        this.db = db;
        this.config = config;
        this.alerts = alerts;
    }

    /** {@code work} on backup run {@code id} (taking or verifying it), kept alive from subscription to its end. */
    <T> Mono<T> whileWorkingOn(long id, Mono<T> work) {
        return Mono.defer(() -> {
            backups.add(id);
            return work.doFinally(s -> backups.remove(id));
        });
    }

    /** {@code work} on restore {@code id}, kept alive from subscription to its end. */
    <T> Mono<T> whileRestoring(long id, Mono<T> work) {
        return Mono.defer(() -> {
            restores.add(id);
            return work.doFinally(s -> restores.remove(id));
        });
    }

    /** Stamps every run this node works on as alive at {@code at}; emits how many runs it stamped. */
    public Mono<Integer> beat(Instant at) {
        Long[] backupIds = backups.toArray(Long[]::new);
        Long[] restoreIds = restores.toArray(Long[]::new);
        if (backupIds.length == 0 && restoreIds.length == 0) {
            return Mono.just(0);
        }
        return db.mono(tx -> runs.beat(tx, backupIds, restoreIds, at)).thenReturn(backupIds.length + restoreIds.length);
    }

    /** Marks failed every run whose heartbeat is older than the limit at {@code now}, with the reason, and alerts. */
    public Mono<List<BackupRuns.Abandoned>> failAbandoned(Instant now) {
        return db.flux(tx -> runs.failAbandoned(tx, now.minus(config.limit()), REASON))
                .doOnNext(this::report)
                .collectList();
    }

    private void report(BackupRuns.Abandoned run) {
        LOG.error("ALERT tenant {}: {} of run {} cut off ({} without a heartbeat), marked failed", run.tenantCode(),
                run.work(), run.id(), config.limit());
        switch (run.work()) {
            case BACKUP -> alerts.backupFailed(run.tenantCode(), run.id(), REASON);
            case RESTORE -> alerts.restoreFailed(run.tenantCode(), run.id(), REASON);
            case VERIFICATION -> { } // the backup itself is whole and stays usable, unverified: the log says it, no alert
        }
    }

    /** The beat as a job every node runs for the runs it holds. */
    @Factory
    static class Job {

        @Singleton
        @Requires(property = "cong.backup.heartbeat.enabled", notEquals = "false")
        ClusterJob backupHeartbeatJob(BackupHeartbeat heartbeat, BackupHeartbeatConfiguration config) {
            return ScheduledJob.everyNode("backup-heartbeat", config.interval(), run -> heartbeat.beat(run.now()));
        }
    }
}
