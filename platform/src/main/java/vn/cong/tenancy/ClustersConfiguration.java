package vn.cong.tenancy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The PostgreSQL clusters tenants may live on besides the platform's own database ({@code platform.database_clusters}).
 *
 * @param defaultForNewTenants where a new tenant goes when the operator names no cluster: a cluster's name, or
 *                             {@code fewest} for the cluster accepting new tenants that holds the fewest
 * @param poolMaxSize          tenant connections per node to each database, the platform's own included (its platform work
 *                             keeps r2dbc's default datasource)
 * @param connectionGroups     groups those connections are split into (at most one a connection, the default); a
 *                             tenant is served from its own group ({@link ConnectionGroups}); 1: every connection serves
 *                             every tenant
 * @param planCacheMode        PostgreSQL's {@code plan_cache_mode} on tenant connections: {@code auto} (PostgreSQL's
 *                             default: a prepared statement's first five runs on a connection get a plan of their own),
 *                             {@code force_generic_plan} (planned once per connection) or {@code force_custom_plan}
 * @param declared             clusters registered at start-up when missing: name → {@code user@host:port/database}
 * @param passwords            name → password of a cluster's user (never stored in the database); empty: none
 * @param oldCopyGrace         how long a moved tenant's old schema stays under its name (read-only) before it is renamed
 *                             away, so that nodes still on the old registry read it rather than find it gone
 * @param dropOldCopy          drop the old schema after a move instead of keeping it renamed
 * @param writerWait           how long a move waits, once the schema is frozen, for transactions begun before to end
 * @param upgradeThreads       tenant schemas migrated at once at start-up when a release brings a tenant migration
 *                             ({@link TenantSchemaUpgrade}); the work is PostgreSQL's DDL, so about its cores
 * @param upgradeWhileServing  start serving the tenants that are current at once and migrate the schemas behind afterwards
 *                             (each answers from the page cache only, or 503, until its own is done; {@code /health}
 *                             says DOWN meanwhile, {@code /health/liveness} UP); false: migrate them all before serving
 */
@ConfigurationProperties("cong.clusters")
public record ClustersConfiguration(
        @Bindable(defaultValue = "default") String defaultForNewTenants,
        @Bindable(defaultValue = "10") int poolMaxSize,
        @Bindable(defaultValue = "10") int connectionGroups,
        @Bindable(defaultValue = "auto") String planCacheMode,
        @Nullable Map<String, String> declared,
        @Nullable Map<String, String> passwords,
        @Bindable(defaultValue = "5s") Duration oldCopyGrace,
        @Bindable(defaultValue = "false") boolean dropOldCopy,
        @Bindable(defaultValue = "20s") Duration writerWait,
        @Bindable(defaultValue = "4") int upgradeThreads,
        @Bindable(defaultValue = "true") boolean upgradeWhileServing) {

    private static final Set<String> PLAN_CACHE_MODES = Set.of("auto", "force_generic_plan", "force_custom_plan");

    public ClustersConfiguration {
        if (!PLAN_CACHE_MODES.contains(planCacheMode)) {
            throw new IllegalArgumentException("cong.clusters.plan-cache-mode must be one of " + PLAN_CACHE_MODES + ", not " + planCacheMode);
        }
        if (upgradeThreads < 1) {
            throw new IllegalArgumentException("cong.clusters.upgrade-threads must be at least 1, not " + upgradeThreads);
        }
        declared = declared == null ? Map.of() : Map.copyOf(declared);
        passwords = passwords == null ? Map.of() : Map.copyOf(passwords);
    }

    String password(String cluster) {
        return passwords.getOrDefault(cluster, "");
    }
}
