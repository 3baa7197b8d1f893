package vn.cong.tenancy;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.onboarding.OnboardingReport;
import vn.cong.ops.backup.BackupHistory;
import vn.cong.ops.backup.BackupJobs;
import vn.cong.ops.backup.BackupRun;
import vn.cong.ops.backup.RestoreRequest;
import vn.cong.ops.backup.RestoreRun;
import vn.cong.ops.backup.TenantBackups;
import vn.cong.tenancy.manifest.FieldError;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.testing.Browser;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One root portal per base domain (issue 16, item 1): only the ministry answers on the bare base
 * domain and on www, whatever onboarding, a restore or a stray alias try.
 */
@MicronautTest(transactional = false)
class OneRootPerBaseDomainTest extends PlatformTestSupport {

    private static final String MINISTRY = "Bộ Thử nghiệm";

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantBackups backups;
    @Inject
    BackupJobs jobs;
    @Inject
    BackupHistory history;

    private final DataFolders data = DataFolders.temporary("cong-root-test");

    @Override
    protected Map<String, String> extraProperties() {
        return data.properties();
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    private String portalName(String host) {
        var page = new Browser(server.getPort(), host).get("/");
        assertEquals(200, page.statusCode(), host);
        return page.body();
    }

    @Test
    void aSecondTenantWithoutAParentIsRefusedAndTheMinistryKeepsTheBareDomain() {
        String zeta = """
                code: zeta
                name: {vi: Viện Zeta, en: Zeta Institute}
                abbreviation: zeta
                parent: null
                """;
        for (int attempt = 0; attempt < 2; attempt++) {
            OnboardingReport report = onboarding.onboard(ManifestReader.parse(zeta)).block();
            assertFalse(report.isValid(), report.toString());
            assertEquals(List.of("parent"), report.errors().stream().map(FieldError::field).toList());
            assertTrue(report.errors().get(0).message().contains("đã có cổng gốc «bo»"), report.errors().toString());
        }
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM platform.tenants WHERE code = 'zeta'"), "nothing half-created");
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM pg_namespace WHERE nspname = 't_zeta'"));
        assertTrue(portalName("most.localhost").contains(MINISTRY));
        assertTrue(portalName("www.most.localhost").contains(MINISTRY));
        assertEquals(404, new Browser(server.getPort(), "zeta.most.localhost").get("/").statusCode());
    }

    @Test
    void theDatabaseRefusesASecondRootWrittenBehindThePlatformsBack() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SqlProbe.run(this::jdbc, """
                INSERT INTO platform.tenants (code, name_vi, name_en, abbreviation, schema_name)
                VALUES ('eta', 'Viện Eta', 'Eta Institute', 'eta', 't_eta')"""));
        assertTrue(refused.getCause().getMessage().contains("tenants_one_root_per_domain"), refused.getCause().getMessage());
    }

    @Test
    void aMemberNeverAnswersOnTheBareDomainOrWwwEvenWithSuchAliases() throws SQLException {
        SqlProbe.run(this::jdbc, "INSERT INTO platform.domain_aliases (host, tenant_code) VALUES ('most.localhost', 'alpha'), "
                + "('www.most.localhost', 'alpha'), ('beta.most.localhost', 'alpha')");
        try {
            registry.reload().block();
            assertTrue(portalName("most.localhost").contains(MINISTRY));
            assertTrue(portalName("www.most.localhost").contains(MINISTRY));
            assertTrue(portalName("beta.most.localhost").contains("Viện Beta"), "an alias never takes another tenant's primary host");
            assertTrue(portalName("www.alpha-cuc.vn").contains("Cục Alpha"));
        } finally {
            SqlProbe.run(this::jdbc, "DELETE FROM platform.domain_aliases WHERE host LIKE '%most.localhost'");
            registry.reload().block();
        }
    }

    @Test
    void aMemberCannotTakeTheRootsWwwLabel() {
        OnboardingReport report = onboarding.onboard(ManifestReader.parse("""
                code: theta
                name: {vi: Viện Theta, en: Theta Institute}
                abbreviation: www
                parent: bo
                """)).block();
        assertFalse(report.isValid());
        assertTrue(report.errors().stream().allMatch(e -> e.field().equals("abbreviation")), report.errors().toString());
        assertTrue(portalName("www.most.localhost").contains(MINISTRY));
    }

    @Test
    void aRestoreIntoANewTenantKeepsTheParentTakesTheGivenNameAndClaimsNoOtherHost() {
        BackupRun run = backups.backup(registry.findByCode("alpha").orElseThrow(), "manual").block();
        assertEquals("succeeded", run.status(), run.error());
        Tenant alpha = registry.findByCode("alpha").orElseThrow();

        var started = jobs.restore(alpha, run.id(), new RestoreRequest("new", "zeta_copy", "zetacopy", "zeta_copy",
                "Cục Alpha — bản khôi phục", null), "test").block();
        assertTrue(started.errors().isEmpty(), started.errors().toString());
        RestoreRun done = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> history.restore("alpha", started.run().id()).block(), r -> !r.running());
        assertEquals("succeeded", done.status(), done.error());

        Tenant copy = registry.findByCode("zeta_copy").orElseThrow();
        assertEquals("bo", copy.parentCode(), "a member restored as a new tenant stays a member of the same parent");
        assertEquals("Cục Alpha — bản khôi phục", copy.nameVi());
        assertEquals("Cục Alpha — bản khôi phục", copy.nameEn(), "no English name given: the Vietnamese one");
        assertEquals(List.of(), copy.aliases(), "aliases are never copied");
        assertTrue(portalName("most.localhost").contains(MINISTRY), "the bare domain is still the ministry's");
        assertTrue(portalName("zetacopy.most.localhost").contains("Cục Alpha — bản khôi phục"));
        assertTrue(portalName("www.alpha-cuc.vn").contains("Cục Alpha"));
        assertEquals("alpha", registry.findByHost("www.alpha-cuc.vn").orElseThrow().code());
    }

    @Test
    void aRestoreIntoANewTenantIsRefusedWithoutANameForTheRootOrOnATakenHost() {
        BackupRun alphaRun = backups.backup(registry.findByCode("alpha").orElseThrow(), "manual").block();
        BackupRun rootRun = backups.backup(registry.findByCode("bo").orElseThrow(), "manual").block();
        Tenant alpha = registry.findByCode("alpha").orElseThrow();

        assertEquals(List.of("name"), refused(alpha, alphaRun, new RestoreRequest("new", "iota", "iota", "iota", " ", null)));
        assertEquals(List.of("into"), refused(registry.findByCode("bo").orElseThrow(), rootRun,
                new RestoreRequest("new", "iota", "iota", "iota", "Bộ — bản sao", null)));
        assertEquals(List.of("abbreviation"), refused(alpha, alphaRun, new RestoreRequest("new", "iota", "www", "iota", "Bản sao", null)));
        assertEquals(List.of("abbreviation"), refused(alpha, alphaRun, new RestoreRequest("new", "iota", "beta", "iota", "Bản sao", null)));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM platform.restore_runs WHERE target_code = 'iota'"));
        assertNull(registry.findByCode("iota").orElse(null));
    }

    private List<String> refused(Tenant source, BackupRun run, RestoreRequest request) {
        var started = jobs.restore(source, run.id(), request, "test").block();
        assertNull(started.run(), "refused");
        return started.errors().stream().map(FieldError::field).distinct().toList();
    }

}
