package vn.cong.tenancy;

import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.DriverManager;
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
        try (var c = DriverManager.getConnection(db.jdbcUrl("postgres"), db.user(), db.password());
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

    /** Migrates one tenant schema, creating it if needed; idempotent. */
    public MigrateResult migrateTenant(String schema) {
        MigrateResult result = flyway(schema, "classpath:db/tenant").migrate();
        LOG.info("Tenant schema {} at version {} ({} migrations applied)", schema, result.targetSchemaVersion, result.migrationsExecuted);
        return result;
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
