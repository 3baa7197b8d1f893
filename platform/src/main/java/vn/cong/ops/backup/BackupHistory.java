package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PlatformDatabase;

import java.time.OffsetDateTime;

/**
 * What the console and the API show of backups: read reactively from the platform schema, always
 * scoped to one tenant (a run id of another tenant finds nothing).
 */
@Singleton
public class BackupHistory {

    private final PlatformDatabase db;

    public BackupHistory(PlatformDatabase db) {
        this.db = db;
    }

    /** A tenant's schedule: its cron, retention, whether each backup is verified, and the next slot. */
    @Serdeable
    public record Schedule(String cron, int keepDaily, int keepWeekly, boolean verify, OffsetDateTime nextRunAt) {
    }

    /** One tenant's line on the backups overview. */
    public record TenantSummary(String code, String nameVi, @Nullable String cron, @Nullable OffsetDateTime nextRunAt,
                                @Nullable BackupRun last) {
    }

    public Flux<BackupRun> runs(String tenantCode, int limit) {
        return db.flux(c -> c.query("SELECT " + BackupRun.COLUMNS
                + " FROM platform.backup_runs WHERE tenant_code = $1 ORDER BY id DESC LIMIT $2", BackupRun::of, tenantCode, limit));
    }

    public Mono<BackupRun> find(String tenantCode, long id) {
        return db.mono(c -> c.one("SELECT " + BackupRun.COLUMNS
                + " FROM platform.backup_runs WHERE id = $1 AND tenant_code = $2", BackupRun::of, id, tenantCode));
    }

    public Mono<Schedule> schedule(String tenantCode) {
        return db.mono(c -> c.one("""
                        SELECT cron, keep_daily, keep_weekly, verify, next_run_at FROM platform.backup_schedules WHERE tenant_code = $1""",
                r -> new Schedule(r.get(0, String.class), r.get(1, Integer.class), r.get(2, Integer.class),
                        Boolean.TRUE.equals(r.get(3, Boolean.class)), r.get(4, OffsetDateTime.class)), tenantCode));
    }

    public Flux<RestoreRun> restores(String tenantCode, int limit) {
        return db.flux(c -> c.query("SELECT " + RestoreRun.COLUMNS
                + " FROM platform.restore_runs WHERE tenant_code = $1 ORDER BY id DESC LIMIT $2", RestoreRun::of, tenantCode, limit));
    }

    public Mono<RestoreRun> restore(String tenantCode, long id) {
        return db.mono(c -> c.one("SELECT " + RestoreRun.COLUMNS
                + " FROM platform.restore_runs WHERE id = $1 AND tenant_code = $2", RestoreRun::of, id, tenantCode));
    }

    /** Every tenant with its schedule and its latest backup. */
    public Flux<TenantSummary> overview() {
        return db.flux(c -> c.query("""
                        SELECT t.code, t.name_vi, s.cron, s.next_run_at, b.id AS last_id
                        FROM platform.tenants t
                        LEFT JOIN platform.backup_schedules s ON s.tenant_code = t.code
                        LEFT JOIN LATERAL (SELECT id FROM platform.backup_runs r WHERE r.tenant_code = t.code ORDER BY id DESC LIMIT 1) b ON true
                        ORDER BY t.parent_code NULLS FIRST, t.code""",
                        r -> new Object[]{r.get("code", String.class), r.get("name_vi", String.class), r.get("cron", String.class),
                                r.get("next_run_at", OffsetDateTime.class), r.get("last_id", Long.class)}))
                .concatMap(row -> row[4] == null
                        ? Mono.just(new TenantSummary((String) row[0], (String) row[1], (String) row[2], (OffsetDateTime) row[3], null))
                        : find((String) row[0], (Long) row[4]).map(last -> new TenantSummary((String) row[0], (String) row[1],
                                (String) row[2], (OffsetDateTime) row[3], last)));
    }
}
