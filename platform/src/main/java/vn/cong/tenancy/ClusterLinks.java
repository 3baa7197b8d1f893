package vn.cong.tenancy;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a cluster's database ready to hold tenant schemas (blocking JDBC: start-up, the CLI, the move's executor):
 * the database itself, the shared {@code extensions} schema, {@code cluster_local.frozen_schemas}, and a
 * {@code platform} schema of postgres_fdw foreign tables onto the platform's own database. Idempotent; run again
 * after every platform migration (start-up does), since it re-imports the platform's tables as they are now.
 * <p>
 * postgres_fdw sends every column of an insert, so a column the platform fills from a sequence gets a local
 * default that takes the next value of that very sequence (through a one-row view {@code cluster_link.next_*} in
 * the platform's database); other defaults are copied as they are.
 */
@Singleton
public class ClusterLinks {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLinks.class);
    private static final String SERVER = "cong_platform";

    private final DatabaseClusters clusters;
    private final DatabaseConfiguration platform;

    public ClusterLinks(DatabaseClusters clusters, DatabaseConfiguration platform) {
        this.clusters = clusters;
        this.platform = platform;
    }

    private record Sequenced(String table, String column, String sequence) {
        String view() {
            return "next_" + table + "__" + column;
        }
    }

    private record Defaulted(String table, String column, String expression) {
    }

    /**
     * Prepares the cluster unless it was prepared for this very platform version already (the version is kept as
     * the comment of its {@code platform} schema): start-up re-links only after a platform migration.
     */
    public void prepareIfStale(String name, String platformVersion) {
        if (Tenant.DEFAULT_DATABASE.equals(name)) {
            return;
        }
        DatabaseConfiguration target = clusters.jdbc(name);
        try (Connection c = target.openJdbc(target.name()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT obj_description(to_regnamespace('platform'), 'pg_namespace')")) {
            if (rs.next() && marker(platformVersion).equals(rs.getString(1))) {
                return;
            }
        } catch (SQLException e) {
            // no database yet, or unreachable: prepare says which
        }
        prepare(name, platformVersion);
    }

    private static String marker(String platformVersion) {
        return "cong platform " + platformVersion;
    }

    /** Prepares the database of cluster {@code name}; nothing to do for {@code default}. */
    public void prepare(String name, String platformVersion) {
        if (Tenant.DEFAULT_DATABASE.equals(name)) {
            return;
        }
        DatabaseConfiguration target = clusters.jdbc(name);
        long started = System.nanoTime();
        try {
            ensureDatabase(target);
            List<Sequenced> sequenced = new ArrayList<>();
            List<Defaulted> defaulted = new ArrayList<>();
            try (Connection home = platform.openJdbc(platform.name())) {
                readDefaults(home, sequenced, defaulted);
                try (Statement s = home.createStatement()) {
                    s.execute("CREATE SCHEMA IF NOT EXISTS cluster_link");
                    for (Sequenced q : sequenced) {
                        s.execute("CREATE OR REPLACE VIEW cluster_link." + SchemaNames.quoted(q.view())
                                + " AS SELECT nextval(" + literal(q.sequence()) + "::regclass) AS v");
                    }
                }
            }
            try (Connection c = target.openJdbc(target.name())) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA IF NOT EXISTS cluster_local");
                    s.execute("""
                            CREATE TABLE IF NOT EXISTS cluster_local.frozen_schemas (
                                schema_name text PRIMARY KEY, reason text NOT NULL, since timestamptz NOT NULL DEFAULT now())""");
                    s.execute("CREATE EXTENSION IF NOT EXISTS postgres_fdw WITH SCHEMA cluster_local");
                    s.execute("DROP SERVER IF EXISTS " + SERVER + " CASCADE");
                    s.execute("CREATE SERVER " + SERVER + " FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host " + literal(platform.host())
                            + ", port " + literal(Integer.toString(platform.port())) + ", dbname " + literal(platform.name()) + ")");
                    s.execute("CREATE USER MAPPING FOR PUBLIC SERVER " + SERVER + " OPTIONS (user " + literal(platform.user())
                            + (platform.password().isEmpty() ? "" : ", password " + literal(platform.password())) + ")");
                    s.execute("DROP SCHEMA IF EXISTS platform CASCADE");
                    s.execute("CREATE SCHEMA platform");
                    s.execute("IMPORT FOREIGN SCHEMA platform FROM SERVER " + SERVER + " INTO platform");
                    s.execute("COMMENT ON SCHEMA platform IS " + literal(marker(platformVersion)));
                    s.execute("DROP SCHEMA IF EXISTS cluster_link CASCADE");
                    s.execute("CREATE SCHEMA cluster_link");
                    s.execute("IMPORT FOREIGN SCHEMA cluster_link FROM SERVER " + SERVER + " INTO cluster_link");
                    for (Sequenced q : sequenced) {
                        s.execute("CREATE FUNCTION cluster_link." + SchemaNames.quoted(q.view()) + "() RETURNS bigint LANGUAGE sql VOLATILE AS "
                                + literal("SELECT v FROM cluster_link." + SchemaNames.quoted(q.view())));
                        s.execute("ALTER FOREIGN TABLE platform." + SchemaNames.quoted(q.table()) + " ALTER COLUMN "
                                + SchemaNames.quoted(q.column()) + " SET DEFAULT cluster_link." + SchemaNames.quoted(q.view()) + "()");
                    }
                }
                for (Defaulted d : defaulted) {
                    var savepoint = c.setSavepoint();
                    try (Statement s = c.createStatement()) {
                        s.execute("ALTER FOREIGN TABLE platform." + SchemaNames.quoted(d.table()) + " ALTER COLUMN "
                                + SchemaNames.quoted(d.column()) + " SET DEFAULT " + d.expression());
                    } catch (SQLException e) {
                        c.rollback(savepoint);
                        LOG.warn("Cluster {}: default of platform.{}.{} ({}) not copied: {}", name, d.table(), d.column(), d.expression(), e.getMessage());
                    }
                }
                c.commit();
                try (Statement s = c.createStatement()) {
                    c.setAutoCommit(true);
                    DatabaseExtensions.install(c);
                }
            }
            LOG.info("Cluster {} ({}) prepared: platform tables linked, {} sequences, in {} ms", name, target.jdbcUrl(),
                    sequenced.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Không chuẩn bị được cụm cơ sở dữ liệu «" + name + "» (" + target.host() + ":" + target.port()
                    + "/" + target.name() + "): " + e.getMessage(), e);
        }
    }

    private static void ensureDatabase(DatabaseConfiguration target) throws SQLException {
        try (Connection c = target.openJdbc("postgres");
             var check = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            check.setString(1, target.name());
            if (!check.executeQuery().next()) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + SchemaNames.quoted(target.name()) + " ENCODING 'UTF8' TEMPLATE template0");
                }
                LOG.info("Created database {} on {}:{}", target.name(), target.host(), target.port());
            }
        }
    }

    private static void readDefaults(Connection home, List<Sequenced> sequenced, List<Defaulted> defaulted) throws SQLException {
        try (Statement s = home.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.relname, a.attname, pg_get_serial_sequence(format('platform.%I', c.relname), a.attname) AS seq,
                       CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS expr
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'platform'
                     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                     LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
                WHERE c.relkind IN ('r', 'p') AND (d.oid IS NOT NULL OR a.attidentity <> '')
                ORDER BY 1, 2""")) {
            while (rs.next()) {
                String seq = rs.getString("seq");
                String expr = rs.getString("expr");
                if (seq != null) {
                    sequenced.add(new Sequenced(rs.getString(1), rs.getString(2), seq));
                } else if (expr != null) {
                    defaulted.add(new Defaulted(rs.getString(1), rs.getString(2), expr));
                }
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
