package vn.cong.ops.backup;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.onboarding.OnboardingReport;
import vn.cong.onboarding.TenantOverview;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.TenantSchemaUpgrade;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.testing.Browser;
import vn.cong.testing.AlertWebhook;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The restore drill of issue 16 item 2: back up a tenant, drop its schema by hand, see the portal
 * answer 503 (cached pages still served, marked stale) and the operator alerted, see that neither
 * start-up nor onboarding re-creates the schema empty, restore into the same tenant, and find the
 * data identical to before by a digest computed in SQL.
 */
@MicronautTest(transactional = false)
class LostSchemaDrillTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";
    private static final Duration DEADLINE = Duration.ofSeconds(90);

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
    @Inject
    TenantSchemaUpgrade upgrade;
    @Inject
    TenantOverview overview;

    private final DataFolders data = DataFolders.temporary("cong-lost-schema-test");
    private final AlertWebhook webhook = AlertWebhook.start();

    @Override
    protected Map<String, String> extraProperties() {
        return data.properties("cong.alerts.webhook-url", webhook.url());
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    @AfterAll
    void stopWebhook() {
        webhook.stop();
    }

    private HttpResponse<String> get(String host, String path) {
        return new Browser(server.getPort(), host).get(path);
    }

    @Test
    void aDroppedSchemaAnswers503IsNeverRecreatedEmptyAndIsRestoredInPlaceIdentically() {
        assertEquals(200, get(ALPHA, "/").statusCode());
        BackupRun run = backups.backup(registry.findByCode("alpha").orElseThrow(), "manual").block();
        assertEquals("succeeded", run.status(), run.error());
        Map<String, String> before = digest("t_alpha");
        assertFalse(before.isEmpty());

        SqlProbe.run(this::jdbc, "DROP SCHEMA t_alpha CASCADE");

        HttpResponse<String> section = get(ALPHA, "/chuyen-muc/tin-hoat-dong");
        assertEquals(503, section.statusCode(), section.body());
        assertTrue(section.headers().firstValue("Retry-After").isPresent());
        assertTrue(section.body().contains("tạm thời gián đoạn"), section.body());
        HttpResponse<String> english = get(ALPHA, "/en");
        assertEquals(503, english.statusCode());
        assertTrue(english.headers().firstValue("Retry-After").isPresent());
        assertTrue(english.body().contains("temporarily unavailable"), english.body());

        Awaitility.await().atMost(DEADLINE).until(() -> registry.findByCode("alpha").orElseThrow().schemaMissing());
        Awaitility.await().atMost(DEADLINE).until(() -> webhook.received().stream().anyMatch(h -> h.contains("tenant.schema-missing") && h.contains("alpha")));
        assertEquals("missing", overview.list().filter(t -> t.code().equals("alpha")).blockFirst().migrationStatus(),
                "the console's tenant list reports it");

        HttpResponse<String> cached = get(ALPHA, "/");
        assertEquals(200, cached.statusCode(), "a page still in the cache is served");
        assertTrue(cached.headers().firstValue("Cache-Status").orElse("").endsWith("; stale"), cached.headers().toString());
        HttpResponse<String> login = new Browser(server.getPort(), ALPHA).postForm("/quan-tri/dang-nhap",
                Map.of("username", "quantri", "password", "MatKhauAlpha2026!"));
        assertEquals(503, login.statusCode(), "staff writes get the same notice");
        assertTrue(login.headers().firstValue("Retry-After").isPresent());
        assertEquals(200, get("beta.most.localhost", "/chuyen-muc/tin-hoat-dong").statusCode(), "other tenants serve on");

        TenantSchemaUpgrade.Summary startup = upgrade.upgradeAll();
        assertEquals(1, startup.missing());
        assertEquals(0, schemas("t_alpha"), "start-up does not re-create the lost schema empty");
        OnboardingReport reapplied = onboarding.onboard(ManifestReader.parse(TestTenants.read("manifests/alpha.yaml"))).block();
        assertTrue(reapplied.migrationStatus().startsWith("missing"), reapplied.toString());
        assertEquals(0, schemas("t_alpha"), "nor does applying its manifest again");
        assertEquals(503, get(ALPHA, "/chuyen-muc/tin-hoat-dong").statusCode());

        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        var started = jobs.restore(alpha, run.id(), new RestoreRequest("same", null, null, "alpha", null, null), "test").block();
        assertTrue(started.errors().isEmpty(), started.errors().toString());
        RestoreRun done = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> history.restore("alpha", started.run().id()).block(), r -> !r.running());
        assertEquals("succeeded", done.status(), done.error());
        assertNull(done.safetyRunId());
        assertTrue(done.safetySkipped().contains("không còn trong cơ sở dữ liệu"), done.safetySkipped());

        assertEquals(before, digest("t_alpha"), "the restored data is identical to the backed-up data");
        Awaitility.await().atMost(DEADLINE).until(() -> !registry.findByCode("alpha").orElseThrow().schemaMissing());
        HttpResponse<String> home = get(ALPHA, "/");
        assertEquals(200, home.statusCode());
        assertTrue(home.headers().firstValue("Cache-Status").isEmpty(), "rendered afresh, not stale");
        assertEquals(200, get(ALPHA, "/chuyen-muc/tin-hoat-dong").statusCode(), "serves again without a restart");
        assertEquals("ok", overview.list().filter(t -> t.code().equals("alpha")).blockFirst().migrationStatus());
    }

    private long schemas(String name) {
        return SqlProbe.number(this::jdbc, "SELECT count(*) FROM pg_namespace WHERE nspname = '" + name + "'");
    }

    /** Every table of the schema with an order-independent digest of its rows, computed by PostgreSQL. */
    private Map<String, String> digest(String schema) {
        Map<String, String> digests = new TreeMap<>();
        try (Connection c = jdbc(); var s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                    + "' AND table_type = 'BASE TABLE' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(h, '' ORDER BY h)), '') FROM "
                        + "(SELECT md5(t::text) AS h FROM " + schema + ".\"" + table + "\" t) rows")) {
                    rs.next();
                    digests.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return digests;
    }
}
