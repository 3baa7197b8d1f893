package vn.cong.ops.backup;

import jakarta.inject.Singleton;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.DatabaseClusters;
import vn.cong.tenancy.SchemaNames;
import vn.cong.tenancy.Tenant;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Dumps a tenant's schema (its tables by COPY, or with pg_dump) and measures it (row counts, table digests, migration version)
 * in the very snapshot pg_dump reads, at the same time, so the manifest describes exactly what was dumped. Blocking JDBC:
 * the snapshot is exported from a transaction that must stay open while pg_dump runs.
 */
@Singleton
class SchemaDump {

    private final DatabaseConfiguration db;
    private final PgTools pg;
    private final DatabaseClusters clusters;
    private final vn.cong.tenancy.TenantRegistry registry;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SchemaDump.class);

    private final BackupConfiguration config;
    private final vn.cong.tenancy.SchemaMigrations migrations;

    SchemaDump(DatabaseConfiguration db, PgTools pg, DatabaseClusters clusters, vn.cong.tenancy.TenantRegistry registry, BackupConfiguration config,
               vn.cong.tenancy.SchemaMigrations migrations) {
        this.config = config;
        this.migrations = migrations;
        this.registry = registry;
        this.db = db;
        this.pg = pg;
        this.clusters = clusters;
    }

    /**
     * What a dump found in its snapshot; {@code digestColumns}: what its table digests cover; {@code format}: how the
     * rows were written ({@link BackupFormat}); {@code tables} (the {@code copy} format only): each table's columns and
     * the schema's sequence values.
     */
    record Dumped(SchemaMeasures measures, String migrationVersion, SchemaMeasures.Columns digestColumns, BackupFormat format,
                  SchemaTables.Exported tables) {
    }

    /**
     * Writes the tenant's schema into the backup {@code folder}, in the configured format: its tables alone
     * ({@link SchemaTables}, the default) or a pg_dump archive ({@link BackupManifests#DUMP}), measuring the very snapshot
     * written. Blocking: run it on the {@code backups} executor.
     */
    Dumped dump(Tenant tenant, Path folder) throws SQLException, IOException {
        if (config.rowsFormat() == BackupFormat.COPY) {
            Dumped copied = copy(tenant, folder);
            if (copied != null) {
                return copied;
            }
        }
        return pgDump(tenant, folder.resolve(BackupManifests.DUMP));
    }

    /**
     * The tenant's tables, each by COPY in one repeatable-read snapshot that the measures read too; null when the
     * migrations could not build the schema again as it is (it skipped a migration below its newest one, e.g. one
     * merged late and not yet applied): that backup is taken with pg_dump instead, which holds the schema itself.
     */
    private Dumped copy(Tenant tenant, Path folder) throws SQLException, IOException {
        DatabaseConfiguration where = clusters.jdbc(registry.databaseOf(tenant));
        try (Connection c = where.openJdbc(where.name())) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            String migrationVersion = migrationVersion(c, tenant);
            if (!rebuildable(c, tenant, migrationVersion, migrations)) {
                LOG.warn("Tenant {}: its schema skipped a migration below its newest ({}): backed up with pg_dump, which holds the "
                        + "schema as it is", tenant.code(), migrationVersion);
                c.rollback();
                return null;
            }
            SchemaMeasures measures = SchemaMeasures.of(c, tenant.schema(), SchemaMeasures.Columns.DUMPED);
            SchemaTables.Exported tables = SchemaTables.export(c, tenant.schema(), folder);
            c.commit();
            return new Dumped(measures, migrationVersion, SchemaMeasures.Columns.DUMPED, BackupFormat.COPY, tables);
        }
    }

    /**
     * Writes the tenant's schema to {@code file} with pg_dump. pg_dump runs in its own process while this connection
     * measures the same snapshot (row counts, digests), so the two overlap; the snapshot's transaction stays open until
     * both end.
     */
    private Dumped pgDump(Tenant tenant, Path file) throws SQLException {
        // the tenant's own database: its cluster, wherever the registry says it lives now
        DatabaseConfiguration where = clusters.jdbc(registry.databaseOf(tenant));
        try (Connection c = where.openJdbc(where.name())) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot = exportSnapshot(c);
            FutureTask<Void> dumping = new FutureTask<>(() -> {
                pg.dumpSchema(where, tenant.schema(), snapshot, file);
                return null;
            });
            Thread pgDump = new Thread(dumping, "pg_dump " + tenant.code());
            pgDump.setDaemon(true);
            pgDump.start();
            SchemaMeasures measures;
            String migrationVersion;
            try {
                measures = SchemaMeasures.of(c, tenant.schema(), SchemaMeasures.Columns.DUMPED);
                migrationVersion = migrationVersion(c, tenant);
            } finally {
                // pg_dump reads the exported snapshot: the transaction holding it ends only after pg_dump does
                finished(dumping);
            }
            c.commit();
            return new Dumped(measures, migrationVersion, SchemaMeasures.Columns.DUMPED, BackupFormat.PG_DUMP, null);
        }
    }

    /**
     * Whether the tenant migrations up to {@code version} build the schema as it is: it applied every one of them (a
     * migration merged late and still pending below the newest would be built by them, yet be missing from the schema).
     */
    static boolean rebuildable(Connection c, Tenant tenant, String version, vn.cong.tenancy.SchemaMigrations migrations) throws SQLException {
        if (version == null) {
            return false;
        }
        long applied = Long.parseLong(single(c, "SELECT count(*) FROM " + SchemaNames.qualified(tenant.schema(), "flyway_schema_history")
                + " WHERE success AND version IS NOT NULL"));
        return applied == migrations.tenantMigrationsUpTo(version);
    }

    /**
     * The newest tenant migration the schema applied (by version, not by when: a migration merged late is applied
     * out of order, after newer ones): a restore of the {@code copy} format migrates a new schema up to it.
     */
    static String migrationVersion(Connection c, Tenant tenant) throws SQLException {
        return single(c, "SELECT version FROM " + SchemaNames.qualified(tenant.schema(), "flyway_schema_history")
                + " WHERE success AND version IS NOT NULL ORDER BY string_to_array(version, '.')::int[] DESC LIMIT 1");
    }

    /** Waits for pg_dump; its failure is this dump's failure. */
    private static void finished(FutureTask<Void> dumping) {
        try {
            dumping.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupFailure("Interrupted while pg_dump ran");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new BackupFailure("pg_dump failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Exports the snapshot of {@code c}'s open repeatable-read transaction, for pg_dump {@code --snapshot}. */
    static String exportSnapshot(Connection c) throws SQLException {
        return single(c, "SELECT pg_export_snapshot()");
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
