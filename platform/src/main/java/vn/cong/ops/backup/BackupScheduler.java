package vn.cong.ops.backup;

import vn.cong.system.VietnamTime;
import io.micronaut.scheduling.cron.CronExpression;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cong.system.Folders;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs each tenant's scheduled backups off the request path, then verifies them and applies the
 * retention policy. A due slot is claimed in PostgreSQL (FOR UPDATE SKIP LOCKED, next slot written in
 * the same transaction), so with several platform nodes every slot runs on exactly one of them.
 */
@Singleton
public class BackupScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(BackupScheduler.class);

    private final TenantBackups backups;
    private final TenantRegistry registry;
    private final DatabaseConfiguration db;
    private final Clock clock;

    public BackupScheduler(TenantBackups backups, TenantRegistry registry, DatabaseConfiguration db, Clock clock) {
        this.backups = backups;
        this.registry = registry;
        this.db = db;
        this.clock = clock;
    }

    /** A due schedule this node has claimed. */
    record Claim(String tenantCode, boolean verify, int keepDaily, int keepWeekly) {
    }

    /** One tick of {@link BackupJob}: every tenant gets a schedule, then the due ones run. Blocking. */
    List<BackupRun> tick(Instant now) {
        ensureSchedules(BackupSchedulePreset.TWICE_A_WEEK.cron());
        return runDue(now);
    }

    /** Gives every tenant without a schedule the given one (preset: twice a week). */
    public void ensureSchedules(String cron) {
        Instant next = next(cron, clock.instant());
        update("""
                INSERT INTO platform.backup_schedules (tenant_code, cron, next_run_at)
                SELECT code, ?, ? FROM platform.tenants t
                WHERE NOT EXISTS (SELECT 1 FROM platform.backup_schedules s WHERE s.tenant_code = t.code)""",
                cron, Timestamp.from(next));
    }

    /** Sets a tenant's schedule: a preset name ({@code twice-a-week}, {@code daily}) or a cron expression. */
    public void schedule(String tenantCode, String presetOrCron, int keepDaily, int keepWeekly) {
        String cron = BackupSchedulePreset.cronFor(presetOrCron);
        Instant next = next(cron, clock.instant()); // throws on an invalid expression
        update("""
                INSERT INTO platform.backup_schedules (tenant_code, cron, keep_daily, keep_weekly, next_run_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_code) DO UPDATE SET cron = excluded.cron, keep_daily = excluded.keep_daily,
                    keep_weekly = excluded.keep_weekly, next_run_at = excluded.next_run_at""",
                tenantCode, cron, keepDaily, keepWeekly, Timestamp.from(next));
    }

    /** Claims and runs every schedule due at {@code now}; returns the runs this node made. One tenant's failure stops no other. */
    public List<BackupRun> runDue(Instant now) {
        List<BackupRun> runs = new ArrayList<>();
        for (Claim claim : claimDue(now)) {
            Tenant tenant = registry.findByCode(claim.tenantCode()).orElse(null);
            if (tenant == null || !tenant.isServing()) {
                continue;
            }
            try {
                BackupRun run = backups.backup(tenant, "scheduled");
                if ("succeeded".equals(run.status()) && claim.verify()) {
                    run = backups.verify(run.id());
                }
                runs.add(run);
                applyRetention(tenant.code(), new RetentionPolicy(claim.keepDaily(), claim.keepWeekly(), VietnamTime.ZONE), now);
            } catch (RuntimeException e) {
                LOG.error("Tenant {}: scheduled backup failed; the other tenants go on", tenant.code(), e);
            }
        }
        return runs;
    }

    List<Claim> claimDue(Instant now) {
        List<Claim> claims = new ArrayList<>();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT tenant_code, cron, verify, keep_daily, keep_weekly FROM platform.backup_schedules
                    WHERE next_run_at <= ? ORDER BY next_run_at FOR UPDATE SKIP LOCKED""");
                 PreparedStatement advance = c.prepareStatement(
                         "UPDATE platform.backup_schedules SET next_run_at = ? WHERE tenant_code = ?")) {
                select.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        claims.add(new Claim(rs.getString(1), rs.getBoolean(3), rs.getInt(4), rs.getInt(5)));
                        advance.setTimestamp(1, Timestamp.from(next(rs.getString(2), now)));
                        advance.setString(2, rs.getString(1));
                        advance.addBatch();
                    }
                }
                advance.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new BackupFailure("Cannot claim due backups: " + e.getMessage(), e);
        }
        return claims;
    }

    /** Deletes the backups the policy no longer keeps: their folders, and marks their records. */
    public Set<Long> applyRetention(String tenantCode, RetentionPolicy policy, Instant now) {
        List<RetentionPolicy.Taken> taken = new ArrayList<>();
        List<String[]> paths = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, started_at, path FROM platform.backup_runs
                WHERE tenant_code = ? AND status = 'succeeded' AND deleted_at IS NULL""")) {
            ps.setString(1, tenantCode);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(new RetentionPolicy.Taken(rs.getLong(1), rs.getTimestamp(2).toInstant()));
                    paths.add(new String[]{String.valueOf(rs.getLong(1)), rs.getString(3)});
                }
            }
        } catch (SQLException e) {
            throw new BackupFailure("Cannot list backups of " + tenantCode, e);
        }
        Set<Long> delete = policy.toDelete(taken, now);
        for (String[] p : paths) {
            long id = Long.parseLong(p[0]);
            if (delete.contains(id)) {
                Folders.deleteTree(Path.of(p[1]));
                update("UPDATE platform.backup_runs SET deleted_at = now() WHERE id = ?", id);
                LOG.info("Tenant {}: backup {} removed by the retention policy", tenantCode, id);
            }
        }
        return delete;
    }

    static Instant next(String cron, Instant after) {
        ZonedDateTime next = CronExpression.create(cron).nextTimeAfter(after.atZone(VietnamTime.ZONE));
        if (next == null) {
            throw new IllegalArgumentException("Biểu thức lịch (cron) không hợp lệ: " + cron);
        }
        return next.toInstant();
    }

    private void update(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new BackupFailure("Backup schedule update failed: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return db.openJdbc(db.name());
    }

}
