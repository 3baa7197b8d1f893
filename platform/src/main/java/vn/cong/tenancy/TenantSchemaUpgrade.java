package vn.cong.tenancy;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At start-up: migrates the platform schema, then every tenant schema that is behind, found with one query
 * over all tenant schemas (no Flyway run for a schema that is current), by default while the node already serves the
 * tenants that are current ({@link #startUp()}). A tenant whose
 * migration fails is marked failed (its hosts answer 503) and the others keep serving. A schema that
 * was migrated once and is gone is marked missing, never re-created empty: only onboarding creates a
 * schema, and a lost one comes back from a backup.
 */
@Singleton
public class TenantSchemaUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(TenantSchemaUpgrade.class);

    private final SchemaMigrations migrations;
    private final PlatformDatabase platform;
    private final TenantRegistry registry;
    private final LostSchemas lostSchemas;
    private final PublicChanges changes;
    private final DatabaseClusters clusters;
    private final ClusterLinks links;

    private final io.micronaut.context.event.ApplicationEventPublisher<SchemasUpgrading> upgradingEvents;

    public TenantSchemaUpgrade(SchemaMigrations migrations, PlatformDatabase platform, TenantRegistry registry,
                               LostSchemas lostSchemas, PublicChanges changes, DatabaseClusters clusters, ClusterLinks links,
                               io.micronaut.context.event.ApplicationEventPublisher<SchemasUpgrading> upgradingEvents) {
        this.upgradingEvents = upgradingEvents;
        this.clusters = clusters;
        this.links = links;
        this.migrations = migrations;
        this.platform = platform;
        this.registry = registry;
        this.lostSchemas = lostSchemas;
        this.changes = changes;
    }

    /** What a start-up check did. */
    public record Summary(int tenants, int migrated, int failed, int missing) {
    }

    /** Tenants whose schema this node is migrating after start-up now (0 once all are done): {@code /health} is DOWN meanwhile. */
    private final AtomicInteger upgrading = new AtomicInteger();

    /** Blocking: every schema behind is migrated before this returns (the CLI, and start-up when upgrading before serving). */
    public Summary upgradeAll() {
        Check check = check();
        int failed = migrateAll(check.behind());
        return finish(check, failed, List.of());
    }

    /**
     * At start-up: the platform schema is migrated and every schema checked before this returns; with
     * {@code cong.clusters.upgrade-while-serving} (the default) the schemas behind are then migrated on the upgrade
     * threads while the node already serves the others: until its own migration is over, a tenant behind is
     * {@link Tenant.MigrationStatus#UPGRADING} on this node (cached pages only, every other request the upgrade notice,
     * no job or backup, its transactions refused). Without it, as {@link #upgradeAll()}. The future completes with
     * the summary once every schema is done.
     */
    public CompletableFuture<Summary> startUp() {
        CompletableFuture<Summary> done = upgradeAtStartUp();
        startedUp = done;
        return done;
    }

    /** Completes when the schemas behind at start-up are all migrated (at once when none was, or before serving). */
    public Mono<Void> schemasCurrent() {
        return Mono.fromFuture(startedUp).then();
    }

    private volatile CompletableFuture<Summary> startedUp = CompletableFuture.completedFuture(null);

    private CompletableFuture<Summary> upgradeAtStartUp() {
        if (!clusters.configuration().upgradeWhileServing()) {
            return CompletableFuture.completedFuture(upgradeAll());
        }
        Check check = check();
        List<Tenant> behind = check.behind();
        if (behind.isEmpty()) {
            return CompletableFuture.completedFuture(finish(check, 0, List.of()));
        }
        upgrading.set(behind.size());
        registry.upgrading(behind.stream().map(Tenant::code).toList());
        upgradingEvents.publishEvent(new SchemasUpgrading(behind.stream().map(Tenant::code).collect(java.util.stream.Collectors.toSet())));
        LOG.info("Tenant schemas: {} of {} behind this release are migrated while the node serves the others ({} at a time)",
                behind.size(), registry.all().size(), Math.min(clusters.configuration().upgradeThreads(), behind.size()));
        return CompletableFuture.supplyAsync(() -> {
            try {
                int failed = migrateAll(behind);
                return finish(check, failed, rootsOf(behind));
            } catch (RuntimeException e) {
                // the portals not reached stay "upgrading" here (cached pages, the notice), never served by code newer
                // than their tables; /health stays DOWN, so the node is seen and restarted, and the next start goes on
                LOG.error("ALERT tenant schema upgrade stopped with {} portals still behind on this node; restart it to go on",
                        upgrading.get(), e);
                throw e;
            }
        }, task -> {
            Thread coordinator = new Thread(task, "tenant-upgrade");
            coordinator.setDaemon(true);
            coordinator.start();
        });
    }

    /** How many tenants this node is still migrating after start-up. */
    public int upgrading() {
        return upgrading.get();
    }

    /** What the start-up check found: the schemas to migrate, and how many were missing (marked). */
    private record Check(long started, List<Tenant> behind, int missing) {
    }

    private Check check() {
        long started = System.nanoTime();
        migrations.ensureDatabase();
        migrations.migratePlatform();
        registry.reload().block();
        clusters.registerDeclared().block();
        int missing = 0;
        MigrationVersion newest = migrations.newestTenantMigration();
        int files = migrations.tenantMigrationCount();
        // one query per database: the platform's own, then each cluster that holds tenants (linked again first
        // when the platform schema moved on since it was last prepared)
        Map<String, SchemaState> states = new java.util.HashMap<>(platform.flux(c -> schemaStates(c, Tenant.DEFAULT_DATABASE))
                .collectMap(SchemaState::code).block());
        String platformVersion = migrations.platformVersion();
        java.util.Set<String> unreachable = new java.util.HashSet<>();
        for (String cluster : registry.all().stream().map(Tenant::database).filter(d -> !Tenant.DEFAULT_DATABASE.equals(d))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new))) {
            try {
                links.prepareIfStale(cluster, platformVersion);
                states.putAll(platform.inTransaction(PlatformDatabase.outage(clusters.connection(cluster)), c -> schemaStates(c, cluster))
                        .collectMap(SchemaState::code).block());
            } catch (RuntimeException e) {
                unreachable.add(cluster);
                LOG.error("Database cluster {} cannot be checked at start-up; its tenants answer 503 until it is back: {}", cluster, e.getMessage());
            }
        }
        List<Tenant> behind = new ArrayList<>();
        for (Tenant tenant : registry.all()) {
            if (unreachable.contains(tenant.database())) {
                continue; // not lost: unreachable; requests answer 503 and the next start-up checks again
            }
            SchemaState state = states.get(tenant.code());
            if (state == null || !state.present()) {
                if (state != null && state.migratedBefore()) {
                    missing++;
                    lostSchemas.markMissing(tenant.code(), tenant.schema(), "khởi động nền tảng").block();
                } else {
                    LOG.warn("Tenant {}: schema {} was never created; apply its manifest to onboard it", tenant.code(), tenant.schema());
                }
                continue;
            }
            if (state.isCurrent(newest, files) && tenant.migrationStatus() == Tenant.MigrationStatus.OK) {
                continue; // already current: no Flyway run, start-up stays fast with thousands of tenants
            }
            behind.add(tenant);
        }
        // roots first: a ministry's portal is its most read, and the first its readers miss while it is upgraded
        behind.sort(java.util.Comparator.comparing((Tenant t) -> !t.isMinistry()));
        return new Check(started, List.copyOf(behind), missing);
    }

    /**
     * The roots of tenants upgraded while serving: their pages drawn meanwhile left those members out (its "news from
     * the units", ministry-wide lists only count serving members).
     */
    private static List<String> rootsOf(List<Tenant> upgraded) {
        return upgraded.stream().map(Tenant::parentCode).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** Every node reloads the registry, once; the pages of {@code redraw} (roots) are drawn afresh as well. */
    private Summary finish(Check check, int failed, List<String> redraw) {
        changes.inPlatform((tx, change) -> redraw.isEmpty() ? change.registry() : change.pagesOf(false, redraw).then()).block();
        LOG.info("Tenant schemas checked: {} tenants, {} migrated, {} failed, {} missing, in {} ms (platform schema included)",
                registry.all().size(), check.behind().size(), failed, check.missing(), (System.nanoTime() - check.started()) / 1_000_000);
        return new Summary(registry.all().size(), check.behind().size(), failed, check.missing());
    }

    /**
     * Migrates the schemas behind, {@code cong.clusters.upgrade-threads} at a time (each its own Flyway run and JDBC
     * connection; PostgreSQL takes DDL in different schemas side by side), and records each outcome; a failure marks
     * its tenant and stops no other. Returns how many failed. With thousands of tenants a release that brings a tenant
     * migration takes minutes here (README "Start-up with many tenants").
     */
    private int migrateAll(List<Tenant> behind) {
        if (behind.isEmpty()) {
            return 0;
        }
        int threads = Math.min(clusters.configuration().upgradeThreads(), behind.size());
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "tenant-upgrade-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>(behind.size());
            for (Tenant tenant : behind) {
                outcomes.add(pool.submit(() -> migrate(tenant)));
            }
            int failed = 0;
            for (Future<Boolean> outcome : outcomes) {
                if (!outcome.get()) {
                    failed++;
                }
            }
            return failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while migrating tenant schemas", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Recording a tenant schema migration failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One schema behind brought to the current version; false when its migration failed (its tenant is marked). */
    private boolean migrate(Tenant tenant) {
        String error = null;
        try {
            migrations.migrateTenant(clusters.jdbc(tenant.database()), tenant.schema());
        } catch (RuntimeException e) {
            error = e.getMessage();
            LOG.error("Tenant {}: schema migration failed; its portal answers 503 until fixed", tenant.code(), e);
        }
        try {
            record(tenant.code(), error).block();
        } finally {
            if (registry.isUpgrading(tenant.code())) { // migrated while serving: this node shows the stored status again
                upgraded(tenant.code(), error != null);
            }
        }
        return error == null;
    }

    private void upgraded(String code, boolean failed) {
        try {
            if (failed) {
                registry.reload().block(); // its row now says "failed": its portal answers the 503 notice from here on
            }
        } finally {
            registry.upgraded(code);
            upgrading.decrementAndGet();
        }
    }

    /**
     * One tenant's schema as the version query found it; {@code version} null: no readable history. {@code applied}
     * counts its successful versioned migrations, so a file that landed with a lower number than one already applied
     * (merged out of order) still makes the schema "behind" rather than being skipped for ever.
     */
    record SchemaState(String code, boolean present, boolean migratedBefore, @Nullable String version, long applied) {

        boolean isCurrent(MigrationVersion newest, int files) {
            return version != null && MigrationVersion.fromVersion(version).compareTo(newest) >= 0 && applied >= files;
        }
    }

    /**
     * Every tenant's schema in one query: whether it exists, whether it was migrated before, and the highest version
     * its {@code flyway_schema_history} reached (not the last applied: a migration merged out of order is applied after
     * newer ones, and a schema whose last row was that one was taken for behind and got a Flyway run at every start). The history tables are read inside the server
     * ({@code query_to_xml} runs a query per schema and hands back its row) so that 2,000 schemas cost one round
     * trip rather than 2,000; a schema without a history, or one the platform's role can no longer read, gives a
     * null version (Flyway then runs for it and reports what is wrong) instead of failing the whole query.
     */
    private Flux<SchemaState> schemaStates(Transaction c, String database) {
        return schemaStates(c.connection(), database);
    }

    private Flux<SchemaState> schemaStates(io.r2dbc.spi.Connection c, String database) {
        return Sql.query(c, """
                        SELECT s.code, s.present, s.migrated_before,
                               (xpath('/row/version/text()', s.history))[1]::text AS version,
                               coalesce((xpath('/row/applied/text()', s.history))[1]::text::bigint, 0) AS applied
                        FROM (SELECT t.code, n.oid IS NOT NULL AS present, t.schema_migrated_at IS NOT NULL AS migrated_before,
                                     CASE WHEN n.oid IS NOT NULL AND has_schema_privilege(n.oid, 'USAGE')
                                           AND to_regclass(format('%I.flyway_schema_history', t.schema_name)) IS NOT NULL
                                           AND has_table_privilege(to_regclass(format('%I.flyway_schema_history', t.schema_name)), 'SELECT')
                                         THEN query_to_xml(format(
                                              'SELECT (SELECT version FROM %1$I.flyway_schema_history WHERE success AND version IS NOT NULL'
                                              ' ORDER BY string_to_array(version, ''.'')::numeric[] DESC LIMIT 1) AS version,'
                                              ' (SELECT count(*) FROM %1$I.flyway_schema_history WHERE success AND version IS NOT NULL) AS applied',
                                              t.schema_name), false, true, '')
                                     END AS history
                              FROM platform.tenants t LEFT JOIN pg_namespace n ON n.nspname = t.schema_name
                              WHERE t.database_name = $1) s""",
                r -> new SchemaState(r.get("code", String.class), Boolean.TRUE.equals(r.get("present", Boolean.class)),
                        Boolean.TRUE.equals(r.get("migrated_before", Boolean.class)), r.get("version", String.class),
                        r.get("applied", Long.class)), database);
    }

    private Mono<Long> record(String code, String error) {
        return platform.mono(c -> c.update("""
                        UPDATE platform.tenants SET migration_status = $2, migration_error = $3,
                            schema_migrated_at = CASE WHEN $2 = 'ok' THEN coalesce(schema_migrated_at, now()) ELSE schema_migrated_at END
                        WHERE code = $1""",
                code, error == null ? "ok" : "failed", Sql.orNull(error, String.class)));
    }
}
