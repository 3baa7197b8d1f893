package vn.cong.ops.uptime;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.PlatformDatabase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Rolls the uptime checks of every day before today (Vietnam time) up into {@code platform.uptime_days}, one row
 * per target and day, then deletes the raw rounds older than the kept window, in one transaction. Idempotent: a day
 * still held raw is recounted from its checks and overwritten, a day already deleted is not touched (raw rows go
 * by whole days, so no day is ever rolled up from part of its checks).
 */
@Singleton
public class UptimeRollup {

    private final PlatformDatabase db;
    private final UptimeRollupConfiguration config;

    UptimeRollup(PlatformDatabase db, UptimeRollupConfiguration config) {
        this.db = db;
        this.config = config;
    }

    /** What one roll-up did: day rows written, raw rounds deleted. */
    public record Outcome(long days, long roundsDeleted) {
    }

    public Mono<Outcome> rollUp(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, VietnamTime.ZONE);
        OffsetDateTime startOfToday = today.atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        OffsetDateTime keepFrom = today.minusDays(Math.max(1, config.keepRawDays()) - 1L).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        // hand-written: INSERT … SELECT … ON CONFLICT with FILTER aggregates has no derived-query form
        return db.mono(tx -> tx.update("""
                                INSERT INTO platform.uptime_days (target, tenant_code, day, up, down, maintenance)
                                SELECT c.target, max(c.tenant_code), CAST(c.slot AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date),
                                       count(*) FILTER (WHERE c.ok AND NOT c.maintenance),
                                       count(*) FILTER (WHERE NOT c.ok AND NOT c.maintenance),
                                       count(*) FILTER (WHERE c.maintenance)
                                FROM (SELECT u.target, u.tenant_code, u.slot, u.ok,
                                             platform.in_maintenance(u.target, u.tenant_code, u.slot) AS maintenance
                                      FROM platform.uptime_checks u WHERE u.slot < $1) c
                                GROUP BY c.target, 3
                                ON CONFLICT (target, day) DO UPDATE SET tenant_code = excluded.tenant_code, up = excluded.up,
                                    down = excluded.down, maintenance = excluded.maintenance, rolled_up_at = now()""",
                        startOfToday)
                .flatMap(days -> tx.update("DELETE FROM platform.uptime_rounds WHERE slot < $1", keepFrom)
                        .map(deleted -> new Outcome(days, deleted))));
    }
}
