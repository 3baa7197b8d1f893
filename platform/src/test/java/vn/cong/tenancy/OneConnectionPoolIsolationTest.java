package vn.cong.tenancy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.onboarding.Onboarding;
import vn.cong.site.PublicContent;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a single pooled connection, alternating tenants never see each other's rows. */
@MicronautTest(transactional = false)
class OneConnectionPoolIsolationTest extends PlatformTestSupport {

    @Inject
    Onboarding onboarding;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    TenantRegistry registry;
    @Inject
    ConnectionFactory connections;
    @Inject
    PublicContent publicContent;
    @Inject
    DatabaseClusters clusters;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("r2dbc.datasources.default.options.maxSize", "1",
                "r2dbc.datasources.default.options.initialSize", "1",
                // the tenants' work: one group of one connection, so every tenant takes turns on it
                "cong.clusters.pool-max-size", "1",
                "cong.clusters.connection-groups", "1");
    }

    private static final String ALPHA_TITLE = "Cục Alpha ra mắt nền tảng số riêng";
    private static final String BETA_TITLE = "Viện Beta tổng kết chuyển đổi số";

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    @Test
    void poolReallyHasOneConnection() {
        assertTrue(connections instanceof io.r2dbc.pool.ConnectionPool);
        assertEquals(1, ((io.r2dbc.pool.ConnectionPool) connections).getMetrics().orElseThrow().getMaxAllocatedSize());
        tenantDb.mono(registry.findByCode("alpha").orElseThrow(), c -> c.one("SELECT 1", r -> 1)).block();
        List<io.r2dbc.pool.PoolMetrics> groups = clusters.groupMetrics(Tenant.DEFAULT_DATABASE).orElseThrow();
        assertEquals(1, groups.size(), "one group of tenant connections");
        assertEquals(1, groups.get(0).getMaxAllocatedSize(), "of one connection");
    }

    /** {@code sql}'s first column, run with no tenant on the one tenant connection (as the pool hands it out again). */
    private <T> T onTheTenantConnection(String sql, Class<T> type) {
        return Mono.usingWhen(clusters.connection(Tenant.DEFAULT_DATABASE, "alpha"),
                c -> vn.cong.system.Sql.one(c, sql, r -> r.get(0, type)), c -> c.close()).block();
    }

    @Test
    void alternatingTenantsSeeOnlyTheirOwnRows() {
        alternate(300, (i, t, expected, other) -> {
            List<String> titles = tenantDb.flux(t, c -> c.query("SELECT title FROM content_items WHERE slug = 'chuyen-doi-so-2026'",
                    r -> r.get(0, String.class))).collectList().block();
            assertEquals(List.of(expected), titles, "query " + i + " for " + t.code());
        });
    }

    /** One turn of {@link #alternate}: the tenant, the title only it has and the other tenant's title. */
    private interface Turn {
        void check(int i, Tenant tenant, String expected, String other);
    }

    /** {@code turns} turns on the one connection, alpha and beta in alternation. */
    private void alternate(int turns, Turn turn) {
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        Tenant beta = registry.findByCode("beta").orElseThrow();
        for (int i = 0; i < turns; i++) {
            boolean isAlpha = i % 2 == 0;
            turn.check(i, isAlpha ? alpha : beta, isAlpha ? ALPHA_TITLE : BETA_TITLE, isAlpha ? BETA_TITLE : ALPHA_TITLE);
        }
    }

    @Test
    void interleavedConcurrentQueriesStayInTheirTenant() {
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        Tenant beta = registry.findByCode("beta").orElseThrow();
        List<String> mismatches = Flux.range(0, 400)
                .flatMap(i -> {
                    Tenant t = i % 2 == 0 ? alpha : beta;
                    Mono<String> schema = tenantDb.mono(t, c -> c.one("SELECT current_schema() || ':' || (SELECT count(*) FROM accounts)",
                            r -> r.get(0, String.class)));
                    return (i % 3 == 0 ? schema.subscribeOn(reactor.core.scheduler.Schedulers.parallel()) : schema)
                            .filter(s -> !s.startsWith(t.schema() + ":"))
                            .map(s -> t.code() + " saw " + s);
                }, 16)
                .collectList().block();
        assertEquals(List.of(), mismatches);
    }

    @Test
    void queryWithoutTenantFailsLoudlyEvenRightAfterATenantQuery() {
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        tenantDb.mono(alpha, c -> c.one("SELECT count(*) FROM content_items", r -> r.get(0, Long.class))).block();
        // same (only) connection, no tenant: the tenant's search_path must not have stayed on it
        assertThrows(RuntimeException.class, () -> onTheTenantConnection("SELECT count(*) FROM content_items", Long.class));
        String path = onTheTenantConnection("SELECT current_setting('search_path')", String.class);
        assertTrue(!path.contains("t_alpha"), "search_path after release: " + path);
    }

    @Test
    void failedUnitOfWorkDoesNotLeaveTenantOnConnection() {
        Tenant beta = registry.findByCode("beta").orElseThrow();
        assertThrows(RuntimeException.class, () -> tenantDb.mono(beta, c -> c.one("SELECT no_such_column FROM content_items",
                r -> 1)).block());
        String path = onTheTenantConnection("SELECT current_setting('search_path')", String.class);
        assertTrue(!path.contains("t_beta"), "search_path after failure: " + path);
    }

    @Test
    void statementsNamingTheTenantsSchemaStayInTheirTenantOnOneConnection() {
        alternate(40, (i, t, expected, other) -> {
            // the public pages' statements (one prepared statement per tenant on the connection, kept across turns)
            List<String> latest = publicContent.latest(t, "vi", 20).block().stream().map(PublicContent.ArticleRow::title).toList();
            assertTrue(latest.contains(expected), t.code() + " turn " + i + ": " + latest);
            assertFalse(latest.contains(other), t.code() + " turn " + i + ": " + latest);
            assertEquals(expected, publicContent.article(t, "vi", "chuyen-doi-so-2026", 3).block().orElseThrow().article().title());
        });
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        String own = tenantDb.mono(alpha, c -> Mono.just(c.own("SELECT count(*) FROM {schema}.content_items"))).block();
        assertEquals("SELECT count(*) FROM \"t_alpha\".content_items", own);
    }

    @Test
    void theConnectionKeepsABoundedNumberOfPreparedStatements() {
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        // 600 different statements with a parameter on the one connection: the driver prepares each under a name
        Long kept = tenantDb.mono(alpha, c -> Flux.range(0, 600)
                .concatMap(i -> c.one("SELECT $1::int + " + i, r -> r.get(0, Integer.class), i))
                .then(c.one("SELECT count(*) FROM pg_prepared_statements", r -> r.get(0, Long.class)))).block();
        assertTrue(kept <= 512, kept + " prepared statements kept on one connection");
        assertTrue(kept >= 100, "statements are prepared and kept at all: " + kept);
    }
}
