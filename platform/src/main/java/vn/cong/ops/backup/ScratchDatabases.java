package vn.cong.ops.backup;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.DatabaseExtensions;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Throw-away databases that verification and restores pg_restore into, so nothing half-restored ever
 * touches the platform's database. Blocking JDBC: {@code CREATE DATABASE} runs outside any transaction,
 * which the pooled R2DBC connections (always in one) cannot give.
 */
@Singleton
class ScratchDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDatabases.class);

    private final DatabaseConfiguration db;

    ScratchDatabases(DatabaseConfiguration db) {
        this.db = db;
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

    /** A connection to a scratch database (to measure or rename what was restored there). */
    Connection open(String name) throws SQLException {
        return db.openJdbc(name);
    }

    void drop(String name) {
        try (Connection c = db.openJdbc("postgres"); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            LOG.warn("Could not drop scratch database {}: {}", name, e.getMessage());
        }
    }
}
