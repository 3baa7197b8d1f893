package vn.cong.tenancy;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import io.lettuce.core.RedisClient;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import vn.cong.console.OperatorConsole;
import vn.cong.onboarding.Onboarding;
import vn.cong.ops.integrity.IntegrityCheck;
import vn.cong.testing.Browser;
import vn.cong.testing.OlderSchemas;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node started with a release that brings a tenant migration serves the portals whose schema is current at once and
 * migrates the others behind its back: until its own migration is over, a portal behind answers from the page cache
 * only (the upgrade notice, 503 with {@code Retry-After}, for anything else), none of its work reaches the database,
 * and {@code /health} says DOWN while {@code /health/liveness} stays UP. Here beta's migration is held back by a lock
 * on its history table, so the test sees that state for as long as it needs.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the failing schema last: it stays behind (retried at each start)
class UpgradeWhileServingTest extends PlatformTestSupport {

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantSchemaUpgrade upgrade;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    DatabaseConfiguration db;
    @Inject
    IntegrityCheck checks;
    @Inject
    RedisClient redis;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new java.util.HashMap<>(OperatorConsole.operatorProperties());
        p.put("cong.clusters.upgrade-while-serving", "true");
        p.put("cong.clusters.upgrade-threads", "1"); // one schema after another: the order is seen
        return p;
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboardAll(onboarding, "ministry", "alpha", "beta", "gamma");
    }

    @Test
    @Order(1)
    void aPortalBehindServesItsCachedPagesAndTheUpgradeNoticeUntilItsSchemaIsMigratedWhileOthersServe() throws Exception {
        var beta = new Browser(server.getPort(), "beta.most.localhost");
        var alpha = new Browser(server.getPort(), "alpha.most.localhost");
        var health = new Browser(server.getPort(), "www.most.localhost");
        assertEquals(200, beta.get("/").statusCode(), "beta's home is in the page cache before the release");
        assertEquals(200, alpha.get("/").statusCode());
        OlderSchemas.oneMigrationBehind(db, "beta");
        long rootVersion = rootContentVersion();

        java.util.concurrent.CompletableFuture<TenantSchemaUpgrade.Summary> started;
        try (var lock = jdbc()) { // holds beta's migration back: Flyway cannot record it in its history (reading it is fine)
            lock.setAutoCommit(false);
            try (var s = lock.createStatement()) {
                s.execute("LOCK TABLE t_beta.flyway_schema_history IN SHARE MODE");
            }

            // (on another thread, so that a check that waited for the lock would fail the test rather than hang it)
            started = java.util.concurrent.CompletableFuture.supplyAsync(upgrade::startUp).get(30, TimeUnit.SECONDS);

            assertFalse(started.isDone(), "start-up does not wait for beta's migration");
            assertEquals(Tenant.MigrationStatus.UPGRADING, registry.findByCode("beta").orElseThrow().migrationStatus());
            assertFalse(registry.findByCode("beta").orElseThrow().isServing(), "no job or backup takes beta meanwhile");
            assertEquals("ok", SqlProbe.string(this::jdbc, "SELECT migration_status FROM platform.tenants WHERE code = 'beta'"),
                    "the stored status stays as it is: other nodes keep serving beta");

            // its shared cached pages are kept longer than page-ttl, so a portal whose turn comes late still has them
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> shortestPageTtl("beta") > Duration.ofMinutes(20).toMillis());
            assertTrue(shortestPageTtl("alpha") <= Duration.ofMinutes(5).toMillis(), "alpha's pages live as usual");
            var home = beta.get("/");
            assertEquals(200, home.statusCode(), "a reader still gets beta's cached home");
            assertTrue(home.body().contains("Viện Beta"), home.body());
            var uncached = beta.get("/van-ban");
            assertEquals(503, uncached.statusCode());
            assertEquals("60", uncached.headers().firstValue("Retry-After").orElse(""));
            assertTrue(uncached.body().contains("đang được nâng cấp lên phiên bản mới"), uncached.body());
            var english = beta.get("/en/van-ban");
            assertEquals(503, english.statusCode());
            assertTrue(english.body().contains("being upgraded to a new release"), english.body());
            var login = beta.postForm("/quan-tri/dang-nhap", Map.of("username", "quantri", "password", "x"));
            assertEquals(503, login.statusCode(), "a write answers the notice without reaching beta's schema");
            assertTrue(login.body().contains("nội dung đã nhập vẫn còn trong biểu mẫu"), login.body());
            var refused = assertThrows(RuntimeException.class, () -> tenantDb.mono(registry.findByCode("beta").orElseThrow(),
                    c -> c.one("SELECT count(*) FROM content_items", r -> r.get(0, Long.class))).block());
            assertInstanceOf(TenantUpgradingException.class, refused, "no transaction reaches a schema older than the code");

            // every other portal serves as usual, reads and writes
            assertEquals(200, alpha.get("/").statusCode());
            assertEquals(200, alpha.get("/van-ban").statusCode());
            Tenant alphaTenant = registry.findByCode("alpha").orElseThrow();
            assertEquals(1L, tenantDb.mono(alphaTenant, c -> c.update("UPDATE sections SET description = description WHERE id = (SELECT min(id) FROM sections)"))
                    .block());
            assertEquals(503, health.get("/health").statusCode(), "readiness: DOWN while a schema is behind");
            assertEquals(200, health.get("/health/liveness").statusCode(), "liveness: the node is not to be restarted");
            assertEquals(1, upgrade.upgrading());
            var integrity = checks.run(IntegrityCheck.Trigger.OPERATOR, null, "kiemtra").block();
            assertTrue(integrity.findings().stream().noneMatch(f -> "beta".equals(f.tenantCode())),
                    "a schema still being upgraded is no integrity finding: " + integrity.findings());
            assertTrue(integrity.tenantsChecked() >= 2, "the other portals are checked: " + integrity);
            var console = Jsoup.parse(OperatorConsole.loggedIn(server.getPort()).get("/van-hanh/cong").body());
            assertTrue(console.select("#dang-nang-cap").text().contains("Viện Beta (beta)"), console.select("main").text());
            assertFalse(console.select("#dang-nang-cap").text().contains("alpha"), "only the portal behind is listed");
            lock.rollback();
        }

        TenantSchemaUpgrade.Summary summary = started.get(60, TimeUnit.SECONDS);
        assertEquals(1, summary.migrated());
        assertEquals(0, summary.failed());
        assertEquals(Tenant.MigrationStatus.OK, registry.findByCode("beta").orElseThrow().migrationStatus());
        assertEquals(0, MigrationVersion.fromVersion(SqlProbe.string(this::jdbc,
                "SELECT version FROM t_beta.flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1"))
                .compareTo(OlderSchemas.newest(db)));
        assertEquals(200, beta.get("/van-ban").statusCode(), "beta serves again once its schema is current");
        assertTrue(rootContentVersion() > rootVersion, "the ministry's pages, drawn without beta meanwhile, are drawn afresh");
        assertEquals(200, health.get("/health").statusCode());
        assertEquals(0, upgrade.upgrading());
        assertTrue(Jsoup.parse(OperatorConsole.loggedIn(server.getPort()).get("/van-hanh/cong").body()).select("#dang-nang-cap").isEmpty(),
                "the console no longer says an upgrade is running");
        upgrade.schemasCurrent().block(Duration.ofSeconds(5));
    }

    /** The shortest time to live, in ms, among the tenant's pages in Redis (this class's prefix); fails when it has none. */
    private long shortestPageTtl(String code) {
        try (var c = redis.connect()) {
            var keys = c.sync().keys(redisPrefix + "page:" + code + "|*");
            assertFalse(keys.isEmpty(), "pages of " + code + " in Redis");
            return keys.stream().mapToLong(k -> c.sync().pttl(k)).min().orElseThrow();
        }
    }

    private long rootContentVersion() {
        return Long.parseLong(SqlProbe.string(this::jdbc,
                "SELECT content_version FROM platform.tenants WHERE code = (SELECT parent_code FROM platform.tenants WHERE code = 'beta')"));
    }

    @Test
    @Order(3)
    void aMigrationThatFailsWhileServingLeavesItsPortalMarkedAndTheNodeReady() throws Exception {
        // gamma's history forgets its newest migration while what it did stays: applying it again fails
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM t_gamma.flyway_schema_history WHERE installed_rank = "
                    + "(SELECT max(installed_rank) FROM t_gamma.flyway_schema_history)");
        }

        TenantSchemaUpgrade.Summary summary = upgrade.startUp().get(60, TimeUnit.SECONDS);

        assertEquals(1, summary.migrated());
        assertEquals(1, summary.failed());
        assertEquals(Tenant.MigrationStatus.FAILED, registry.findByCode("gamma").orElseThrow().migrationStatus(),
                "this node shows the stored failure, no longer the upgrade");
        assertEquals(0, upgrade.upgrading());
        var gamma = new Browser(server.getPort(), "gamma.most.localhost").get("/");
        assertEquals(503, gamma.statusCode());
        assertFalse(gamma.body().contains("nâng cấp"), "a failed migration is not an upgrade in progress");
        assertEquals(200, new Browser(server.getPort(), "alpha.most.localhost").get("/").statusCode());
        assertEquals(200, new Browser(server.getPort(), "www.most.localhost").get("/health").statusCode(),
                "a failed portal is marked, the node serves the others and is ready");
    }

    @Test
    @Order(2)
    void rootPortalsAreUpgradedBeforeTheirMembers() throws Exception {
        OlderSchemas.oneMigrationBehind(db, "alpha");
        OlderSchemas.oneMigrationBehind(db, "bo"); // the ministry: after alpha by its code, first as a root

        TenantSchemaUpgrade.Summary summary = upgrade.startUp().get(60, TimeUnit.SECONDS);

        assertEquals(2, summary.migrated());
        String newest = OlderSchemas.newest(db).getVersion();
        assertEquals("t", SqlProbe.string(this::jdbc, """
                SELECT (SELECT installed_on FROM t_bo.flyway_schema_history WHERE version = '%1$s')
                     < (SELECT installed_on FROM t_alpha.flyway_schema_history WHERE version = '%1$s')""".formatted(newest)),
                "the root's schema was migrated first");
        assertEquals(200, new Browser(server.getPort(), "www.most.localhost").get("/").statusCode());
        assertEquals(200, new Browser(server.getPort(), "alpha.most.localhost").get("/").statusCode());
    }
}
