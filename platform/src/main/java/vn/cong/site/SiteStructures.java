package vn.cong.site;

import vn.cong.content.legal.LegalNotices;

import com.github.benmanes.caffeine.cache.AsyncCache;
import vn.cong.tenancy.TenantTx;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.ops.maintenance.MaintenanceWindows;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.themes.ThemeSelection;
import vn.cong.themes.ThemeVersions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Per-tenant menu and settings, cached in-process under tenant code and content version: a new
 * version (publishing) loads them afresh; concurrent misses share one load.
 */
@Singleton
public class SiteStructures {

    private final TenantDatabase db;
    private final MaintenanceWindows maintenance;
    private final ThemeVersions themeVersions;
    private final AsyncCache<String, SiteStructure> cache;
    private final vn.cong.workflow.RegulationProfiles profiles;

    public SiteStructures(TenantDatabase db, MaintenanceWindows maintenance, ThemeVersions themeVersions, SiteConfiguration config,
                          vn.cong.workflow.RegulationProfiles profiles) {
        this.profiles = profiles;
        this.db = db;
        this.maintenance = maintenance;
        this.themeVersions = themeVersions;
        this.cache = Caffeine.newBuilder()
                // one entry per tenant and content version: far above the tenants a node serves (2,000 was the cap
                // and the number of tenants of the scale runs, so host rotation over all of them missed)
                .maximumSize(config.structureCacheSize())
                .expireAfter(new SpreadTtl(config.pageTtl()).<String, SiteStructure>expiry()) // loaded together, not expired together
                .buildAsync();
    }

    public Mono<SiteStructure> of(Tenant tenant) {
        String key = tenant.code() + ":" + tenant.contentVersion();
        return Mono.fromFuture(() -> cache.get(key, (k, executor) -> load(tenant).toFuture()), true);
    }

    private Mono<SiteStructure> load(Tenant tenant) {
        return db.mono(tenant, c -> sections(c)
                .flatMap(sections -> themeSettings(c, tenant)
                        .flatMap(theme -> maintenance.notices(c.platformRows(), Instant.now())
                                .flatMap(notices -> linkedSites(c)
                                        .flatMap(linked -> themeVersions.live(c).map(java.util.Optional::of)
                                                .defaultIfEmpty(java.util.Optional.<ThemeSelection>empty())
                                                .flatMap(live -> LegalNotices.read(c).map(legal ->
                                                        SiteStructure.of(sections, theme, notices, linked, live.orElse(null), legal))))))))
                .flatMap(structure -> profiles.profile(tenant)
                        .map(p -> structure.withCitation(p.values().get(vn.cong.workflow.ProfileValue.CITATION)))
                        .defaultIfEmpty(structure));
    }

    private static Mono<List<SiteStructure.SectionRow>> sections(TenantTx c) {
        return c.query("""
                        SELECT id, parent_id, slug, name_vi, name_en, description, visible AND archived_at IS NULL AS visible
                        FROM sections ORDER BY position, id""" /* an archived section is kept for its items, never shown */,
                r -> new SiteStructure.SectionRow(r.get("id", Long.class), r.get("parent_id", Long.class),
                        r.get("slug", String.class), r.get("name_vi", String.class), r.get("name_en", String.class),
                        r.get("description", String.class), Boolean.TRUE.equals(r.get("visible", Boolean.class))))
                .collectList();
    }

    /** The tenant's values for its theme's variables: {@code settings.theme} in the registry row. */
    private static Mono<Map<String, String>> themeSettings(TenantTx c, Tenant tenant) {
        return c.query("""
                        SELECT s.key, s.value FROM platform.tenants t,
                            jsonb_each_text(CASE WHEN jsonb_typeof(t.settings -> 'theme') = 'object'
                                                 THEN t.settings -> 'theme' ELSE '{}'::jsonb END) s
                        WHERE t.code = $1""",
                        r -> Map.entry(r.get(0, String.class), String.valueOf(r.get(1, String.class))), tenant.code())
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static Mono<List<SiteStructure.LinkedSite>> linkedSites(TenantTx c) {
        return c.platformRows().query("SELECT name_vi, name_en, url FROM platform.linked_sites WHERE tenant_code = $1 ORDER BY position, id",
                        r -> new SiteStructure.LinkedSite(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class)))
                .collectList();
    }
}
