package vn.cong.tenancy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.cong.api.ApiTokens;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-connection-pool isolation of {@link OneConnectionPoolIsolationTest}, for Micronaut Data
 * repository calls: with a single pooled connection and two tenants alternating, a repository call made
 * in a tenant transaction sees only that tenant's rows, and no repository call sets a schema of its own
 * (the only search-path statement per transaction is the one {@link TenantDatabase} issues when it opens it).
 */
@MicronautTest(transactional = false)
class OneConnectionRepositoryCallsTest extends PlatformTestSupport {

    private static final Pattern SETS_SOMETHING = Pattern.compile("(?is)^\\s*SET\\b|set_config\\s*\\(|search_path");

    @Inject
    ApplicationContext context;
    @Inject
    ApiTokens tokens;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    DatabaseClusters clusters;
    @Inject
    PlatformDatabase platformDb;
    @Inject
    StatementLog log;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("r2dbc.datasources.default.options.maxSize", "1",
                "r2dbc.datasources.default.options.initialSize", "1",
                "cong.clusters.pool-max-size", "1",
                "cong.clusters.connection-groups", "1",
                "cong.test.statement-log", "true");
    }

    private TwoPortals portals;

    @BeforeAll
    void onboardTenants() {
        portals = TwoPortals.onboard(context);
        for (Tenant t : List.of(portals.alpha(), portals.beta())) {
            tokens.issue(t, portals.editorId(t), "token-of-" + t.code(), portals.editorId(t)).block();
        }
    }

    @Test
    void poolHasOneConnection() {
        var pool = (io.r2dbc.pool.ConnectionPool) log.pool();
        assertEquals(1, pool.getMetrics().orElseThrow().getMaxAllocatedSize());
        tokens.list(portals.alpha()).block();
        var groups = clusters.groupMetrics(Tenant.DEFAULT_DATABASE).orElseThrow();
        assertEquals(1, groups.size(), "one group of tenant connections");
        assertEquals(1, groups.get(0).getMaxAllocatedSize(), "of one connection");
    }

    @Test
    void alternatingRepositoryCallsSeeOnlyTheirTenantAndSetNothing() {
        Tenant alpha = portals.alpha();
        Tenant beta = portals.beta();
        log.clear();
        int calls = 200;
        for (int i = 0; i < calls; i++) {
            Tenant t = i % 2 == 0 ? alpha : beta;
            List<String> names = tokens.list(t).block().stream().map(ApiTokens.TokenLine::name).toList();
            assertEquals(List.of("token-of-" + t.code()), names, "repository call " + i + " for " + t.code());
        }
        List<String> statements = log.statements();
        List<String> repositoryReads = statements.stream().filter(s -> s.toLowerCase(Locale.ROOT).contains("from api_tokens")).toList();
        List<String> settings = statements.stream().filter(s -> SETS_SOMETHING.matcher(s).find()).toList();
        assertEquals(calls, repositoryReads.size(), "every list went through the repository: " + statements.subList(0, Math.min(6, statements.size())));
        assertEquals(calls, settings.size(), "one search-path statement per transaction, none from the repository: " + settings);
        assertTrue(settings.stream().allMatch(s -> s.contains("set_config('search_path'")), "only TenantDatabase's set_config: " + settings);
        List<String> others = statements.stream().filter(s -> !repositoryReads.contains(s) && !settings.contains(s)).toList();
        // anything else on the connection meanwhile is the node's own polling of the platform registry
        assertTrue(others.stream().allMatch(s -> s.contains("platform.")), "unexpected statements: " + others);
    }

    @Test
    void interleavedConcurrentRepositoryCallsStayInTheirTenant() {
        List<String> mismatches = Flux.range(0, 200)
                .flatMap(i -> {
                    Tenant t = i % 2 == 0 ? portals.alpha() : portals.beta();
                    Mono<List<ApiTokens.TokenLine>> lines = tokens.list(t);
                    return (i % 3 == 0 ? lines.subscribeOn(Schedulers.parallel()) : lines)
                            .filter(l -> !l.stream().map(ApiTokens.TokenLine::name).toList().equals(List.of("token-of-" + t.code())))
                            .map(l -> t.code() + " saw " + l);
                }, 16)
                .collectList().block();
        assertEquals(List.of(), mismatches);
    }

    @Test
    void searchPathIsTheTenantsSchemaThenExtensions() {
        // the platform migration V100 installs the shared extensions schema (unaccent, pg_trgm) in every database
        assertEquals("t_alpha, extensions", searchPath(portals.alpha()));
    }

    private String searchPath(Tenant tenant) {
        return tenantDb.mono(tenant, tx -> tx.one("SELECT current_setting('search_path')", r -> r.get(0, String.class)))
                .block().replace("\"", "");
    }

    @Test
    void perTenantPlatformRowsAreBoundToTheTenantOrRefused() {
        Tenant alpha = portals.alpha();
        // no tenant filter: refused before it runs
        assertThrows(IllegalArgumentException.class, () -> platformDb.mono(tx -> tx.forTenant(alpha)
                .one("SELECT count(*) FROM platform.linked_sites", r -> r.get(0, Long.class))).block());
        // the tenant is $1, bound from the Tenant; the caller's parameters follow
        List<String> codes = platformDb.flux(tx -> tx.forTenant(alpha).query(
                "SELECT tenant_code FROM platform.domain_aliases WHERE tenant_code = $1 OR host = $2 UNION SELECT $1",
                r -> r.get(0, String.class), "no-such-host.example")).collectList().block();
        assertEquals(List.of("alpha"), codes);
    }
}
