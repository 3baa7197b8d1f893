package vn.cong.site.seo;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.about.AboutPages;
import vn.cong.content.about.StandingRole;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.content.kinds.KindDeclaration;
import vn.cong.site.PublicUrls;
import vn.cong.site.SiteStructure;
import vn.cong.site.SectionNode;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public addresses of one portal, as its sitemap lists them: home pages, public sections, and every
 * item the public may read now (articles, about pages, each declared kind), with when it last changed.
 */
@Singleton
class SitemapEntries {

    /** One address (a path on the tenant's host) and its last change, when known. */
    record Entry(String path, OffsetDateTime lastModified) {
    }

    private final TenantDatabase db;
    private final ContentKinds kinds;

    SitemapEntries(TenantDatabase db, ContentKinds kinds) {
        this.db = db;
        this.kinds = kinds;
    }

    Mono<List<Entry>> of(Tenant tenant, SiteStructure structure) {
        return db.mono(tenant, c -> c.query("""
                                SELECT i.kind, i.language, i.slug, s.role, greatest(i.updated_at, i.published_at) AS changed
                                  FROM content_items i LEFT JOIN standing_pages s ON s.item_id = i.id AND s.language = i.language
                                 WHERE i.state = 'published' AND i.published_at <= now()
                                 ORDER BY i.published_at DESC, i.id DESC""",
                        r -> path(r.get("kind", String.class), r.get("language", String.class), r.get("slug", String.class),
                                r.get("role", String.class)).map(p -> new Entry(p, r.get("changed", OffsetDateTime.class))))
                .collectList())
                .map(items -> {
                    OffsetDateTime newest = items.stream().flatMap(Optional::stream).map(Entry::lastModified)
                            .max(OffsetDateTime::compareTo).orElse(null);
                    List<Entry> all = new ArrayList<>();
                    for (String lang : List.of("vi", "en")) {
                        all.add(new Entry(PublicUrls.home(lang), newest));
                        for (SectionNode root : structure.menuRoots()) {
                            all.add(new Entry(PublicUrls.section(lang, root.slug()), null));
                            root.visibleChildren().forEach(child -> all.add(new Entry(PublicUrls.section(lang, child.slug()), null)));
                        }
                    }
                    items.stream().flatMap(Optional::stream).forEach(all::add);
                    return all;
                });
    }

    /** The public address of an item; empty for a kind without public pages. */
    private Optional<String> path(String kind, String lang, String slug, String role) {
        if ("article".equals(kind)) {
            return Optional.of(PublicUrls.article(lang, slug));
        }
        String prefix = "en".equals(lang) ? "/en" : "";
        if (AboutPages.KIND.equals(kind)) {
            return Optional.ofNullable(role).flatMap(StandingRole::ofDb)
                    .map(r -> prefix + "/gioi-thieu" + (r.path().isEmpty() ? "" : "/" + r.path()));
        }
        return kinds.declaration(kind).map(d -> d.publicUrl(lang, slug));
    }
}
