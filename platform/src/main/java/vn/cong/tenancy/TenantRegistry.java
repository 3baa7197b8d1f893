package vn.cong.tenancy;

import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Host name → tenant, held in memory and reloaded when the registry version in the platform schema
 * moves (onboarding, suspension, publishing), so every node follows within seconds.
 */
@Singleton
public class TenantRegistry {

    private static final String SELECT = """
            SELECT t.code, t.name_vi, t.name_en, t.abbreviation, t.parent_code, t.schema_name, t.theme, t.status,
                   t.status_notice, t.migration_status, t.content_version, t.settings::text AS settings,
                   coalesce((SELECT array_agg(a.host ORDER BY a.host) FROM platform.domain_aliases a
                             WHERE a.tenant_code = t.code), '{}') AS aliases
            FROM platform.tenants t""";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TenantRegistry.class);

    private final PlatformDatabase database;
    private final PlatformConfiguration config;
    private volatile Snapshot snapshot = new Snapshot(0, Map.of(), Map.of());

    public TenantRegistry(PlatformDatabase database, PlatformConfiguration config) {
        this.database = database;
        this.config = config;
    }

    public Optional<Tenant> findByHost(String normalizedHost) {
        return Optional.ofNullable(snapshot.byHost().get(normalizedHost));
    }

    public Optional<Tenant> findByCode(String code) {
        return Optional.ofNullable(snapshot.byCode().get(code));
    }

    public Collection<Tenant> all() {
        return snapshot.byCode().values();
    }

    /** The host a tenant's own links use: {@code www.<base>} for the ministry, else {@code <abbrev>.<base>}. */
    public String primaryHost(Tenant tenant) {
        return tenant.abbreviation() + "." + config.baseDomain();
    }

    /**
     * The tenant {@code code} as its row stands in {@code tx} (not this node's snapshot): for work that has
     * just written the row in the same transaction, such as onboarding, and needs the whole {@link Tenant}.
     */
    public Mono<Tenant> read(PlatformTx tx, String code) {
        return tx.one(SELECT + " WHERE t.code = $1", TenantRegistry::toTenant, code);
    }

    /** Reloads the registry now. */
    public Mono<Void> reload() {
        Mono<Long> version = database.mono(c -> c.one("SELECT version FROM platform.registry_version", r -> r.get(0, Long.class)));
        Mono<List<Tenant>> tenants = database.flux(c -> c.query(SELECT + " ORDER BY t.code", TenantRegistry::toTenant)).collectList();
        return Mono.zip(version, tenants).doOnNext(loaded -> install(loaded.getT1(), loaded.getT2())).then();
    }

    /**
     * Reloads when the shared registry version has moved since this node's snapshot (another node
     * announced a change through {@link PublicChanges}); emits whether it reloaded.
     */
    public Mono<Boolean> refreshIfBehind() {
        return database.mono(c -> c.one("SELECT version FROM platform.registry_version", r -> r.get(0, Long.class)))
                .filter(v -> v != snapshot.version())
                .flatMap(v -> reload().thenReturn(true))
                .defaultIfEmpty(false);
    }

    /**
     * Builds the host map. Only the root portal answers on the bare base domain and on
     * {@code www.<base>} (the database allows one root per base domain; should two ever be found,
     * the bare domain stays with the one on {@code www}); an alias never takes another tenant's
     * primary host.
     */
    private void install(long version, List<Tenant> tenants) {
        Map<String, Tenant> byHost = new HashMap<>();
        Map<String, Tenant> byCode = new LinkedHashMap<>();
        Tenant root = root(tenants);
        Set<String> rootOnly = Set.of(config.baseDomain(), config.ministryHost());
        for (Tenant t : tenants) {
            byCode.put(t.code(), t);
            if (t == root || !rootOnly.contains(primaryHost(t))) {
                byHost.put(primaryHost(t), t);
            }
        }
        if (root != null) {
            byHost.put(config.baseDomain(), root);
        }
        for (Tenant t : tenants) {
            t.aliases().stream()
                    .filter(alias -> t == root || !rootOnly.contains(alias))
                    .forEach(alias -> byHost.putIfAbsent(alias, t));
        }
        snapshot = new Snapshot(version, Map.copyOf(byHost), java.util.Collections.unmodifiableMap(byCode));
    }

    private Tenant root(List<Tenant> tenants) {
        List<Tenant> roots = tenants.stream().filter(Tenant::isMinistry).toList();
        if (roots.size() > 1) {
            LOG.error("Several tenants without a parent ({}): only the one on {} answers on {}",
                    roots.stream().map(Tenant::code).toList(), config.ministryHost(), config.baseDomain());
            return roots.stream().filter(t -> primaryHost(t).equals(config.ministryHost())).findFirst().orElse(null);
        }
        return roots.isEmpty() ? null : roots.get(0);
    }

    private static Tenant toTenant(Readable r) {
        String[] aliases = r.get("aliases", String[].class);
        return new Tenant(
                r.get("code", String.class), r.get("name_vi", String.class), r.get("name_en", String.class),
                r.get("abbreviation", String.class), r.get("parent_code", String.class), r.get("schema_name", String.class),
                r.get("theme", String.class), Tenant.TenantStatus.of(r.get("status", String.class)),
                r.get("status_notice", String.class), Tenant.MigrationStatus.of(r.get("migration_status", String.class)),
                r.get("content_version", Long.class), aliases == null ? List.of() : new ArrayList<>(List.of(aliases)),
                r.get("settings", String.class));
    }

    private record Snapshot(long version, Map<String, Tenant> byHost, Map<String, Tenant> byCode) {
    }
}
