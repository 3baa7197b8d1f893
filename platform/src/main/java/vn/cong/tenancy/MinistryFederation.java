package vn.cong.tenancy;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a root portal (the ministry) may draw from its members: each member's tenant admin opts in to the
 * ministry-wide search and to the "news from the units" block separately; the root's tenant admin sizes the
 * block (0 hides it). The choices live in {@code platform.ministry_federation}, so the root finds the members
 * without opening their schemas; their content is then read in one tenant transaction per member. Only members
 * that serve (active, schema in place) count: a suspended member disappears at once.
 */
@Singleton
public class MinistryFederation {

    /** A tenant's choices; a tenant that never chose has {@link #NONE}. */
    public record Choices(boolean inMinistrySearch, boolean inMinistryNews, int newsBlockSize) {
        public static final Choices NONE = new Choices(false, false, 0);
    }

    public static final int MAX_NEWS_BLOCK = 24;

    private final PlatformDatabase platform;
    private final TenantRegistry registry;

    MinistryFederation(PlatformDatabase platform, TenantRegistry registry) {
        this.platform = platform;
        this.registry = registry;
    }

    public Mono<Choices> choices(Tenant tenant) {
        return platform.mono(c -> c.forTenant(tenant).one(SELECT + " WHERE tenant_code = $1", MinistryFederation::choices))
                .defaultIfEmpty(Choices.NONE);
    }

    /** Whether the tenant's admin (or the demo) has ever saved its choices. */
    public Mono<Boolean> hasChosen(Tenant tenant) {
        return platform.mono(c -> c.forTenant(tenant).one("SELECT EXISTS (SELECT 1 FROM platform.ministry_federation WHERE tenant_code = $1)",
                r -> r.get(0, Boolean.class)));
    }

    /** The serving members of {@code root} that opted in to its ministry-wide search, by name. */
    public Mono<List<Tenant>> searchMembers(Tenant root) {
        return members(root, "in_ministry_search");
    }

    /** The serving members of {@code root} that opted in to its news block, by name. */
    public Mono<List<Tenant>> newsMembers(Tenant root) {
        return members(root, "in_ministry_news");
    }

    /** Whether {@code tenant} is a root with at least one member: only such a portal offers the ministry-wide scope. */
    public boolean hasMembers(Tenant tenant) {
        return tenant.isMinistry() && registry.all().stream().anyMatch(t -> tenant.code().equals(t.parentCode()));
    }

    /**
     * A member's choices, written in the member's own transaction (the caller audits them there and announces the
     * change to the member's and its parent's pages).
     */
    public Mono<Long> saveMember(TenantTx c, boolean inSearch, boolean inNews) {
        return c.platformRows().update("""
                INSERT INTO platform.ministry_federation (tenant_code, in_ministry_search, in_ministry_news) VALUES ($1, $2, $3)
                ON CONFLICT (tenant_code) DO UPDATE SET in_ministry_search = EXCLUDED.in_ministry_search,
                    in_ministry_news = EXCLUDED.in_ministry_news, updated_at = now()""", inSearch, inNews);
    }

    /** A root's block size (0 to {@value #MAX_NEWS_BLOCK}), written in the root's own transaction. */
    public Mono<Long> saveNewsBlock(TenantTx c, int size) {
        if (size < 0 || size > MAX_NEWS_BLOCK) {
            return Mono.error(new IllegalArgumentException("news block size " + size));
        }
        return c.platformRows().update("""
                INSERT INTO platform.ministry_federation (tenant_code, news_block_size) VALUES ($1, $2)
                ON CONFLICT (tenant_code) DO UPDATE SET news_block_size = EXCLUDED.news_block_size, updated_at = now()""", size);
    }

    private Mono<List<Tenant>> members(Tenant root, String column) {
        if (!root.isMinistry()) {
            return Mono.just(List.of());
        }
        return platform.flux(c -> c.query("SELECT f.tenant_code FROM platform.ministry_federation f JOIN platform.tenants t ON t.code = f.tenant_code"
                                + " WHERE t.parent_code = $1 AND f." + column, r -> r.get(0, String.class), root.code()))
                .collect(Collectors.toSet())
                .map(codes -> serving(root, codes));
    }

    /** Checked again against this node's registry: the row may be older than a suspension. */
    private List<Tenant> serving(Tenant root, Set<String> codes) {
        return registry.all().stream()
                .filter(t -> codes.contains(t.code()) && root.code().equals(t.parentCode()) && t.isServing())
                .sorted(Comparator.comparing(Tenant::nameVi))
                .toList();
    }

    private static final String SELECT = "SELECT in_ministry_search, in_ministry_news, news_block_size FROM platform.ministry_federation";

    private static Choices choices(io.r2dbc.spi.Readable r) {
        return new Choices(r.get(0, Boolean.class), r.get(1, Boolean.class), r.get(2, Integer.class));
    }
}
