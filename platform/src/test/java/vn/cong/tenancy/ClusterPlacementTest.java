package vn.cong.tenancy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.onboarding.OnboardingReport;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many tenants over several databases of one PostgreSQL server (issue 15, point 2): with
 * {@code cong.clusters.default-for-new-tenants: fewest} each new tenant for which the operator names no database goes
 * to the one holding the fewest tenants, so 2,000 tenants fill eight databases evenly and no database's catalogue
 * (which every pg_dump of a tenant reads whole) grows past a few hundred schemas. A name given explicitly still wins.
 */
@MicronautTest(transactional = false)
class ClusterPlacementTest extends PlatformTestSupport {

    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;

    private String sister() {
        return databaseName + "_sister";
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.clusters.default-for-new-tenants", "fewest",
                "cong.clusters.declared.sister", pgUser() + "@" + pgHost() + ":" + pgPort() + "/" + sister(),
                "cong.clusters.passwords.sister", pgPassword());
    }

    @AfterAll
    void dropSisterDatabase() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/postgres", pgUser(), pgPassword());
             var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + sister() + "\" WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop " + sister() + ": " + e.getMessage());
        }
    }

    private String databaseOf(String code) {
        return registry.findByCode(code).orElseThrow().database();
    }

    private boolean schemaIn(String database, String code) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/" + database, pgUser(), pgPassword());
             var s = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            s.setString(1, registry.findByCode(code).orElseThrow().schema());
            return s.executeQuery().next();
        }
    }

    @Test
    void newTenantsGoToTheDatabaseHoldingTheFewestUnlessOneIsNamed() throws SQLException {
        TestTenants.onboard(onboarding, "ministry");   // 0 and 0: the platform's own database first
        TestTenants.onboard(onboarding, "alpha");      // 1 and 0
        TestTenants.onboard(onboarding, "beta");       // 1 and 1
        assertEquals(Tenant.DEFAULT_DATABASE, databaseOf("bo"));
        assertEquals("sister", databaseOf("alpha"));
        assertEquals(Tenant.DEFAULT_DATABASE, databaseOf("beta"));

        // the operator names a database: it wins over the count (2 there, 1 in sister)
        String gamma = TestTenants.read("manifests/beta.yaml").replace("code: beta", "code: gamma")
                .replace("abbreviation: beta", "abbreviation: gamma").replace("Viện Beta", "Viện Gamma").replace("Beta Institute", "Gamma Institute")
                .replace("MatKhauBeta2026!", "MatKhauGamma2026!").replace("beta.example.vn", "gamma.example.vn");
        OnboardingReport report = onboarding.onboard(ManifestReader.parse(gamma), Tenant.DEFAULT_DATABASE).block();
        assertTrue(report.isValid() && "ok".equals(report.migrationStatus()), String.valueOf(report));
        assertEquals(Tenant.DEFAULT_DATABASE, databaseOf("gamma"));

        // each schema lives in its own database only
        assertTrue(schemaIn(sister(), "alpha"));
        assertFalse(schemaIn(databaseName, "alpha"));
        assertTrue(schemaIn(databaseName, "beta"));
        assertFalse(schemaIn(sister(), "beta"));
    }
}
