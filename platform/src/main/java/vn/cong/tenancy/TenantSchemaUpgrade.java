package vn.cong.tenancy;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * At start-up: migrates the platform schema, then every tenant schema that is behind. A tenant whose
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

    public TenantSchemaUpgrade(SchemaMigrations migrations, PlatformDatabase platform, TenantRegistry registry,
                               LostSchemas lostSchemas, PublicChanges changes) {
        this.migrations = migrations;
        this.platform = platform;
        this.registry = registry;
        this.lostSchemas = lostSchemas;
        this.changes = changes;
    }

    /** What a start-up check did. */
    public record Summary(int tenants, int migrated, int failed, int missing) {
    }

    /** Blocking: for start-up and the CLI only. */
    public Summary upgradeAll() {
        migrations.ensureDatabase();
        migrations.migratePlatform();
        registry.reload().block();
        int failed = 0;
        int migrated = 0;
        int missing = 0;
        var newest = migrations.newestTenantMigration();
        List<String> schemas = registry.all().stream().map(Tenant::schema).toList();
        var applied = migrations.appliedVersions(schemas);
        Set<String> present = migrations.existingSchemas(schemas);
        Set<String> migratedBefore = new HashSet<>(platform.flux(c -> c.query("SELECT code FROM platform.tenants WHERE schema_migrated_at IS NOT NULL", r -> r.get(0, String.class))).collectList().block());
        for (Tenant tenant : registry.all()) {
            if (!present.contains(tenant.schema())) {
                if (migratedBefore.contains(tenant.code())) {
                    missing++;
                    lostSchemas.markMissing(tenant.code(), tenant.schema(), "khởi động nền tảng").block();
                } else {
                    LOG.warn("Tenant {}: schema {} was never created; apply its manifest to onboard it", tenant.code(), tenant.schema());
                }
                continue;
            }
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
        LOG.info("Tenant schemas checked: {} tenants, {} migrated, {} failed, {} missing", registry.all().size(), migrated, failed, missing);
        return new Summary(registry.all().size(), migrated, failed, missing);
    }

    private Mono<Long> record(String code, String error) {
        return platform.mono(c -> c.update("""
                        UPDATE platform.tenants SET migration_status = $2, migration_error = $3,
                            schema_migrated_at = CASE WHEN $2 = 'ok' THEN coalesce(schema_migrated_at, now()) ELSE schema_migrated_at END
                        WHERE code = $1""",
                code, error == null ? "ok" : "failed", Sql.orNull(error, String.class)));
    }
}
