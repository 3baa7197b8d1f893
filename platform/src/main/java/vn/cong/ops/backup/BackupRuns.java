package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.PlatformTx;
import vn.cong.tenancy.TenantRows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The one store of {@code platform.backup_runs} and {@code platform.restore_runs}: nothing else names these
 * tables (an architecture test says so). A run of one tenant is reached through that tenant's
 * {@link TenantRows}, which binds its code; only the heartbeat and the overview span every tenant.
 * Hand-written SQL: the conditional updates ({@code … WHERE phase IS NULL RETURNING}) and the lateral
 * overview are not what Data's derived queries express.
 */
@Singleton
public class BackupRuns {

    private static final String RUN = """
            id, tenant_code, trigger, status, phase, path, coalesce(size_bytes, 0) AS size_bytes, error, verification_status,
            verification_detail, requested_by, started_at, finished_at, verified_at, deleted_at IS NOT NULL AS deleted""";
    private static final String RESTORE = """
            id, backup_run_id, tenant_code, mode, target_code, abbreviation, status, safety_run_id, error, requested_by,
            started_at, finished_at, name_vi, name_en, safety_skipped""";

    /** A run the heartbeat found cut off and marked failed: a backup being taken, a verification, or a restore. */
    public record Abandoned(String tenantCode, long id, Work work) {

        public enum Work { BACKUP, VERIFICATION, RESTORE }
    }

    // ---- backups

    /** Records a new run (status running), alive as of {@code at}; gives its id. */
    Mono<Long> insert(TenantRows rows, String trigger, @Nullable BackupPhase phase, @Nullable String requestedBy, Instant at) {
        return rows.one("""
                        INSERT INTO platform.backup_runs (tenant_code, trigger, phase, requested_by, heartbeat_at)
                        VALUES ($1, $2, $3, $4, $5) RETURNING id""", r -> r.get(0, Long.class),
                trigger, Sql.orNull(phase == null ? null : phase.db(), String.class), Sql.orNull(requestedBy, String.class), utc(at));
    }

    Mono<BackupRun> find(TenantRows rows, long id) {
        return rows.one("SELECT " + RUN + " FROM platform.backup_runs WHERE tenant_code = $1 AND id = $2", BackupRun::of, id);
    }

    /** The tenant's newest runs first. */
    Flux<BackupRun> list(TenantRows rows, int limit) {
        return rows.query("SELECT " + RUN + " FROM platform.backup_runs WHERE tenant_code = $1 ORDER BY id DESC LIMIT $2",
                BackupRun::of, limit);
    }

    Mono<Long> phase(TenantRows rows, long id, BackupPhase phase) {
        return rows.update("UPDATE platform.backup_runs SET phase = $3 WHERE tenant_code = $1 AND id = $2", id, phase.db());
    }

    /** Ends a run: succeeded (with its folder and size) or failed (with why); gives the run as it now stands. */
    Mono<BackupRun> finish(TenantRows rows, long id, String status, String path, long size, @Nullable String error) {
        return rows.one("""
                        UPDATE platform.backup_runs SET status = $3, path = $4, size_bytes = $5, error = $6, finished_at = now(), phase = NULL
                        WHERE tenant_code = $1 AND id = $2 RETURNING\s""" + RUN, BackupRun::of,
                id, status, path, size, Sql.orNull(error, String.class));
    }

    /**
     * Queues a finished, kept backup for verification, unless it is not usable right now (unknown, failed,
     * deleted, or already being verified); gives its id when queued.
     */
    Mono<Long> queueVerification(TenantRows rows, long id, Instant at) {
        return rows.one("""
                        UPDATE platform.backup_runs SET phase = $3, verification_started_at = now(), heartbeat_at = $4
                        WHERE tenant_code = $1 AND id = $2 AND status = 'succeeded' AND phase IS NULL AND deleted_at IS NULL
                        RETURNING id""", r -> r.get(0, Long.class), id, BackupPhase.QUEUED.db(), utc(at));
    }

    /** Notes that the verification of a run starts now; gives the run (empty when the tenant has no such run). */
    Mono<BackupRun> startVerification(TenantRows rows, long id, Instant at) {
        return rows.one("""
                        UPDATE platform.backup_runs SET phase = $3, verification_started_at = now(), heartbeat_at = $4
                        WHERE tenant_code = $1 AND id = $2 RETURNING\s""" + RUN, BackupRun::of, id, BackupPhase.VERIFYING.db(), utc(at));
    }

    Mono<BackupRun> recordVerification(TenantRows rows, long id, String status, String detail) {
        return rows.one("""
                        UPDATE platform.backup_runs SET verification_status = $3, verification_detail = $4, verified_at = now(), phase = NULL
                        WHERE tenant_code = $1 AND id = $2 RETURNING\s""" + RUN, BackupRun::of, id, status, detail);
    }

    /** The tenant's successful backups not yet removed, for the retention policy. */
    Flux<BackupRun> kept(TenantRows rows) {
        return rows.query("SELECT " + RUN + " FROM platform.backup_runs WHERE tenant_code = $1 AND status = 'succeeded' AND deleted_at IS NULL",
                BackupRun::of);
    }

    Mono<Long> markDeleted(TenantRows rows, long id) {
        return rows.update("UPDATE platform.backup_runs SET deleted_at = now() WHERE tenant_code = $1 AND id = $2", id);
    }

    /** Every tenant with its schedule and its latest run, root portals first. */
    Flux<BackupHistory.TenantSummary> overview(PlatformTx tx) {
        return tx.query("""
                        SELECT t.code AS code, t.name_vi AS name_vi, s.cron, s.next_run_at, b.*
                        FROM platform.tenants t
                        LEFT JOIN platform.backup_schedules s ON s.tenant_code = t.code
                        LEFT JOIN LATERAL (SELECT\s""" + RUN + """
                        \sFROM platform.backup_runs r WHERE r.tenant_code = t.code ORDER BY id DESC LIMIT 1) b ON true
                        ORDER BY t.parent_code NULLS FIRST, t.code""",
                r -> new BackupHistory.TenantSummary(r.get("code", String.class), r.get("name_vi", String.class), r.get("cron", String.class),
                        r.get("next_run_at", OffsetDateTime.class), r.get("id", Long.class) == null ? null : BackupRun.of(r)));
    }

    // ---- restores

    /** Records a restore (status running); fails with a data-integrity violation while another one into the same target runs. */
    Mono<RestoreRun> insertRestore(TenantRows rows, long backupRunId, String mode, String targetCode, @Nullable String abbreviation,
                                   String requestedBy, @Nullable String nameVi, @Nullable String nameEn, Instant at) {
        return rows.one("""
                        INSERT INTO platform.restore_runs (tenant_code, backup_run_id, mode, target_code, abbreviation, requested_by,
                                                           name_vi, name_en, heartbeat_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING\s""" + RESTORE, RestoreRun::of,
                backupRunId, mode, targetCode, Sql.orNull(abbreviation, String.class), requestedBy,
                Sql.orNull(nameVi, String.class), Sql.orNull(nameEn, String.class), utc(at));
    }

    Mono<Long> finishRestore(TenantRows rows, long id, String status, @Nullable Long safetyRunId, @Nullable String error,
                             @Nullable String safetySkipped) {
        return rows.update("""
                        UPDATE platform.restore_runs SET status = $3, safety_run_id = $4, error = $5, safety_skipped = $6, finished_at = now()
                        WHERE tenant_code = $1 AND id = $2""",
                id, status, Sql.orNull(safetyRunId, Long.class), Sql.orNull(error, String.class), Sql.orNull(safetySkipped, String.class));
    }

    Mono<RestoreRun> findRestore(TenantRows rows, long id) {
        return rows.one("SELECT " + RESTORE + " FROM platform.restore_runs WHERE tenant_code = $1 AND id = $2", RestoreRun::of, id);
    }

    Flux<RestoreRun> restores(TenantRows rows, int limit) {
        return rows.query("SELECT " + RESTORE + " FROM platform.restore_runs WHERE tenant_code = $1 ORDER BY id DESC LIMIT $2",
                RestoreRun::of, limit);
    }

    // ---- heartbeat

    /** Marks the runs this node is working on (backups, verifications, restores) alive as of {@code at}. */
    Mono<Long> beat(PlatformTx tx, Long[] backupIds, Long[] restoreIds, Instant at) {
        return tx.update("UPDATE platform.backup_runs SET heartbeat_at = $2 WHERE id = ANY($1)", backupIds, utc(at))
                .then(tx.update("UPDATE platform.restore_runs SET heartbeat_at = $2 WHERE id = ANY($1)", restoreIds, utc(at)));
    }

    /**
     * Marks failed, with {@code reason}, every run still under way whose last heartbeat (its start, for a run
     * recorded before heartbeats) is older than {@code cutoff}: its node stopped. A backup being taken fails; a
     * verification under way is called off (the backup stays usable, unverified, and the detail says why);
     * a restore fails.
     */
    Flux<Abandoned> failAbandoned(PlatformTx tx, Instant cutoff, String reason) {
        Flux<Abandoned> backups = tx.query("""
                        UPDATE platform.backup_runs SET status = 'failed', phase = NULL, finished_at = now(), error = $2
                        WHERE status = 'running' AND coalesce(heartbeat_at, started_at) < $1 RETURNING tenant_code, id""",
                r -> new Abandoned(r.get(0, String.class), r.get(1, Long.class), Abandoned.Work.BACKUP), utc(cutoff), reason);
        Flux<Abandoned> verifications = tx.query("""
                        UPDATE platform.backup_runs SET phase = NULL, verification_detail = $2
                        WHERE status = 'succeeded' AND phase IS NOT NULL
                          AND coalesce(heartbeat_at, verification_started_at, started_at) < $1 RETURNING tenant_code, id""",
                r -> new Abandoned(r.get(0, String.class), r.get(1, Long.class), Abandoned.Work.VERIFICATION), utc(cutoff), reason);
        Flux<Abandoned> restores = tx.query("""
                        UPDATE platform.restore_runs SET status = 'failed', finished_at = now(), error = $2
                        WHERE status = 'running' AND coalesce(heartbeat_at, started_at) < $1 RETURNING tenant_code, id""",
                r -> new Abandoned(r.get(0, String.class), r.get(1, Long.class), Abandoned.Work.RESTORE), utc(cutoff), reason);
        return Flux.concat(backups, verifications, restores);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
