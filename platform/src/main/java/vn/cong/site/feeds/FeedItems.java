package vn.cong.site.feeds;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.kinds.ContentKinds;
import vn.cong.site.PublicUrls;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What a portal syndicates (tin bài and văn bản): the published items of one language, of the whole
 * portal or of one section and its subsections, with their public path, newest first and a page at a time.
 */
@Singleton
class FeedItems {

    /** Kinds a feed carries: news, and legal documents on the portal's own feed. */
    static final List<String> KINDS = List.of("article", "document");
    private static final String WHERE =
            " WHERE language = $1 AND kind = ANY ($2::text[]) AND ($3::bigint[] IS NULL OR section_id = ANY ($3::bigint[]))";
    private static final String PUBLIC = " AND state = 'published' AND published_at <= now()";

    /** {@code nationalId}/{@code nationalUrl}: a legal document's entry in the national legal database, when it has one. */
    record Item(long id, String kind, String path, String title, String summary, String bodyHtml, OffsetDateTime published,
                OffsetDateTime updated, @Nullable String nationalId, @Nullable String nationalUrl) {
    }

    /**
     * One page of items, the number of all of them, and when anything they are drawn from last changed
     * (a publication, an edit, a takedown: every change moves {@code updated_at}); null when there is nothing.
     */
    record Page(long total, List<Item> items, @Nullable OffsetDateTime lastModified) {
    }

    private final TenantDatabase db;
    private final ContentKinds kinds;

    FeedItems(TenantDatabase db, ContentKinds kinds) {
        this.db = db;
        this.kinds = kinds;
    }

    /** The newest {@code limit} items; {@code sectionIds} null for the whole portal (articles and documents), else articles of those sections. */
    Mono<List<Item>> newest(Tenant tenant, String lang, @Nullable Long[] sectionIds, int limit) {
        return page(tenant, lang, sectionIds == null ? KINDS : List.of("article"), sectionIds, 1, limit).map(Page::items);
    }

    /** Page {@code page} (from 1) of {@code size} items of {@code wanted} kinds, in one transaction. */
    Mono<Page> page(Tenant tenant, String lang, List<String> wanted, @Nullable Long[] sectionIds, int page, int size) {
        Object[] params = {lang, wanted.toArray(String[]::new), Sql.orNull(sectionIds, Long[].class)};
        // a change to a draft moves Last-Modified too: an aggregator asks again once more than needed, never misses a takedown
        return db.mono(tenant, c -> c.one("SELECT count(*) FILTER (WHERE state = 'published' AND published_at <= now()),"
                                + " max(greatest(updated_at, least(published_at, now()))) FROM content_items" + WHERE,
                        r -> new Page(r.get(0, Long.class), List.of(), r.get(1, OffsetDateTime.class)), params)
                .flatMap(counted -> c.query("SELECT id, kind, slug, title, summary, body_html, published_at,"
                                        + " greatest(updated_at, published_at) AS updated, d.national_db_id, d.national_db_url"
                                        + " FROM content_items LEFT JOIN legal_documents d ON d.item_id = content_items.id" + WHERE + PUBLIC
                                        + " ORDER BY published_at DESC, id DESC" + Sql.page(size, (long) (page - 1) * size),
                                r -> path(r.get("kind", String.class), lang, r.get("slug", String.class)).map(p -> new Item(r.get("id", Long.class),
                                        r.get("kind", String.class), p, r.get("title", String.class), r.get("summary", String.class),
                                        r.get("body_html", String.class), r.get("published_at", OffsetDateTime.class),
                                        r.get("updated", OffsetDateTime.class), r.get("national_db_id", String.class),
                                        r.get("national_db_url", String.class))),
                                params)
                        .collectList()
                        .map(rows -> new Page(counted.total(), rows.stream().flatMap(Optional::stream).toList(), counted.lastModified()))));
    }

    /** A time as RFC 3339 in UTC, to the second (JSON Feed's and the public API's dates). */
    static String rfc3339(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    Optional<String> path(String kind, String lang, String slug) {
        if ("article".equals(kind)) {
            return Optional.of(PublicUrls.article(lang, slug));
        }
        return kinds.declaration(kind).map(d -> d.publicUrl(lang, slug));
    }
}
