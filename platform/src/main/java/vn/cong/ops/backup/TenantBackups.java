package vn.cong.ops.backup;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.media.MediaConfiguration;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.Tenant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Takes a tenant's backup: its schema with pg_dump (measured in the same snapshot), its media (streamed, each file
 * checksummed from the bytes written as it is copied), and last the manifest (which reads only the dump again), noting each phase on the run so the console can show what it is doing (and the bytes of each step
 * on {@link BackupProgress}). The run's record
 * is written through {@link BackupRuns}, one pooled connection per step; the blocking steps run on the
 * {@code backups} executor; the run is kept alive by {@link BackupHeartbeat} while it lasts.
 */
@Singleton
public class TenantBackups {

    private static final Logger LOG = LoggerFactory.getLogger(TenantBackups.class);
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final BackupConfiguration config;
    private final MediaConfiguration media;
    private final MeteredSteps steps;
    private final BackupRuns runs;
    private final PlatformDatabase db;
    private final BackupThreads threads;
    private final BackupHeartbeat heartbeat;
    private final BackupAlerts alerts;
    private final Clock clock;

    TenantBackups(BackupConfiguration config, MediaConfiguration media, MeteredSteps steps, BackupRuns runs,
                  PlatformDatabase db, BackupThreads threads, BackupHeartbeat heartbeat, BackupAlerts alerts, Clock clock) {
        this.config = config;
        this.media = media;
        this.steps = steps;
        this.runs = runs;
        this.db = db;
        this.threads = threads;
        this.heartbeat = heartbeat;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Takes a backup of the tenant now; the run is recorded whether it succeeds or fails. */
    public Mono<BackupRun> backup(Tenant tenant, String trigger) {
        return db.mono(tx -> runs.insert(tx.forTenant(tenant), trigger, null, null, clock.instant()))
                .flatMap(id -> take(tenant, id));
    }

    /**
     * Takes the backup of an already recorded run (status running): emits the run as it ends, succeeded
     * or failed (a failure is recorded on the run and alerted, not emitted as an error).
     */
    public Mono<BackupRun> take(Tenant tenant, long id) {
        Path folder = config.root().resolve(tenant.code())
                .resolve(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).format(FOLDER) + "-" + id);
        Mono<BackupRun> work = threads.run(() -> Files.createDirectories(folder))
                .then(phase(tenant, id, BackupPhase.DUMPING))
                .then(threads.call(() -> steps.dump(tenant, folder)))
                .flatMap(dumped -> phase(tenant, id, BackupPhase.MEDIA)
                        .then(threads.call(() -> steps.backUpMedia(tenant.code(), media.root().resolve(tenant.code()), folder)))
                        .flatMap(mediaSums -> phase(tenant, id, BackupPhase.MANIFEST)
                                .then(threads.call(() -> steps.writeManifest(folder, tenant, dumped, OffsetDateTime.now(clock), mediaSums)))))
                .flatMap(size -> finish(tenant, id, "succeeded", folder, size, null)
                        .doOnNext(run -> LOG.info("Tenant {}: backup {} written to {} ({} bytes)", tenant.code(), id, folder, size)))
                .onErrorResume(e -> {
                    LOG.error("ALERT tenant {}: backup {} failed", tenant.code(), id, e);
                    return finish(tenant, id, "failed", folder, 0, e.getMessage())
                            .doOnNext(run -> alerts.backupFailed(tenant.code(), id, String.valueOf(e.getMessage())));
                });
        return heartbeat.whileWorkingOn(id, work);
    }

    private Mono<Long> phase(Tenant tenant, long id, BackupPhase phase) {
        return db.mono(tx -> runs.phase(tx.forTenant(tenant), id, phase));
    }

    private Mono<BackupRun> finish(Tenant tenant, long id, String status, Path folder, long size, String error) {
        return db.mono(tx -> runs.finish(tx.forTenant(tenant), id, status, folder.toString(), size, error));
    }
}
