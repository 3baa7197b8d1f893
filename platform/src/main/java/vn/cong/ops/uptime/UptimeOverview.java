package vn.cong.ops.uptime;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;
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
    private final UptimeReadings readings;
    private final TenantRegistry registry;
    private final PublicLinks links;

    UptimeOverview(PlatformDatabase db, UptimeReadings readings, TenantRegistry registry, PublicLinks links) {
        this.db = db;
        this.readings = readings;
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
        // one transaction, its reads one after the other on its connection
        return db.mono(tx -> readings.latestChecks(tx).collectMap(UptimeReadings.LatestCheck::target)
                .flatMap(latest -> readings.linkedSites(tx).collectList()
                        .flatMap(sites -> readings.recentIncidents(200, tx).collectList()
                                .map(incidents -> Tuples.of(latest, sites, incidents))))).map(t -> {
            Map<String, String> names = new HashMap<>();
            List<TargetState> targets = new ArrayList<>();
            for (Tenant tenant : registry.all()) {
                String key = "tenant:" + tenant.code();
                names.put(key, tenant.nameVi());
                targets.add(state(key, tenant.nameVi(), links.tenant(tenant, "/"), t.getT1().get(key)));
            }
            for (UptimeReadings.Site s : t.getT2()) {
                String key = "site:" + s.id();
                names.put(key, s.nameVi());
                targets.add(state(key, s.nameVi(), s.url(), t.getT1().get(key)));
            }
            List<Incident> open = new ArrayList<>();
            List<Incident> recent = new ArrayList<>();
            for (UptimeReadings.IncidentRow i : t.getT3()) {
                Incident incident = new Incident(i.id(), i.target(), names.getOrDefault(i.target(), i.target()), i.url(),
                        i.openedAt(), i.closedAt(), i.lastError());
                (i.closedAt() == null ? open : recent).add(incident);
            }
            return new Overview(targets, open, recent);
        });
    }

    private static TargetState state(String key, String name, String url, @Nullable UptimeReadings.LatestCheck check) {
        if (check == null) {
            return new TargetState(key, name, url, "unknown", null, null, null, null);
        }
        return new TargetState(key, name, url, check.ok() ? "up" : "down", check.status(), check.latencyMs(), check.error(), check.at());
    }
}
