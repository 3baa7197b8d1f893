package vn.cong.tenancy;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up migrates only the schemas behind; one that fails is marked and the others keep serving. */
@MicronautTest(transactional = false)
class TenantSchemaUpgradeTest extends PlatformTestSupport {

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantSchemaUpgrade upgrade;
    @Inject
    TenantRegistry registry;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    @Test
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
}
