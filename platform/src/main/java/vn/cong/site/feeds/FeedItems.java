package vn.cong.site.feeds;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.site.PublicUrls;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What a portal syndicates (tin bài and văn bản): the newest published items of one language, of the whole
 * portal or of one section and its subsections, with their public path.
 */
@Singleton
class FeedItems {

    /** Kinds a feed carries: news, and legal documents on the portal's own feed. */
    static final List<String> KINDS = List.of("article", "document");

    record Item(long id, String kind, String path, String title, String summary, OffsetDateTime published, OffsetDateTime updated) {
    }

    private final TenantDatabase db;
    private final ContentKinds kinds;

    FeedItems(TenantDatabase db, ContentKinds kinds) {
        this.db = db;
        this.kinds = kinds;
    }

    /** The newest {@code limit} items; {@code sectionIds} null for the whole portal (articles and documents), else articles of those sections. */
    Mono<List<Item>> newest(Tenant tenant, String lang, Long[] sectionIds, int limit) {
        String[] wanted = sectionIds == null ? KINDS.toArray(String[]::new) : new String[] {"article"};
        return db.mono(tenant, c -> c.query("""
                        SELECT id, kind, slug, title, summary, published_at, greatest(updated_at, published_at) AS updated
                          FROM content_items
                         WHERE state = 'published' AND published_at <= now() AND language = $1 AND kind = ANY ($2::text[])
                           AND ($3::bigint[] IS NULL OR section_id = ANY ($3::bigint[]))
                         ORDER BY published_at DESC, id DESC LIMIT $4""",
                r -> path(r.get("kind", String.class), lang, r.get("slug", String.class)).map(p -> new Item(r.get("id", Long.class),
                        r.get("kind", String.class), p, r.get("title", String.class), r.get("summary", String.class),
                        r.get("published_at", OffsetDateTime.class), r.get("updated", OffsetDateTime.class))),
                lang, wanted, Sql.orNull(sectionIds, Long[].class), limit)
                .collectList())
                .map(rows -> rows.stream().flatMap(Optional::stream).toList());
    }

    private Optional<String> path(String kind, String lang, String slug) {
        if ("article".equals(kind)) {
            return Optional.of(PublicUrls.article(lang, slug));
        }
        return kinds.declaration(kind).map(d -> d.publicUrl(lang, slug));
    }
}
