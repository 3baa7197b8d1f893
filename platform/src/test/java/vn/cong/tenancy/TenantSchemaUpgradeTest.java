package vn.cong.tenancy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.testing.Browser;
import vn.cong.testing.OlderSchemas;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up reads every tenant schema's migration version with one query and runs Flyway only for the schemas
 * behind; one that fails is marked and the others keep serving.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantSchemaUpgradeTest extends PlatformTestSupport {

    private static final int EXTRA_MEMBERS = 8;

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantSchemaUpgrade upgrade;
    @Inject
    TenantRegistry registry;
    @Inject
    StatementLog statements;
    @Inject
    MeterRegistry meters;
    @Inject
    DatabaseConfiguration db;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.test.statement-log", "true", "cong.clusters.upgrade-threads", "2");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        for (int i = 1; i <= EXTRA_MEMBERS; i++) {
            var manifest = ManifestReader.parse("""
                    code: unit%d
                    name: {vi: Đơn vị %d, en: Unit %d}
                    abbreviation: unit%d
                    parent: bo
                    """.formatted(i, i, i, i)).value();
            assertTrue(onboarding.onboard(manifest).block().isValid());
        }
    }

    /**
     * No plain btree index of a tenant schema is a prefix of another on the same table (what it finds, the longer one
     * finds as well): such an index costs every write, a relation in each of thousands of schemas, and the planner's
     * time, which opens every index of a table it plans for (V760 dropped the one there was).
     */
    @Test
    void noTenantIndexIsAPrefixOfAnother() throws Exception {
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery("""
                SELECT a.indexrelid::regclass || ' (covered by ' || b.indexrelid::regclass || ')'
                FROM pg_index a JOIN pg_index b ON b.indrelid = a.indrelid AND b.indexrelid <> a.indexrelid
                JOIN pg_class ca ON ca.oid = a.indexrelid JOIN pg_namespace n ON n.oid = ca.relnamespace
                JOIN pg_class cb ON cb.oid = b.indexrelid
                WHERE n.nspname = 't_alpha' AND ca.relam = (SELECT oid FROM pg_am WHERE amname = 'btree') AND cb.relam = ca.relam
                  AND NOT a.indisunique AND a.indpred IS NULL AND b.indpred IS NULL AND a.indexprs IS NULL AND b.indexprs IS NULL
                  AND a.indnkeyatts <= b.indnkeyatts
                  AND (b.indkey::int2[])[0:a.indnkeyatts - 1] = (a.indkey::int2[])[0:a.indnkeyatts - 1]""")) {
            List<String> redundant = new java.util.ArrayList<>();
            while (rs.next()) {
                redundant.add(rs.getString(1));
            }
            assertEquals(List.of(), redundant);
        }
    }

    /**
     * Each tenant schema adds ~300 rows to pg_class; planned from a new database's statistics (410 rows), Flyway's check
     * for its history table walked every schema's and onboarding slowed with every tenant (CatalogStatistics). This
     * project's PostgreSQL runs without autovacuum, so the estimate here is the platform's own doing.
     */
    @Test
    @Order(0)
    void catalogueStatisticsFollowTheTenantSchemasAsTheyAreAdded() throws Exception {
        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT c.reltuples, (SELECT count(*) FROM pg_class), "
                     + "(SELECT count(*) FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname LIKE 't\\_%') "
                     + "FROM pg_class c WHERE c.oid = 'pg_catalog.pg_class'::regclass")) {
            assertTrue(rs.next());
            double estimated = rs.getDouble(1);
            long actual = rs.getLong(2);
            long inTenantSchemas = rs.getLong(3);
            assertTrue(inTenantSchemas > 2_000, "eleven tenant schemas hold thousands of relations: " + inTenantSchemas);
            assertTrue(estimated >= 0.8 * actual, "the planner's pg_class holds " + estimated + " rows, the catalogue " + actual);
        }
    }

    @Test
    @Order(1)
    void currentSchemasCostOneVersionQueryAndNoFlywayRun() {
        double runsBefore = flywayRuns();
        statements.clear();

        TenantSchemaUpgrade.Summary summary = upgrade.upgradeAll();

        assertEquals(3 + EXTRA_MEMBERS, summary.tenants());
        assertEquals(0, summary.migrated());
        assertEquals(runsBefore, flywayRuns(), "no Flyway run for a current schema");
        long versionQueries = statements.statements().stream().filter(s -> s.contains("flyway_schema_history")).count();
        assertEquals(1, versionQueries, "one query reads every schema's version: " + statements.statements());
    }

    @Test
    @Order(2)
    void aSchemaBehindIsMigratedAndOnlyIt() throws Exception {
        oneMigrationBehind("unit3");
        double runsBefore = flywayRuns();

        TenantSchemaUpgrade.Summary summary = upgrade.upgradeAll();

        assertEquals(1, summary.migrated());
        assertEquals(0, summary.failed());
        assertEquals(runsBefore + 1, flywayRuns(), "Flyway ran for the one schema behind");
        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT version FROM t_unit3.flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
            assertTrue(rs.next());
            assertEquals(0, MigrationVersion.fromVersion(rs.getString(1)).compareTo(newestTenantMigration()));
        }
        assertEquals(200, new Browser(server.getPort(), "unit3.most.localhost").get("/").statusCode());
    }

    @Test
    @Order(3)
    void currentSchemasAreSkippedAndAFailingOneIsMarkedWhileOthersServe() throws Exception {
        assertEquals(0, upgrade.upgradeAll().migrated(), "every schema is current: no Flyway run");

        // beta's history forgets its newest migration while the objects it created stay: beta is now
        // behind, and re-applying that migration must fail (its CREATE statements find the objects)
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM t_beta.flyway_schema_history WHERE installed_rank = "
                    + "(SELECT max(installed_rank) FROM t_beta.flyway_schema_history)");
        }
        TenantSchemaUpgrade.Summary summary = upgrade.upgradeAll();
        assertEquals(1, summary.migrated());
        assertEquals(1, summary.failed());
        assertEquals(Tenant.MigrationStatus.FAILED, registry.findByCode("beta").orElseThrow().migrationStatus());

        var beta = new Browser(server.getPort(), "beta.most.localhost").get("/");
        assertEquals(503, beta.statusCode());
        assertTrue(!beta.body().contains("Cục Alpha"));
        assertEquals(200, new Browser(server.getPort(), "alpha.most.localhost").get("/").statusCode());
        assertEquals(200, new Browser(server.getPort(), "www.most.localhost").get("/").statusCode());
    }

    @Test
    @Order(4)
    void newestMigrationIsReadFromTheClassPathAsFlywaySeesIt() {
        assertEquals(0, newestTenantMigration().compareTo(OlderSchemas.versions(db).max(Comparator.naturalOrder()).orElseThrow()));
    }

    @Test
    @Order(5)
    void aMigrationMergedOutOfOrderStillReachesASchemaAlreadyPastIt() throws Exception {
        // alpha is at the newest version but lacks V570 (as if that file had landed after newer ones were
        // deployed): its history forgets V570 and its objects are gone. A check of the newest version alone
        // would call alpha current and never apply V570.
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM t_alpha.flyway_schema_history WHERE version = '570'");
            s.execute("DROP INDEX t_alpha.login_attempts_at");
            s.execute("DROP INDEX t_alpha.audit_log_at");
            s.execute("ALTER TABLE t_alpha.login_attempts DROP COLUMN throttled");
        }

        upgrade.upgradeAll();

        assertEquals(Tenant.MigrationStatus.OK, registry.findByCode("alpha").orElseThrow().migrationStatus());
        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_schema = 't_alpha'"
                     + " AND table_name = 'login_attempts' AND column_name = 'throttled'")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "V570 applied again to the schema that missed it");
        }
        assertEquals(200, new Browser(server.getPort(), "alpha.most.localhost").get("/").statusCode());
    }

    @Test
    @Order(6)
    void schemasBehindAreMigratedSideBySideAndOneFailureStopsNoOther() throws Exception {
        List<String> behind = List.of("unit4", "unit5", "unit6");
        behind.forEach(this::oneMigrationBehind);
        try (var c = jdbc(); var s = c.createStatement()) { // unit7's newest migration cannot be applied again
            s.executeUpdate("DELETE FROM t_unit7.flyway_schema_history WHERE installed_rank = "
                    + "(SELECT max(installed_rank) FROM t_unit7.flyway_schema_history)");
        }
        int betaStillFailing = registry.findByCode("beta").orElseThrow().migrationStatus() == Tenant.MigrationStatus.OK ? 0 : 1;
        double runsBefore = flywayRuns();

        TenantSchemaUpgrade.Summary summary = upgrade.upgradeAll(); // two at a time (extraProperties)

        assertEquals(4 + betaStillFailing, summary.migrated());
        assertEquals(1 + betaStillFailing, summary.failed());
        assertEquals(runsBefore + 4 + betaStillFailing, flywayRuns(), "one Flyway run for each schema behind");
        for (String code : behind) {
            assertEquals(Tenant.MigrationStatus.OK, registry.findByCode(code).orElseThrow().migrationStatus(), code);
            try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery("SELECT version FROM t_" + code
                    + ".flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
                assertTrue(rs.next());
                assertEquals(0, MigrationVersion.fromVersion(rs.getString(1)).compareTo(newestTenantMigration()), code);
            }
            assertEquals(200, new Browser(server.getPort(), code + ".most.localhost").get("/").statusCode(), code);
        }
        assertEquals(Tenant.MigrationStatus.FAILED, registry.findByCode("unit7").orElseThrow().migrationStatus());
        assertEquals(503, new Browser(server.getPort(), "unit7.most.localhost").get("/").statusCode());
    }

    private void oneMigrationBehind(String code) {
        OlderSchemas.oneMigrationBehind(db, code);
    }

    private MigrationVersion newestTenantMigration() {
        return OlderSchemas.newest(db);
    }

    private double flywayRuns() {
        return meters.counter("cong.tenant.schema.flyway.runs").count();
    }
}
