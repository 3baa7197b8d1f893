package vn.cong.ops.uptime;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PublicLinks;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operator console shows of uptime: every portal and linked site with its latest check
 * (state, HTTP status, latency, error), the open incidents and those of the last 30 days.
 */
@Singleton
public class UptimeOverview {

    private final PlatformDatabase db;
    private final TenantRegistry registry;
    private final PublicLinks links;

    public UptimeOverview(PlatformDatabase db, TenantRegistry registry, PublicLinks links) {
        this.db = db;
        this.registry = registry;
        this.links = links;
    }

    /** One target's latest check; {@code state} up, down or unknown (never checked). */
    public record TargetState(String key, String name, String url, String state, @Nullable Integer status,
                              @Nullable Integer latencyMs, @Nullable String error, @Nullable OffsetDateTime checkedAt) {
    }

    public record Incident(long id, String target, String name, String url, OffsetDateTime openedAt,
                           @Nullable OffsetDateTime closedAt, @Nullable String lastError) {
    }

    public record Overview(List<TargetState> targets, List<Incident> open, List<Incident> recent) {
    }

    public Mono<Overview> overview() {
        Mono<Map<String, Object[]>> latest = db.flux(c -> c.query("""
                        SELECT DISTINCT ON (target) target, ok, status, latency_ms, error, at FROM platform.uptime_checks
                        ORDER BY target, slot DESC""",
                        r -> new Object[]{r.get(0, String.class), r.get(1, Boolean.class), r.get(2, Integer.class), r.get(3, Integer.class),
                                r.get(4, String.class), r.get(5, OffsetDateTime.class)}))
                .collectMap(row -> (String) row[0]);
        Mono<List<Object[]>> sites = db.flux(c -> c.query("SELECT id, name_vi, url FROM platform.linked_sites ORDER BY tenant_code, position",
                r -> new Object[]{r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class)})).collectList();
        Mono<List<Object[]>> incidents = db.flux(c -> c.query("""
                SELECT id, target, url, opened_at, closed_at, last_error FROM platform.uptime_incidents
                WHERE closed_at IS NULL OR closed_at >= now() - interval '30 days' ORDER BY opened_at DESC LIMIT 200""",
                r -> new Object[]{r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, OffsetDateTime.class),
                        r.get(4, OffsetDateTime.class), r.get(5, String.class)})).collectList();
        return Mono.zip(latest, sites, incidents).map(t -> {
            Map<String, String> names = new HashMap<>();
            List<TargetState> targets = new ArrayList<>();
            for (Tenant tenant : registry.all()) {
                String key = "tenant:" + tenant.code();
                names.put(key, tenant.nameVi());
                targets.add(state(key, tenant.nameVi(), links.tenant(tenant, "/"), t.getT1().get(key)));
            }
            for (Object[] s : t.getT2()) {
                String key = "site:" + s[0];
                names.put(key, (String) s[1]);
                targets.add(state(key, (String) s[1], (String) s[2], t.getT1().get(key)));
            }
            List<Incident> open = new ArrayList<>();
            List<Incident> recent = new ArrayList<>();
            for (Object[] i : t.getT3()) {
                Incident incident = new Incident((Long) i[0], (String) i[1], names.getOrDefault((String) i[1], (String) i[1]), (String) i[2],
                        (OffsetDateTime) i[3], (OffsetDateTime) i[4], (String) i[5]);
                (i[4] == null ? open : recent).add(incident);
            }
            return new Overview(targets, open, recent);
        });
    }

    private static TargetState state(String key, String name, String url, @Nullable Object[] check) {
        if (check == null) {
            return new TargetState(key, name, url, "unknown", null, null, null, null);
        }
        return new TargetState(key, name, url, Boolean.TRUE.equals(check[1]) ? "up" : "down", (Integer) check[2], (Integer) check[3],
                (String) check[4], (OffsetDateTime) check[5]);
    }
}
