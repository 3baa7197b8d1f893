package vn.cong.tenancy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * Flyway for the platform schema ({@code migrations/platform}) and for each tenant schema
 * ({@code migrations/tenant}). Blocking JDBC: call from start-up, the CLI or a blocking executor.
 */
@Singleton
public class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private static final MigrationFiles TENANT_MIGRATIONS = new MigrationFiles("db/tenant");

    private final DatabaseConfiguration db;
    /** {@code cong_tenant_schema_flyway_runs_total}: how often Flyway ran for a tenant schema (onboarding, start-up, restores). */
    @Nullable
    private final Counter flywayRuns;

    public SchemaMigrations(DatabaseConfiguration db, @Nullable MeterRegistry meters) {
        this.db = db;
        this.flywayRuns = meters == null ? null : Counter.builder("cong.tenant.schema.flyway.runs")
                .description("Flyway runs for tenant schemas").register(meters);
    }

    /** Creates the database when it does not exist yet (a fresh machine), if configured to. */
    public void ensureDatabase() {
        if (!db.createIfMissing()) {
            return;
        }
        try (var c = db.openJdbc("postgres");
             var check = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            check.setString(1, db.name());
            if (!check.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("CREATE DATABASE \"" + db.name().replace("\"", "") + "\" ENCODING 'UTF8' TEMPLATE template0");
                }
                LOG.info("Created database {}", db.name());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + db.host() + ":" + db.port()
                    + " to check database " + db.name() + ": " + e.getMessage(), e);
        }
    }

    public MigrateResult migratePlatform() {
        return flyway("platform", "classpath:db/platform").migrate();
    }

    /**
     * Migrates one tenant schema, creating it if needed; idempotent. Creating is for onboarding (a
     * schema that never existed) and restores: start-up never calls this for a schema that is gone.
     */
    public MigrateResult migrateTenant(String schema) {
        return migrateTenant(db, schema);
    }

    /** The same, in the database {@code where} ({@link DatabaseClusters#jdbc}: the tenant's cluster). */
    public MigrateResult migrateTenant(DatabaseConfiguration where, String schema) {
        if (flywayRuns != null) {
            flywayRuns.increment();
        }
        MigrateResult result = flyway(where, schema, "classpath:db/tenant").migrate();
        LOG.info("Tenant schema {} at version {} ({} migrations applied)", schema, result.targetSchemaVersion, result.migrationsExecuted);
        // a new or restored schema adds ~300 catalogue rows: the next Flyway run and the start-up query are planned from them
        CatalogStatistics.refreshStale(where);
        return result;
    }

    /**
     * Migrates one tenant schema in {@code where}, creating it if needed, up to {@code version} only: a restore of a
     * backup that holds the rows alone builds the tables as they were when it was taken, loads them, then migrates on.
     */
    public MigrateResult migrateTenantTo(DatabaseConfiguration where, String schema, String version) {
        if (flywayRuns != null) {
            flywayRuns.increment();
        }
        MigrateResult result = Flyway.configure().configuration(flyway(where, schema, "classpath:db/tenant").getConfiguration())
                .target(MigrationVersion.fromVersion(version)).load().migrate();
        LOG.info("Tenant schema {} at version {} ({} migrations applied, stopped at {})", schema, result.targetSchemaVersion,
                result.migrationsExecuted, version);
        CatalogStatistics.refreshStale(where);
        return result;
    }

    /**
     * How many of this build's tenant migrations are at or below {@code version}: a schema whose newest migration is
     * {@code version} and that applied fewer skipped one (merged late, still pending), and migrations up to that
     * version would not build it as it is.
     */
    public int tenantMigrationsUpTo(String version) {
        return TENANT_MIGRATIONS.countUpTo(MigrationVersion.fromVersion(version));
    }

    /** Migrates the platform schema of another database ({@code where}), e.g. a scratch database a tenant schema is built in. */
    public MigrateResult migratePlatform(DatabaseConfiguration where) {
        return flyway(where, "platform", "classpath:db/platform").migrate();
    }

    /**
     * The newest version among the tenant migrations this build carries, read from the file names on the
     * class path ({@code V<version>__<description>.sql}, Flyway's own naming): no database, no Flyway run.
     */
    public MigrationVersion newestTenantMigration() {
        return TENANT_MIGRATIONS.newest();
    }

    /** How many versioned tenant migrations this build carries: a schema that applied fewer missed one. */
    public int tenantMigrationCount() {
        return TENANT_MIGRATIONS.count();
    }

    /** Whether the schema is in the database now. */
    public boolean schemaExists(String schema) {
        return schemaExists(db, schema);
    }

    public boolean schemaExists(DatabaseConfiguration where, String schema) {
        try (var c = where.openJdbc(where.name());
             var check = c.prepareStatement("SELECT to_regnamespace(?) IS NOT NULL")) {
            check.setString(1, schema);
            var rs = check.executeQuery();
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /** The version the platform schema is at now ("none" before its first migration). */
    public String platformVersion() {
        var current = flyway("platform", "classpath:db/platform").info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    public String latestTenantVersion(String schema) {
        var current = flyway(schema, "classpath:db/tenant").info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    private Flyway flyway(String schema, String location) {
        return flyway(db, schema, location);
    }

    private Flyway flyway(DatabaseConfiguration where, String schema, String location) {
        return Flyway.configure()
                .dataSource(where.jdbcUrl(), where.user(), where.password())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(location)
                // a migration merged after a newer one was deployed still reaches every schema (start-up finds such a
                // schema by its count of applied migrations), instead of being skipped or failing validation
                .outOfOrder(true)
                .group(true)
                .load();
    }
}
