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
                   t.status_notice, t.migration_status, t.content_version, t.settings::text AS settings, t.domain,
                   t.governing_body_vi, t.governing_body_en, t.governing_body_url,
                   t.request_limit_per_minute, t.media_limit_bytes, t.database_name, t.moving_to,
                   coalesce((SELECT array_agg(a.host ORDER BY a.host) FROM platform.domain_aliases a
                             WHERE a.tenant_code = t.code), '{}') AS aliases
            FROM platform.tenants t""";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TenantRegistry.class);

    private final PlatformDatabase database;
    private final PlatformConfiguration config;
    private final io.micronaut.context.event.ApplicationEventPublisher<RegistryReloaded> reloaded;
    private volatile Snapshot snapshot = new Snapshot(0, Map.of(), Map.of(), Set.of(), List.of());
    /** Tenants whose schema this node is migrating after start-up: shown as {@link Tenant.MigrationStatus#UPGRADING} here only. */
    private final Set<String> upgrading = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public TenantRegistry(PlatformDatabase database, PlatformConfiguration config,
                          io.micronaut.context.event.ApplicationEventPublisher<RegistryReloaded> reloaded) {
        this.database = database;
        this.config = config;
        this.reloaded = reloaded;
    }

    public Optional<Tenant> findByHost(String normalizedHost) {
        return Optional.ofNullable(snapshot.byHost().get(normalizedHost));
    }

    public Optional<Tenant> findByCode(String code) {
        return Optional.ofNullable(snapshot.byCode().get(code));
    }

    /** The database the tenant lives in as this node's registry has it now (newer than a {@link Tenant} held since before a move). */
    public String databaseOf(Tenant tenant) {
        return findByCode(tenant.code()).map(Tenant::database).orElse(tenant.database());
    }

    public Collection<Tenant> all() {
        return snapshot.byCode().values();
    }

    /** The base domain a tenant lives under: its root's {@code domain:}, or the configured base domain. */
    public String domainOf(Tenant tenant) {
        return tenant.domain() != null ? tenant.domain() : config.baseDomain();
    }

    /**
     * The host a tenant's own links use: {@code <abbrev>.<domain>} ({@code www.<domain>} for a root
     * labelled {@code www}); a root whose domain starts with its own label (Bình Định's
     * {@code skhcn.binhdinh.gov.vn}, abbreviation {@code skhcn}) is registered on the domain itself.
     */
    public String primaryHost(Tenant tenant) {
        String domain = domainOf(tenant);
        if (tenant.isMinistry() && tenant.domain() != null && domain.startsWith(tenant.abbreviation() + ".")) {
            return domain;
        }
        return tenant.abbreviation() + "." + domain;
    }

    /** The root domain whose status page {@code host} is ({@code status.<domain>}), if it is one. */
    public Optional<String> statusDomain(String host) {
        if (!host.startsWith("status.")) {
            return Optional.empty();
        }
        String domain = host.substring("status.".length());
        return snapshot.domains().contains(domain) ? Optional.of(domain) : Optional.empty();
    }


    /**
     * The tenant {@code code} as its row stands in {@code tx} (not this node's snapshot): for work that has
     * just written the row in the same transaction, such as onboarding, and needs the whole {@link Tenant}.
     */
    public Mono<Tenant> read(PlatformTx tx, String code) {
        return tx.one(SELECT + " WHERE t.code = $1", TenantRegistry::toTenant, code);
    }

    /**
     * From now on this node shows these tenants as upgrading (cached pages only, every other request 503, no job or
     * backup touches them) until {@link #upgraded} is called for each; the stored rows are left as they are.
     */
    public void upgrading(Collection<String> codes) {
        upgrading.addAll(codes);
        reinstall();
    }

    /** The tenant's schema upgrade is over (migrated or failed): this node shows its stored status again. */
    public void upgraded(String code) {
        if (upgrading.remove(code)) {
            reinstall();
        }
    }

    /** Whether this node is migrating the tenant's schema now ({@link TenantDatabase} refuses its transactions meanwhile). */
    public boolean isUpgrading(String code) {
        return upgrading.contains(code);
    }

    private void reinstall() {
        Snapshot current = snapshot;
        install(current.version(), current.loaded());
    }

    /** Reloads the registry now. */
    public Mono<Void> reload() {
        Mono<Long> version = database.mono(c -> c.one("SELECT version FROM platform.registry_version", r -> r.get(0, Long.class)));
        Mono<List<Tenant>> tenants = database.flux(c -> c.query(SELECT + " ORDER BY t.code", TenantRegistry::toTenant)).collectList();
        return Mono.zip(version, tenants).doOnNext(loaded -> install(loaded.getT1(), loaded.getT2()))
                .doOnNext(loaded -> reloaded.publishEvent(new RegistryReloaded(loaded.getT1()))).then();
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
     * Builds the host map. A root portal answers on its domain, on {@code www.<domain>} and on its
     * primary host; nobody else ever does (the database allows one root per domain; should two ever
     * be found, the domain stays with the one on {@code www}). {@code status.<domain>} and the operator
     * host belong to the platform. An alias never takes another tenant's primary host.
     */
    private synchronized void install(long version, List<Tenant> loaded) {
        List<Tenant> tenants = upgrading.isEmpty() ? loaded : loaded.stream()
                .map(t -> upgrading.contains(t.code()) ? t.withMigrationStatus(Tenant.MigrationStatus.UPGRADING) : t).toList();
        Map<String, Tenant> byHost = new HashMap<>();
        Map<String, Tenant> byCode = new LinkedHashMap<>();
        Map<String, List<Tenant>> rootsByDomain = new LinkedHashMap<>();
        Set<String> domains = new java.util.HashSet<>();
        domains.add(config.baseDomain());
        for (Tenant t : tenants) {
            byCode.put(t.code(), t);
            domains.add(domainOf(t));
            if (t.isMinistry()) {
                rootsByDomain.computeIfAbsent(domainOf(t), d -> new ArrayList<>()).add(t);
            }
        }
        Set<String> rootOnly = new java.util.HashSet<>();
        rootOnly.add(config.operatorHost());
        for (String domain : domains) {
            rootOnly.addAll(List.of(domain, "www." + domain, "status." + domain));
        }
        Set<Tenant> roots = new java.util.HashSet<>();
        rootsByDomain.forEach((domain, candidates) -> {
            Tenant root = root(domain, candidates);
            roots.add(root);
            byHost.put(domain, root);
            byHost.put("www." + domain, root);
            byHost.put(primaryHost(root), root);
        });
        for (Tenant t : tenants) {
            if (!roots.contains(t) && !rootOnly.contains(primaryHost(t))) {
                byHost.putIfAbsent(primaryHost(t), t);
            }
        }
        for (Tenant t : tenants) {
            t.aliases().stream()
                    .filter(alias -> !rootOnly.contains(alias))
                    .forEach(alias -> byHost.putIfAbsent(alias, t));
        }
        snapshot = new Snapshot(version, Map.copyOf(byHost), java.util.Collections.unmodifiableMap(byCode), Set.copyOf(domains),
                List.copyOf(loaded));
    }

    private Tenant root(String domain, List<Tenant> roots) {
        if (roots.size() > 1) {
            LOG.error("Several tenants without a parent on {} ({}): only the one on www.{} answers on {}",
                    domain, roots.stream().map(Tenant::code).toList(), domain, domain);
            return roots.stream().filter(t -> primaryHost(t).equals("www." + domain)).findFirst().orElse(roots.get(0));
        }
        return roots.get(0);
    }

    private static Tenant toTenant(Readable r) {
        String[] aliases = r.get("aliases", String[].class);
        return new Tenant(
                r.get("code", String.class), r.get("name_vi", String.class), r.get("name_en", String.class),
                r.get("abbreviation", String.class), r.get("parent_code", String.class), r.get("schema_name", String.class),
                r.get("theme", String.class), Tenant.TenantStatus.of(r.get("status", String.class)),
                r.get("status_notice", String.class), Tenant.MigrationStatus.of(r.get("migration_status", String.class)),
                r.get("content_version", Long.class), aliases == null ? List.of() : new ArrayList<>(List.of(aliases)),
                r.get("settings", String.class), r.get("domain", String.class), governingBody(r),
                new TenantLimits(r.get("request_limit_per_minute", Integer.class), r.get("media_limit_bytes", Long.class)),
                r.get("database_name", String.class), r.get("moving_to", String.class));
    }

    private static Tenant.GoverningBody governingBody(Readable r) {
        String vi = r.get("governing_body_vi", String.class);
        if (vi == null) {
            return null;
        }
        String en = r.get("governing_body_en", String.class);
        return new Tenant.GoverningBody(vi, en == null ? vi : en, r.get("governing_body_url", String.class));
    }

    /** {@code loaded}: the tenants as read from their rows, before this node's upgrading overlay. */
    private record Snapshot(long version, Map<String, Tenant> byHost, Map<String, Tenant> byCode, Set<String> domains,
                            List<Tenant> loaded) {
    }
}
