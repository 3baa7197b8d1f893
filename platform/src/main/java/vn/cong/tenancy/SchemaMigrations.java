package vn.cong.tenancy;

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

    private final DatabaseConfiguration db;

    public SchemaMigrations(DatabaseConfiguration db) {
        this.db = db;
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
        MigrateResult result = flyway(schema, "classpath:db/tenant").migrate();
        LOG.info("Tenant schema {} at version {} ({} migrations applied)", schema, result.targetSchemaVersion, result.migrationsExecuted);
        return result;
    }

    /** The newest version among the tenant migrations this build carries. */
    public MigrationVersion newestTenantMigration() {
        MigrationVersion newest = MigrationVersion.EMPTY;
        for (var info : flyway("t_version_probe", "classpath:db/tenant").info().all()) {
            if (info.getVersion() != null && info.getVersion().compareTo(newest) > 0) {
                newest = info.getVersion();
            }
        }
        return newest;
    }

    /**
     * The version each schema's history last reached (absent: never migrated), read over one
     * connection: at start-up only the schemas behind go through Flyway.
     */
    public java.util.Map<String, MigrationVersion> appliedVersions(java.util.Collection<String> schemas) {
        java.util.Map<String, MigrationVersion> applied = new java.util.HashMap<>();
        try (var c = db.openJdbc(db.name())) {
            for (String schema : schemas) {
                try (var check = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                    check.setString(1, schema + ".flyway_schema_history");
                    var rs = check.executeQuery();
                    if (!rs.next() || !rs.getBoolean(1)) {
                        continue;
                    }
                }
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT version FROM " + SchemaNames.qualified(schema, "flyway_schema_history")
                        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                    if (rs.next()) {
                        applied.put(schema, MigrationVersion.fromVersion(rs.getString(1)));
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warn("Cannot read applied tenant versions, migrating every schema: {}", e.getMessage());
        }
        return applied;
    }

    /** Which of these schemas are in the database now (one query). */
    public java.util.Set<String> existingSchemas(java.util.Collection<String> schemas) {
        try (var c = db.openJdbc(db.name());
             var check = c.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname = ANY (?)")) {
            check.setArray(1, c.createArrayOf("text", schemas.toArray()));
            var rs = check.executeQuery();
            java.util.Set<String> found = new java.util.HashSet<>();
            while (rs.next()) {
                found.add(rs.getString(1));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list tenant schemas: " + e.getMessage(), e);
        }
    }

    /** Whether the schema is in the database now. */
    public boolean schemaExists(String schema) {
        try (var c = db.openJdbc(db.name());
             var check = c.prepareStatement("SELECT to_regnamespace(?) IS NOT NULL")) {
            check.setString(1, schema);
            var rs = check.executeQuery();
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check schema " + schema + ": " + e.getMessage(), e);
        }
    }

    public String latestTenantVersion(String schema) {
        var current = flyway(schema, "classpath:db/tenant").info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    private Flyway flyway(String schema, String location) {
        return Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(location)
                .load();
    }
}
