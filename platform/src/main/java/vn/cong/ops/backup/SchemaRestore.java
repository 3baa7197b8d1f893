package vn.cong.ops.backup;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cong.media.MediaConfiguration;
import vn.cong.system.Folders;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.DatabaseClusters;
import vn.cong.tenancy.SchemaMigrations;
import vn.cong.tenancy.SchemaNames;
import vn.cong.tenancy.TableStatistics;
import vn.cong.tenancy.Tenant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The blocking half of a restore: the tables of a checked backup rebuilt and loaded ({@link SchemaTables}; an older
 * pg_dump backup: pg_restore, renamed in a scratch database first to become a new tenant's), as the tenant's own schema
 * or a new tenant's, Flyway up to the current version, and the media folder. {@link TenantRestore} decides what to restore and records it.
 */
@Singleton
class SchemaRestore {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRestore.class);
    static final String RESTORING = "đang khôi phục lược đồ (pg_restore)";
    static final String BUILDING = "đang dựng lại các bảng và nạp dữ liệu (COPY)";
    static final String MIGRATING = "đang nâng lược đồ lên phiên bản hiện hành (Flyway)";
    static final String ANALYSING = "đang lập số liệu thống kê của các bảng (ANALYZE)";

    private final DatabaseConfiguration db;
    private final MediaConfiguration media;
    private final PgTools pg;
    private final MeteredSteps steps;
    private final SchemaMigrations migrations;
    private final ScratchDatabases scratch;
    private final DatabaseClusters clusters;
    private final vn.cong.tenancy.TenantRegistry registry;

    SchemaRestore(DatabaseConfiguration db, MediaConfiguration media, PgTools pg, MeteredSteps steps, SchemaMigrations migrations, ScratchDatabases scratch,
                  DatabaseClusters clusters, vn.cong.tenancy.TenantRegistry registry) {
        this.registry = registry;
        this.clusters = clusters;
        this.db = db;
        this.media = media;
        this.pg = pg;
        this.steps = steps;
        this.migrations = migrations;
        this.scratch = scratch;
    }

    /**
     * Restores the backup as the new schema {@code t_<newCode>} with its media: restored into a scratch
     * database, renamed there, dumped again and restored into the platform database.
     */
    void asNewTenant(BackupRun run, BackupManifest manifest, String newCode) {
        String target = Tenant.schemaFor(newCode);
        if (manifest.rowsFormat() == BackupFormat.COPY) {
            // the rows alone: the new schema is built where it will live, under its own name, no scratch database needed
            try {
                steps.step(run.tenantCode(), BUILDING, () -> {
                    SchemaTables.rebuild(migrations, db, target, run.folder(), manifest, pg.maintenanceWorkMem());
                    return null;
                });
                steps.step(run.tenantCode(), MIGRATING, () -> migrations.migrateTenant(target));
                steps.step(run.tenantCode(), ANALYSING, () -> analyse(db, target));
            } catch (Exception e) {
                throw new BackupFailure("Khôi phục bản sao lưu " + run.id() + " thất bại: " + e.getMessage(), e);
            }
            steps.restoreMedia(run.tenantCode(), run.folder(), manifest, media.root().resolve(newCode));
            return;
        }
        Path renamed = run.folder().resolveSibling("restore-" + UUID.randomUUID() + ".dump");
        String database = null;
        try {
            database = scratch.create();
            pg.restore(run.folder().resolve(BackupManifests.DUMP), database);
            if (!target.equals(manifest.schema())) {
                try (Connection c = scratch.open(database); var s = c.createStatement()) {
                    s.execute("ALTER SCHEMA " + SchemaNames.quoted(manifest.schema()) + " RENAME TO " + SchemaNames.quoted(target));
                }
            }
            try (Connection c = scratch.open(database)) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                pg.dumpSchemaFrom(database, target, SchemaDump.exportSnapshot(c), renamed);
                c.commit();
            }
            pg.restore(renamed, db.name());
            migrations.migrateTenant(target);
            analyse(db, target);
            steps.restoreMedia(run.tenantCode(), run.folder(), manifest, media.root().resolve(newCode));
        } catch (SQLException e) {
            throw new BackupFailure("Khôi phục bản sao lưu " + run.id() + " thất bại: " + e.getMessage(), e);
        } finally {
            if (database != null) {
                scratch.drop(database);
            }
            try {
                Files.deleteIfExists(renamed);
            } catch (IOException e) {
                LOG.warn("Could not delete {}", renamed);
            }
        }
    }

    /**
     * Restores the backup into the tenant's own schema, which the caller has dropped, and makes its media folder the
     * backup's: files whose bytes already match the manifest stay, the others are copied, extra files removed.
     */
    void intoDroppedSchema(BackupRun run, BackupManifest manifest, Tenant tenant) throws Exception {
        DatabaseConfiguration where = clusters.jdbc(registry.databaseOf(tenant));
        if (manifest.rowsFormat() == BackupFormat.COPY) {
            steps.step(tenant.code(), BUILDING, () -> {
                SchemaTables.rebuild(migrations, where, tenant.schema(), run.folder(), manifest, pg.maintenanceWorkMem());
                return null;
            });
        } else {
            steps.step(tenant.code(), RESTORING, () -> {
                pg.restoreInto(run.folder().resolve(BackupManifests.DUMP), where);
                return null;
            });
        }
        steps.step(tenant.code(), MIGRATING, () -> {
            migrations.migrateTenant(where, tenant.schema());
            return null;
        });
        steps.step(tenant.code(), ANALYSING, () -> analyse(where, tenant.schema()));
        long written = steps.restoreMedia(tenant.code(), run.folder(), manifest, media.root().resolve(tenant.code()));
        LOG.info("Tenant {}: media of backup {} restored, {} bytes written (files already identical kept)", tenant.code(), run.id(), written);
    }

    /** Whether the tenant's schema is in its database (its cluster's). */
    boolean schemaExists(Tenant tenant) {
        return migrations.schemaExists(clusters.jdbc(registry.databaseOf(tenant)), tenant.schema());
    }

    /** Drops the tenant's schema in its own database (absent is fine: a lost schema is restored into). */
    void dropSchemaOf(Tenant tenant) {
        DatabaseConfiguration where = clusters.jdbc(registry.databaseOf(tenant));
        try (Connection c = where.openJdbc(where.name()); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SchemaNames.quoted(tenant.schema()) + " CASCADE");
        } catch (SQLException e) {
            throw new BackupFailure("Không xoá được lược đồ hiện tại: " + e.getMessage(), e);
        }
    }

    /** Removes the media a restore as {@code newCode} copied, when the new tenant could not be registered. */
    void dropMedia(String newCode) {
        Folders.deleteTree(media.root().resolve(newCode));
    }

    /**
     * The restored tables' planner statistics ({@link TableStatistics}: neither COPY nor pg_restore takes them); a
     * failure is logged, the restore stands.
     */
    private static Void analyse(DatabaseConfiguration where, String schema) {
        try (Connection c = where.openJdbc(where.name())) {
            c.setAutoCommit(true);
            TableStatistics.analyseAll(c, schema);
        } catch (SQLException e) {
            LOG.warn("Schema {}: table statistics not taken after the restore: {}", schema, e.getMessage());
        }
        return null;
    }
}
