package vn.cong.ops.backup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.SchemaMigrations;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The copy format's two halves on their own: a tenant's tables written from its schema alone and loaded into a schema
 * built by the migrations, row for row, with the same indexes, keys, triggers and sequences as the original, whichever
 * way the load goes (indexes kept or built after the rows); the original's triggers do not fire on the load; another
 * tenant's schema is never read; a load that cannot finish leaves nothing half-loaded.
 */
@MicronautTest(transactional = false)
class SchemaTablesTest extends PlatformTestSupport {

    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    DatabaseConfiguration db;
    @Inject
    SchemaMigrations migrations;
    @Inject
    TenantBackups backups;
    @Inject
    BackupManifests manifests;

    private final DataFolders data = DataFolders.temporary("cong-schema-tables-test");

    @Override
    protected Map<String, String> extraProperties() {
        return data.properties();
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        TestTenants.onboard(onboarding, "gamma");
    }

    private Tenant alpha() {
        return registry.findByCode("alpha").orElseThrow();
    }

    private SchemaTables.Exported export(Path folder) throws Exception {
        try (Connection c = db.openJdbc(db.name())) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            SchemaTables.Exported exported = SchemaTables.export(c, alpha().schema(), folder);
            c.commit();
            return exported;
        }
    }

    private String version() throws Exception {
        try (Connection c = db.openJdbc(db.name()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(version::int) FROM t_alpha.flyway_schema_history WHERE success")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The schema's indexes, constraints and triggers, with the schema's name taken out of their definitions. */
    private List<String> structure(Connection c, String schema) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String sql : List.of(
                "SELECT i.relname || ' ' || pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                        + "JOIN pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = ? ORDER BY 1",
                "SELECT r.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid "
                        + "JOIN pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = ? ORDER BY 1",
                "SELECT r.relname || ' ' || t.tgname || ' ' || t.tgenabled::text FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid "
                        + "JOIN pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = ? AND NOT t.tgisinternal ORDER BY 1")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1).replace(schema + ".", "S."));
                    }
                }
            }
        }
        return rows;
    }

    private long outboxRows(Connection c) throws Exception {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM platform.outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aTenantsTablesComeBackRowForRowWithTheSameStructureWhetherIndexesAreKeptOrBuiltAfter() throws Exception {
        Path folder = Files.createTempDirectory("cong-schema-tables");
        SchemaTables.Exported exported = export(folder);
        assertTrue(exported.columns().containsKey("content_items") && exported.columns().containsKey("flyway_schema_history"));
        assertFalse(exported.columns().get("content_items").contains("search_vector"), "stored generated columns are computed again, not copied");
        assertTrue(exported.sequences().values().stream().anyMatch(v -> v.called() && v.lastValue() > 1), exported.sequences().toString());
        try (var files = Files.list(folder.resolve(SchemaTables.FOLDER))) {
            assertEquals(exported.columns().size(), files.count(), "a file per table, nothing else");
        }

        for (long largeFile : new long[]{SchemaTables.LARGE_FILE, 0}) {
            String target = largeFile == 0 ? "t_alpha_every_index_after" : "t_alpha_indexes_kept";
            migrations.migrateTenantTo(db, target, version());
            try (Connection c = db.openJdbc(db.name())) {
                long outbox = outboxRows(c);
                SchemaTables.load(c, target, folder, exported.columns(), exported.sequences(), largeFile, "128MB");
                assertEquals(List.of(), SchemaMeasures.of(c, alpha().schema()).differencesFrom(SchemaMeasures.of(c, target)), target);
                assertEquals(structure(c, alpha().schema()), structure(c, target), "indexes, keys and triggers (enabled) as in the original: " + target);
                assertEquals(outbox, outboxRows(c), "the schema's triggers did not fire on the loaded rows");
                try (var s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT last_value FROM " + target + ".content_items_id_seq")) {
                    rs.next();
                    assertEquals(exported.sequences().get("content_items_id_seq").lastValue(), rs.getLong(1));
                }
            }
        }
    }

    @Test
    void aSchemaThatSkippedAMigrationBelowItsNewestIsBackedUpWithPgDumpInstead() throws Exception {
        try (Connection c = db.openJdbc(db.name()); var s = c.createStatement()) {
            // as if a migration merged late were still pending: the migrations up to the newest would build it anyway
            s.executeUpdate("DELETE FROM t_gamma.flyway_schema_history WHERE installed_rank = "
                    + "(SELECT installed_rank FROM t_gamma.flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank OFFSET 10 LIMIT 1)");
        }
        BackupRun run = backups.backup(registry.findByCode("gamma").orElseThrow(), "manual").block();
        assertEquals("succeeded", run.status(), run.error());
        assertEquals(null, manifests.read(run).format(), "a pg_dump archive, which holds the schema as it is");
        assertTrue(Files.exists(run.folder().resolve(BackupManifests.DUMP)));
        assertFalse(Files.exists(run.folder().resolve(SchemaTables.FOLDER)));
        BackupRun usual = backups.backup(alpha(), "manual").block();
        assertEquals("copy", manifests.read(usual).format(), "the other tenants keep the copy format");
    }

    @Test
    void aLoadThatFailsLeavesTheSchemaAsTheMigrationsMadeIt() throws Exception {
        Path folder = Files.createTempDirectory("cong-schema-tables");
        SchemaTables.Exported exported = export(folder);
        Files.write(folder.resolve(SchemaTables.FOLDER).resolve("sections" + SchemaTables.SUFFIX), new byte[]{31, -117, 8, 0, 1, 2});
        migrations.migrateTenantTo(db, "t_alpha_broken", version());
        try (Connection c = db.openJdbc(db.name())) {
            assertThrows(Exception.class, () -> SchemaTables.load(c, "t_alpha_broken", folder, exported.columns(), exported.sequences(),
                    SchemaTables.LARGE_FILE, ""));
            assertEquals(structure(c, alpha().schema()), structure(c, "t_alpha_broken"), "keys, indexes and triggers all back");
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t_alpha_broken.content_items")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no row of the half-done load stays");
            }
        }
    }
}
