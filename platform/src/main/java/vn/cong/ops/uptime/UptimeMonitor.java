package vn.cong.ops.uptime;

import jakarta.inject.Singleton;
import vn.cong.tenancy.PlatformTx;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.PlatformConfiguration;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.net.InetAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Probes every serving tenant portal (through the platform's real HTTP path) and every independent
 * member site, once per interval across all nodes: the round's slot is claimed in PostgreSQL. Opens an
 * incident after N consecutive failures, closes it on the first success, and raises alerts for both.
 */
@Singleton
public class UptimeMonitor {

    private final UptimeConfiguration config;
    private final PlatformConfiguration platformConfig;
    private final PlatformDatabase db;
    private final TenantRegistry registry;
    private final Prober prober;
    private final UptimeAlerts alerts;
    private final String node = nodeName();

    public UptimeMonitor(UptimeConfiguration config, PlatformConfiguration platformConfig, PlatformDatabase db,
                         TenantRegistry registry, Prober prober, UptimeAlerts alerts) {
        this.config = config;
        this.platformConfig = platformConfig;
        this.db = db;
        this.registry = registry;
        this.prober = prober;
        this.alerts = alerts;
    }

    /** Runs the round of the slot containing {@code now} unless another node already has; emits the checks made. */
    public Mono<List<CheckResult>> runRound(Instant now) {
        OffsetDateTime slot = slotOf(now);
        return db.mono(c -> c.one("INSERT INTO platform.uptime_rounds (slot, node) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING slot",
                        r -> true, slot, node))
                .flatMap(claimed -> targets().flatMap(prober::probe, 8).collectList())
                .flatMap(results -> db.mono(c -> Flux.fromIterable(results).concatMap(r -> record(c, slot, r)).then(
                                c.update("UPDATE platform.uptime_rounds SET finished_at = now() WHERE slot = $1", slot)))
                        .thenReturn(results));
    }

    OffsetDateTime slotOf(Instant now) {
        long interval = config.interval().toMillis();
        return Instant.ofEpochMilli(now.toEpochMilli() / interval * interval).atOffset(ZoneOffset.UTC);
    }

    Flux<ProbeTarget> targets() {
        Flux<ProbeTarget> portals = Flux.fromIterable(registry.all())
                .filter(t -> t.status() == Tenant.TenantStatus.ACTIVE)
                .map(t -> ProbeTarget.tenant(t.code(), config.selfUrl(), registry.primaryHost(t)));
        Flux<ProbeTarget> sites = db.flux(c -> c.query("SELECT id, tenant_code, url FROM platform.linked_sites ORDER BY id",
                r -> ProbeTarget.linkedSite(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class))));
        return config.probeLinkedSites() ? portals.concatWith(sites) : portals;
    }

    private Mono<Void> record(PlatformTx c, OffsetDateTime slot, CheckResult r) {
        ProbeTarget t = r.target();
        Mono<Long> insert = c.update("""
                        INSERT INTO platform.uptime_checks (slot, target, tenant_code, url, ok, status, latency_ms, error)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""",
                slot, t.key(), Sql.orNull(t.tenantCode(), String.class), t.url(), r.ok(), Sql.orNull(r.status(), Integer.class),
                (int) r.latencyMs(), Sql.orNull(r.error(), String.class));
        return insert.then(r.ok() ? closeIncident(c, r) : maybeOpenIncident(c, slot, r));
    }

    private Mono<Void> closeIncident(PlatformTx c, CheckResult r) {
        return c.one("UPDATE platform.uptime_incidents SET closed_at = now() WHERE target = $1 AND closed_at IS NULL RETURNING id",
                        row -> row.get(0, Long.class), r.target().key())
                .doOnNext(id -> alerts.recovered(r.target(), id))
                .then();
    }

    /** A failure during an announced maintenance window of the portal's tenant is expected: no incident, no alert. */
    private Mono<Void> maybeOpenIncident(PlatformTx c, OffsetDateTime slot, CheckResult r) {
        return c.one("SELECT platform.in_maintenance($1, $2, $3)", row -> Boolean.TRUE.equals(row.get(0, Boolean.class)),
                        r.target().key(), Sql.orNull(r.target().tenantCode(), String.class), slot)
                .filter(inMaintenance -> !inMaintenance)
                .flatMapMany(notInMaintenance -> c.query("SELECT ok FROM platform.uptime_checks WHERE target = $1 ORDER BY slot DESC LIMIT $2",
                        row -> row.get(0, Boolean.class), r.target().key(), config.failuresToOpen()))
                .collectList()
                .filter(last -> last.size() >= config.failuresToOpen() && last.stream().noneMatch(Boolean::booleanValue))
                .flatMap(failing -> c.one("""
                                INSERT INTO platform.uptime_incidents (target, tenant_code, url, opened_at, last_error)
                                VALUES ($1, $2, $3, now(), $4) ON CONFLICT (target) WHERE closed_at IS NULL
                                DO UPDATE SET last_error = excluded.last_error RETURNING id, (xmax = 0) AS opened""",
                        row -> new long[]{row.get(0, Long.class), Boolean.TRUE.equals(row.get(1, Boolean.class)) ? 1 : 0},
                        r.target().key(), Sql.orNull(r.target().tenantCode(), String.class), r.target().url(),
                        Sql.orNull(r.error(), String.class)))
                .filter(idAndOpened -> idAndOpened[1] == 1)
                .doOnNext(idAndOpened -> alerts.opened(r.target(), idAndOpened[0], r.error()))
                .then();
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (java.net.UnknownHostException e) {
            return "node:" + ProcessHandle.current().pid();
        }
    }
}
