package vn.cong.ops.uptime;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.r2dbc.annotation.R2dbcRepository;
import io.micronaut.data.repository.GenericRepository;
import reactor.core.publisher.Flux;
import vn.cong.tenancy.PlatformTx;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What the uptime screens read, as rows Micronaut Data maps, in the caller's platform transaction.
 * The SQL is written out ({@code @Query}) because Data's derived queries have no DISTINCT ON, FILTER
 * aggregates or the {@code platform.in_maintenance} function these need.
 */
@R2dbcRepository(dialect = Dialect.POSTGRES)
interface UptimeReadings extends GenericRepository<UptimeCheckRow, Long> {

    /** The latest check of a target. */
    @Introspected
    record LatestCheck(String target, boolean ok, @Nullable Integer status, @Nullable Integer latencyMs, @Nullable String error,
                       OffsetDateTime at) {
    }

    /** A linked site watched as {@code site:<id>}. */
    @Introspected
    record Site(long id, String tenantCode, String nameVi, String url) {
    }

    @Introspected
    record IncidentRow(long id, String target, String url, OffsetDateTime openedAt, @Nullable OffsetDateTime closedAt,
                       @Nullable String lastError) {
    }

    /** One target's checks of one day (Vietnam time): up and down outside maintenance, and during it. */
    @Introspected
    record DayCount(@Nullable String target, LocalDate day, long up, long down, long maintenance) {
    }

    @Query("""
            SELECT DISTINCT ON (target) target, ok, status, latency_ms, error, at FROM platform.uptime_checks
            ORDER BY target, slot DESC""")
    Flux<LatestCheck> latestChecks(PlatformTx tx);

    @Query("""
            SELECT DISTINCT ON (target) target, ok, status, latency_ms, error, at FROM platform.uptime_checks
            WHERE slot >= now() - interval '1 hour' ORDER BY target, slot DESC""")
    Flux<LatestCheck> latestChecksOfLastHour(PlatformTx tx);

    @Query("SELECT id, tenant_code, name_vi, url FROM platform.linked_sites ORDER BY tenant_code, position")
    Flux<Site> linkedSites(PlatformTx tx);

    /** Open incidents and those closed in the last 30 days, newest first. */
    @Query("""
            SELECT id, target, url, opened_at, closed_at, last_error FROM platform.uptime_incidents
            WHERE closed_at IS NULL OR closed_at >= now() - interval '30 days' ORDER BY opened_at DESC LIMIT :limit""")
    Flux<IncidentRow> recentIncidents(int limit, PlatformTx tx);

    /**
     * Every target's days since {@code since}: the days the roll-up holds ({@code platform.uptime_days}), then the
     * raw checks of the days after the last rolled-up one (today, and any day the roll-up has not reached yet).
     */
    @Query("""
            WITH done AS (SELECT max(day) AS through FROM platform.uptime_days)
            SELECT d.target, d.day, CAST(d.up AS bigint) AS up, CAST(d.down AS bigint) AS down,
                   CAST(d.maintenance AS bigint) AS maintenance
            FROM platform.uptime_days d WHERE d.day >= CAST(:since AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)
            UNION ALL
            SELECT c.target, CAST(c.slot AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date) AS day,
                   count(*) FILTER (WHERE c.ok AND NOT c.maintenance) AS up,
                   count(*) FILTER (WHERE NOT c.ok AND NOT c.maintenance) AS down,
                   count(*) FILTER (WHERE c.maintenance) AS maintenance
            FROM (SELECT u.target, u.slot, u.ok, platform.in_maintenance(u.target, u.tenant_code, u.slot) AS maintenance
                  FROM platform.uptime_checks u, done
                  WHERE u.slot >= :since
                    AND (done.through IS NULL OR u.slot >= CAST(done.through + 1 AS timestamp) AT TIME ZONE 'Asia/Ho_Chi_Minh')) c
            GROUP BY 1, 2""")
    Flux<DayCount> daysSince(OffsetDateTime since, PlatformTx tx);

    /**
     * One target's days in [from, to) (both at the start of a Vietnam day): rolled-up days from the roll-up, later
     * days from the raw rounds, counting every round (a round without its check is neither up nor down).
     */
    @Query("""
            WITH done AS (SELECT max(day) AS through FROM platform.uptime_days)
            SELECT * FROM (
                SELECT CAST(NULL AS text) AS target, d.day, CAST(d.up AS bigint) AS up, CAST(d.down AS bigint) AS down,
                       CAST(d.maintenance AS bigint) AS maintenance
                FROM platform.uptime_days d
                WHERE d.target = :target AND d.day >= CAST(:from AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)
                  AND d.day < CAST(:to AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)
                UNION ALL
                SELECT CAST(NULL AS text) AS target, CAST(r.slot AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date) AS day,
                       count(*) FILTER (WHERE c.ok AND NOT c.maintenance) AS up,
                       count(*) FILTER (WHERE NOT c.ok AND NOT c.maintenance) AS down,
                       count(*) FILTER (WHERE c.maintenance) AS maintenance
                FROM platform.uptime_rounds r
                CROSS JOIN done
                LEFT JOIN (SELECT u.slot, u.ok, platform.in_maintenance(u.target, u.tenant_code, u.slot) AS maintenance
                           FROM platform.uptime_checks u WHERE u.target = :target) c ON c.slot = r.slot
                WHERE r.slot >= :from AND r.slot < :to
                  AND (done.through IS NULL OR r.slot >= CAST(done.through + 1 AS timestamp) AT TIME ZONE 'Asia/Ho_Chi_Minh')
                GROUP BY 2) days
            ORDER BY day""")
    Flux<DayCount> daysOf(String target, OffsetDateTime from, OffsetDateTime to, PlatformTx tx);
}
