package vn.cong.ops.backup;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PlatformTx;
import vn.cong.tenancy.TenantRows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BiFunction;

/**
 * The store of {@code platform.backup_schedules}: each tenant's cron, retention, whether its backups are
 * verified, and its next slot. Claiming due slots spans every tenant ({@code FOR UPDATE SKIP LOCKED}).
 */
@Singleton
class BackupSchedules {

    /** A due schedule this node has claimed. */
    record Claim(String tenantCode, boolean verify, int keepDaily, int keepWeekly) {
    }

    private record Due(Claim claim, String cron) {
    }

    /** The tenants without a schedule yet. */
    Flux<String> missing(PlatformTx tx) {
        return tx.query("""
                SELECT code FROM platform.tenants t
                WHERE NOT EXISTS (SELECT 1 FROM platform.backup_schedules s WHERE s.tenant_code = t.code) ORDER BY code""",
                r -> r.get(0, String.class));
    }

    /** Sets the schedule, recording where it comes from ({@code operator}, or {@code profile}). */
    Mono<Long> set(TenantRows rows, String cron, int keepDaily, int keepWeekly, Instant next, String source) {
        return rows.update("""
                INSERT INTO platform.backup_schedules (tenant_code, cron, keep_daily, keep_weekly, next_run_at, source) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (tenant_code) DO UPDATE SET cron = excluded.cron, keep_daily = excluded.keep_daily,
                    keep_weekly = excluded.keep_weekly, next_run_at = excluded.next_run_at, source = excluded.source""",
                cron, keepDaily, keepWeekly, utc(next), source);
    }

    /**
     * The profile's frequency changed: a schedule that follows the profile (or none yet) takes {@code cron};
     * one the operator set stays. Unchanged when already on {@code cron} (its next slot kept). @return rows written
     */
    Mono<Long> followProfile(TenantRows rows, String cron, Instant next) {
        return rows.update("""
                INSERT INTO platform.backup_schedules (tenant_code, cron, next_run_at, source) VALUES ($1, $2, $3, 'profile')
                ON CONFLICT (tenant_code) DO UPDATE SET cron = excluded.cron, next_run_at = excluded.next_run_at
                WHERE backup_schedules.source = 'profile' AND backup_schedules.cron <> excluded.cron""",
                cron, utc(next));
    }

    Mono<BackupHistory.Schedule> find(TenantRows rows) {
        return rows.one("SELECT cron, keep_daily, keep_weekly, verify, next_run_at, source FROM platform.backup_schedules WHERE tenant_code = $1",
                r -> new BackupHistory.Schedule(r.get(0, String.class), r.get(1, Integer.class), r.get(2, Integer.class),
                        Boolean.TRUE.equals(r.get(3, Boolean.class)), r.get(4, OffsetDateTime.class), r.get(5, String.class)));
    }

    /**
     * Claims every schedule due at {@code now} that no other node holds, moving each to its next slot
     * ({@code next}, of the tenant's code and cron) in the same transaction: with several nodes each slot is claimed once.
     */
    Flux<Claim> claimDue(PlatformTx tx, Instant now, BiFunction<String, String, Instant> next) {
        return tx.query("""
                        SELECT tenant_code, cron, verify, keep_daily, keep_weekly FROM platform.backup_schedules
                        WHERE next_run_at <= $1 ORDER BY next_run_at FOR UPDATE SKIP LOCKED""",
                        r -> new Due(new Claim(r.get(0, String.class), Boolean.TRUE.equals(r.get(2, Boolean.class)),
                                r.get(3, Integer.class), r.get(4, Integer.class)), r.get(1, String.class)), utc(now))
                .collectList()
                // the rows are locked by this transaction: each moves on by its own cron (a claim spans tenants, so the code is bound here)
                .flatMapMany(due -> Flux.fromIterable(due).concatMap(d -> tx.update(
                                "UPDATE platform.backup_schedules SET next_run_at = $1 WHERE tenant_code = $2",
                                utc(next.apply(d.claim().tenantCode(), d.cron())), d.claim().tenantCode())
                        .thenReturn(d.claim())));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
