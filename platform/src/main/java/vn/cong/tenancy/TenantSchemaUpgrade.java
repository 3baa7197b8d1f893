package vn.cong.tenancy;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

/**
 * At start-up: migrates the platform schema, then every tenant schema. A tenant whose migration
 * fails is marked failed (its hosts answer 503) and the others keep serving.
 */
@Singleton
public class TenantSchemaUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(TenantSchemaUpgrade.class);

    private final SchemaMigrations migrations;
    private final PlatformDatabase platform;
    private final TenantRegistry registry;
    private final PublicChanges changes;

    public TenantSchemaUpgrade(SchemaMigrations migrations, PlatformDatabase platform, TenantRegistry registry, PublicChanges changes) {
        this.migrations = migrations;
        this.platform = platform;
        this.registry = registry;
        this.changes = changes;
    }

    /** What a start-up check did. */
    public record Summary(int tenants, int migrated, int failed) {
    }

    /** Blocking: for start-up and the CLI only. */
    public Summary upgradeAll() {
        migrations.ensureDatabase();
        migrations.migratePlatform();
        registry.reload().block();
        int failed = 0;
        int migrated = 0;
        var newest = migrations.newestTenantMigration();
        var applied = migrations.appliedVersions(registry.all().stream().map(Tenant::schema).toList());
        for (Tenant tenant : registry.all()) {
            var at = applied.get(tenant.schema());
            if (at != null && at.compareTo(newest) >= 0 && tenant.migrationStatus() == Tenant.MigrationStatus.OK) {
                continue; // already current: no Flyway run, start-up stays fast with hundreds of tenants
            }
            migrated++;
            String error = null;
            try {
                migrations.migrateTenant(tenant.schema());
            } catch (RuntimeException e) {
                error = e.getMessage();
                failed++;
                LOG.error("Tenant {}: schema migration failed; its portal answers 503 until fixed", tenant.code(), e);
            }
            record(tenant.code(), error).block();
        }
        changes.refreshEveryNode().block();
        LOG.info("Tenant schemas checked: {} tenants, {} migrated, {} failed", registry.all().size(), migrated, failed);
        return new Summary(registry.all().size(), migrated, failed);
    }

    private Mono<Long> record(String code, String error) {
        return platform.mono(c -> Sql.update(c,
                "UPDATE platform.tenants SET migration_status = $2, migration_error = $3 WHERE code = $1",
                code, error == null ? "ok" : "failed", Sql.orNull(error, String.class)));
    }
}
