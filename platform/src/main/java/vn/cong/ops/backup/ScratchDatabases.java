package vn.cong.ops.backup;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.SchemaMigrations;
import vn.cong.tenancy.DatabaseExtensions;
import vn.cong.tenancy.SchemaNames;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Throw-away databases that verification and restores pg_restore into, so nothing half-restored ever
 * touches the platform's database. Blocking JDBC: {@code CREATE DATABASE} runs outside any transaction,
 * which the pooled R2DBC connections (always in one) cannot give.
 * <p>
 * Verifications borrow a database instead ({@link #borrow}, {@link #giveBack}): PostgreSQL 15 forces a checkpoint
 * for every {@code DROP DATABASE} (10 s on a busy server, measured), which made a scratch database per verification
 * the largest part of verifying a small tenant; so this node keeps its verification databases, each holding nothing
 * between two verifications (every schema but {@code public} and {@code extensions} dropped before it is lent
 * again), and drops them when it stops. A node killed with -9 leaves its idle ones behind ({@code cong_scratch_*}).
 */
@Singleton
class ScratchDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDatabases.class);

    private final DatabaseConfiguration db;
    private final java.util.concurrent.ConcurrentLinkedQueue<String> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The databases whose platform schema is migrated (it stays when a database is emptied). */
    private final java.util.Set<String> platformReady = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ScratchDatabases(DatabaseConfiguration db) {
        this.db = db;
    }

    /** A scratch database holding no tenant schema, kept by this node for verifications: give it back when done. */
    String borrow() throws SQLException {
        for (String name = idle.poll(); name != null; name = idle.poll()) {
            try {
                emptied(name);
                return name;
            } catch (SQLException e) {
                LOG.warn("Scratch database {} could not be emptied, dropped instead: {}", name, e.getMessage());
                drop(name);
            }
        }
        return create();
    }

    /** Takes back a borrowed database: emptied now, so that nothing restored stays in it while it waits. */
    void giveBack(String name) {
        try {
            emptied(name);
            idle.add(name);
        } catch (SQLException e) {
            LOG.warn("Scratch database {} could not be emptied, dropped instead: {}", name, e.getMessage());
            drop(name);
        }
    }

    /**
     * Drops every schema of the database but {@code public}, the shared {@code extensions} and the {@code platform}
     * schema a tenant schema's migrations may need ({@link #withPlatform}), which holds nothing a tenant wrote.
     */
    private void emptied(String name) throws SQLException {
        try (Connection c = db.openJdbc(name); var s = c.createStatement();
             var rs = s.executeQuery("""
                     SELECT nspname FROM pg_namespace
                     WHERE nspname NOT IN ('public', 'extensions', 'platform', 'information_schema') AND nspname NOT LIKE 'pg\\_%'""")) {
            List<String> schemas = new ArrayList<>();
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
            for (String schema : schemas) {
                try (var drop = c.createStatement()) {
                    drop.execute("DROP SCHEMA " + SchemaNames.quoted(schema) + " CASCADE");
                }
            }
        }
    }

    /** This node stops: its idle verification databases go. */
    @PreDestroy
    void dropIdle() {
        for (String name = idle.poll(); name != null; name = idle.poll()) {
            drop(name);
        }
    }

    /** Creates a new, empty scratch database and gives its name ({@code cong_scratch_<random>}). */
    String create() throws SQLException {
        String name = "cong_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = db.openJdbc("postgres"); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        // a tenant schema's search columns call functions of the shared extensions schema (platform V100)
        try (Connection c = db.openJdbc(name)) {
            DatabaseExtensions.install(c);
        }
        return name;
    }

    /**
     * The database's JDBC settings, with the platform schema migrated in it (once per database this node keeps): the
     * tenant migrations that a schema is built with refer to it (the notification outbox).
     */
    DatabaseConfiguration withPlatform(String name, SchemaMigrations migrations) {
        DatabaseConfiguration scratch = new DatabaseConfiguration(db.host(), db.port(), name, db.user(), db.password(), false);
        if (platformReady.add(name)) {
            try {
                migrations.migratePlatform(scratch);
            } catch (RuntimeException e) {
                platformReady.remove(name);
                throw e;
            }
        }
        return scratch;
    }

    /** A connection to a scratch database (to measure or rename what was restored there). */
    Connection open(String name) throws SQLException {
        return db.openJdbc(name);
    }

    void drop(String name) {
        platformReady.remove(name);
        try (Connection c = db.openJdbc("postgres"); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            LOG.warn("Could not drop scratch database {}: {}", name, e.getMessage());
        }
    }
}
