package vn.cong.tenancy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenant connections in groups: a tenant keeps to its own group's connection (so the statements prepared there for it
 * stay useful), lends from another group when its own is busy instead of waiting, and never sees another tenant's rows
 * on a lent connection.
 */
@MicronautTest(transactional = false)
class ConnectionGroupsTest extends PlatformTestSupport {

    @Inject
    Onboarding onboarding;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    TenantRegistry registry;
    @Inject
    DatabaseClusters clusters;
    @Inject
    PlatformDatabase platform;
    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    private double connections(String state) {
        return meters.get("cong.tenant.connections").tag("database", Tenant.DEFAULT_DATABASE).tag("state", state).gauge().value();
    }

    private double borrowed() {
        return meters.get("cong.tenant.connections.borrowed").tag("database", Tenant.DEFAULT_DATABASE).functionCounter().count();
    }

    @Override
    protected Map<String, String> extraProperties() {
        // four groups of one connection each: alpha's home is group 0, beta's group 3 (ConnectionGroups.home)
        return Map.of("cong.clusters.pool-max-size", "4", "cong.clusters.connection-groups", "4",
                "cong.clusters.plan-cache-mode", "force_custom_plan");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    /** The server process serving this tenant's next transaction, with the schema it is in. */
    private String backend(Tenant t) {
        return tenantDb.mono(t, c -> c.one("SELECT pg_backend_pid() || ' ' || current_schema()", r -> r.get(0, String.class))).block();
    }

    @Test
    void connectionsAreSplitIntoTheConfiguredGroups() {
        backend(tenant("alpha"));
        List<io.r2dbc.pool.PoolMetrics> groups = clusters.groupMetrics(Tenant.DEFAULT_DATABASE).orElseThrow();
        assertEquals(4, groups.size());
        assertTrue(groups.stream().allMatch(g -> g.getMaxAllocatedSize() == 1), "one connection a group");
        // on /prometheus for the operator: summed over the groups
        assertEquals(4.0, connections("allowed"));
        assertTrue(connections("open") >= 1 && connections("open") <= 4, "open: " + connections("open"));
        assertEquals(0.0, connections("waiting"));
    }

    @Test
    void tenantConnectionsRunWithTheConfiguredPlanCacheMode() {
        assertEquals("force_custom_plan", tenantDb.mono(tenant("beta"), c -> c.one("SELECT current_setting('plan_cache_mode')",
                r -> r.get(0, String.class))).block());
        assertEquals("auto", platform.mono(c -> c.one("SELECT current_setting('plan_cache_mode')", r -> r.get(0, String.class))).block(),
                "the platform's own work keeps PostgreSQL's default");
        var refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ClustersConfiguration(
                "default", 10, 10, "fastest", null, null, Duration.ofSeconds(5), false, Duration.ofSeconds(20), 4, true));
        assertTrue(refused.getMessage().contains("plan-cache-mode"), refused.getMessage());
        var noThreads = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ClustersConfiguration(
                "default", 10, 10, "auto", null, null, Duration.ofSeconds(5), false, Duration.ofSeconds(20), 0, true));
        assertTrue(noThreads.getMessage().contains("upgrade-threads"), noThreads.getMessage());
    }

    @Test
    void connectionsAreDealtOutEvenlyAndEveryGroupHasOne() {
        assertEquals(List.of(3, 3, 2, 2), sizes(10, 4));
        assertEquals(List.of(1, 1, 1), sizes(3, 20), "never more groups than connections");
        assertEquals(List.of(10), sizes(10, 1));
        assertEquals(List.of(1), sizes(0, 0));
    }

    private static List<Integer> sizes(int total, int count) {
        ConnectionGroups groups = new ConnectionGroups(total, count, size -> (io.r2dbc.pool.ConnectionPool) io.r2dbc.spi.ConnectionFactories.get(
                io.r2dbc.spi.ConnectionFactoryOptions.parse("r2dbc:pool:postgresql://postgres@127.0.0.1:5432/unused?maxSize=" + size + "&initialSize=0")));
        try {
            return groups.metrics().stream().map(io.r2dbc.pool.PoolMetrics::getMaxAllocatedSize).toList();
        } finally {
            groups.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void tenantCodesAStepApartSpreadOverEveryGroup() {
        // a database holding every eighth of unit0001 … unit2000 (onboard-many.sh with DATABASES=8): a plain
        // hashCode modulo 10 would leave half the groups without a tenant
        int[] counts = new int[10];
        for (int i = 1; i <= 2000; i += 8) {
            counts[ConnectionGroups.home(String.format("unit%04d", i), 10)]++;
        }
        for (int count : counts) {
            assertTrue(count >= 15 && count <= 40, java.util.Arrays.toString(counts));
        }
    }

    @Test
    void eachTenantKeepsToItsOwnConnection() {
        assertEquals(0, ConnectionGroups.home("alpha", 4));
        assertEquals(3, ConnectionGroups.home("beta", 4));
        Set<String> alpha = new HashSet<>();
        Set<String> beta = new HashSet<>();
        for (int i = 0; i < 30; i++) { // one after another: each time a connection is idle in both groups
            alpha.add(backend(tenant("alpha")));
            beta.add(backend(tenant("beta")));
        }
        assertEquals(1, alpha.size(), "alpha always on one connection: " + alpha);
        assertEquals(1, beta.size(), "beta always on one connection: " + beta);
        assertTrue(alpha.iterator().next().endsWith(" t_alpha") && beta.iterator().next().endsWith(" t_beta"), alpha + " " + beta);
        assertNotEquals(pid(alpha.iterator().next()), pid(beta.iterator().next()), "two tenants of different groups share no connection");
    }

    @Test
    void aTenantWhoseGroupIsBusyBorrowsAnotherGroupsConnection() {
        Tenant alpha = tenant("alpha");
        String home = backend(alpha);
        Sinks.One<String> holding = Sinks.one();
        Sinks.Empty<Void> release = Sinks.empty();
        // alpha's only home connection stays in an open transaction until released
        Mono<String> held = tenantDb.mono(alpha, c -> c.one("SELECT pg_backend_pid()::text", r -> r.get(0, String.class))
                .flatMap(pid -> {
                    holding.tryEmitValue(pid);
                    return release.asMono().thenReturn(pid);
                }));
        double borrowedBefore = borrowed();
        var running = held.toFuture();
        try {
            assertEquals(pid(home), holding.asMono().block(Duration.ofSeconds(10)));
            assertTrue(connections("in-use") >= 1, "the held connection counts as in use");
            // without lending this would wait for the held connection (maxAcquireTime 5 s) and fail
            String lent = backend(alpha);
            assertNotEquals(pid(home), pid(lent), "served on another group's connection");
            assertTrue(borrowed() >= borrowedBefore + 1, "the borrowing is counted for the operator: " + borrowed());
            assertTrue(lent.endsWith(" t_alpha"), "in alpha's schema: " + lent);
            String rows = tenantDb.mono(alpha, c -> c.one("SELECT string_agg(title, '|') FROM content_items", r -> r.get(0, String.class))).block();
            assertTrue(rows.contains("Cục Alpha") && !rows.contains("Viện Beta"), rows);
        } finally {
            release.tryEmitEmpty();
            running.join();
        }
        // the lent connection went back clean: beta, in whichever group, sees only its own
        List<String> seen = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> seen.add(tenantDb.mono(tenant(i % 2 == 0 ? "beta" : "alpha"),
                c -> c.one("SELECT current_schema() || ':' || string_agg(title, '|') FROM content_items", r -> r.get(0, String.class))).block()));
        for (String s : seen) {
            assertTrue(s.startsWith("t_beta:") ? !s.contains("Cục Alpha") : s.startsWith("t_alpha:") && !s.contains("Viện Beta"), s);
        }
        assertEquals(pid(home), pid(backend(alpha)), "back home once its connection is free");
    }

    @Test
    void whenEveryGroupIsBusyWorkQueuesWhereTheWaitIsShortest() {
        Tenant alpha = tenant("alpha");
        int home = ConnectionGroups.home("alpha", 4);
        Sinks.Empty<Void> release = Sinks.empty();
        List<java.util.concurrent.CompletableFuture<String>> holders = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<String>> waiters = new ArrayList<>();
        List<Integer> waiting;
        try {
            // every group's one connection held in an open transaction: alpha's own first, then the three it borrows
            for (int i = 0; i < 4; i++) {
                Sinks.One<String> holding = Sinks.one();
                holders.add(tenantDb.mono(alpha, c -> c.one("SELECT pg_backend_pid()::text", r -> r.get(0, String.class))
                        .flatMap(pid -> {
                            holding.tryEmitValue(pid);
                            return release.asMono().thenReturn(pid);
                        })).toFuture());
                holding.asMono().block(Duration.ofSeconds(10));
            }
            assertEquals(4, inUse(), "all four connections in use");
            // three more of alpha's transactions: two queue at home, the third where no one waits yet (before, all three
            // queued at home while the other groups' queues stayed empty)
            for (int i = 1; i <= 3; i++) {
                waiters.add(tenantDb.mono(alpha, c -> c.one("SELECT current_schema()", r -> r.get(0, String.class))).toFuture());
                int expected = i;
                awaitTrue(() -> pending().stream().mapToInt(Integer::intValue).sum() == expected, "transaction " + i + " waiting");
            }
            waiting = pending();
        } finally {
            release.tryEmitEmpty();
        }
        assertEquals(2, waiting.get(home), "two wait at home: " + waiting);
        assertEquals(1, waiting.stream().filter(n -> n == 1).count(), "the third waits in another group: " + waiting);
        for (var waiter : waiters) {
            assertEquals("t_alpha", waiter.join(), "a waiter served in its own schema wherever it waited");
        }
        holders.forEach(java.util.concurrent.CompletableFuture::join);
    }

    private int inUse() {
        return clusters.groupMetrics(Tenant.DEFAULT_DATABASE).orElseThrow().stream().mapToInt(io.r2dbc.pool.PoolMetrics::acquiredSize).sum();
    }

    private List<Integer> pending() {
        return clusters.groupMetrics(Tenant.DEFAULT_DATABASE).orElseThrow().stream().map(io.r2dbc.pool.PoolMetrics::pendingAcquireSize).toList();
    }

    /** Polls {@code condition} every few milliseconds; fails when it is still false after four seconds. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        Boolean met = reactor.core.publisher.Flux.interval(Duration.ZERO, Duration.ofMillis(5))
                .filter(tick -> condition.getAsBoolean()).next().map(tick -> true)
                .timeout(Duration.ofSeconds(4), Mono.just(false)).block();
        assertTrue(met, "timed out: " + what);
    }

    private static String pid(String backend) {
        return backend.split(" ")[0];
    }
}
