package vn.cong.site;

import io.micronaut.core.annotation.Nullable;
import vn.cong.system.Sql;
import vn.cong.tenancy.TenantTx;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The public's view of a tenant's content: only items in state {@code published} whose publication
 * time has come. One transaction per page, whatever the number of queries it needs.
 */
@Singleton
public class PublicContent {

    /** Visible to the public as an article: published, and not scheduled for later (other kinds have their own pages). */
    private static final String PUBLIC = "i.kind = 'article' AND i.state = 'published' AND i.published_at <= now()";
    /** A card's columns, with its cover's focal point when the cover is a picture of the library that has one ("x y", in %). */
    private static final String CARD_COLUMNS = "i.id, i.slug, i.title, i.summary, i.cover_url, i.cover_alt, i.published_at, i.section_id,"
            + " (SELECT m.focal_x || ' ' || m.focal_y FROM {schema}.media_files m WHERE i.cover_url LIKE '/media/%'"
            + " AND m.stored_path = substr(i.cover_url, 8) AND NOT m.attachment) AS cover_focus";

    private final TenantDatabase db;

    public PublicContent(TenantDatabase db) {
        this.db = db;
    }

    /**
     * An item as lists show it. {@code rootId} is set only for home-page blocks. {@code coverFocus} is the cover's focal
     * point as the site's classes name it ({@code focus-x-35 focus-y-70}), when one was set in the media library.
     */
    public record ArticleRow(long id, String slug, String title, String summary, @Nullable String coverUrl,
                             @Nullable String coverAlt, OffsetDateTime publishedAt, @Nullable Long sectionId,
                             @Nullable Long rootId, @Nullable String coverFocus) {
    }

    public record HomeContent(List<ArticleRow> featured, List<ArticleRow> blocks) {
    }

    public record SectionContent(long total, List<ArticleRow> articles) {
    }

    public record ArticleContent(ArticleRow article, String bodyHtml, @Nullable String source, List<ArticleRow> related) {
    }

    /**
     * Featured items, and the latest {@code perBlock} items of every top-level section counting its
     * subsections ({@code sectionIds[i]} belongs to block {@code rootIds[i]}).
     */
    public Mono<HomeContent> home(Tenant tenant, String lang, int featured, Long[] sectionIds, Long[] rootIds, int perBlock) {
        return db.mono(tenant, c -> c.query("SELECT " + CARD_COLUMNS + ", NULL::bigint AS root_id FROM {schema}.content_items i"
                                + " WHERE i.featured AND i.language = $1 AND " + PUBLIC
                                + " ORDER BY i.published_at DESC, i.id DESC LIMIT $2",
                        PublicContent::row, lang, featured)
                .collectList()
                // each section's newest few through its index (content_items_section), then the newest of those per
                // block: reads about sections × perBlock rows however many articles the portal holds (ranking every
                // published article of the portal took 1.4 ms with 416 of them, this 0.3 ms)
                .flatMap(top -> c.query("SELECT * FROM (SELECT s.*, m.root_id,"
                                        + " row_number() OVER (PARTITION BY m.root_id ORDER BY s.published_at DESC, s.id DESC) AS rank"
                                        + " FROM unnest($2::bigint[], $3::bigint[]) AS m (section_id, root_id)"
                                        + " CROSS JOIN LATERAL (SELECT " + CARD_COLUMNS + " FROM {schema}.content_items i"
                                        + " WHERE i.section_id = m.section_id AND i.language = $1 AND " + PUBLIC
                                        + " ORDER BY i.published_at DESC, i.id DESC LIMIT $4) s) ranked"
                                        + " WHERE rank <= $4 ORDER BY root_id, rank",
                                PublicContent::row, lang, sectionIds, rootIds, perBlock)
                        .collectList()
                        .map(blocks -> new HomeContent(top, blocks))));
    }

    /** The newest {@code limit} public articles in {@code lang}, whatever their section. */
    public Mono<List<ArticleRow>> latest(Tenant tenant, String lang, int limit) {
        return db.flux(tenant, c -> c.query("SELECT " + CARD_COLUMNS + ", NULL::bigint AS root_id FROM {schema}.content_items i"
                        + " WHERE i.language = $1 AND " + PUBLIC + " ORDER BY i.published_at DESC, i.id DESC LIMIT $2",
                PublicContent::row, lang, limit)).collectList();
    }

    /** One page of a section's items (its subsections' included), newest first, with the total count. */
    public Mono<SectionContent> section(Tenant tenant, String lang, Long[] sectionIds, int page, int pageSize) {
        return db.mono(tenant, c -> c.one("SELECT count(*) FROM {schema}.content_items i WHERE i.section_id = ANY($1) AND i.language = $2 AND " + PUBLIC,
                        r -> r.get(0, Long.class), sectionIds, lang)
                .flatMap(total -> c.query("SELECT " + CARD_COLUMNS + ", NULL::bigint AS root_id FROM {schema}.content_items i"
                                        + " WHERE i.section_id = ANY($1) AND i.language = $2 AND " + PUBLIC
                                        + " ORDER BY i.published_at DESC, i.id DESC" + Sql.page(pageSize, (long) (page - 1) * pageSize),
                                PublicContent::row, sectionIds, lang)
                        .collectList()
                        .map(items -> new SectionContent(total, items))));
    }

    /** A public item by its slug in one language, with the latest other items of its section. */
    public Mono<Optional<ArticleContent>> article(Tenant tenant, String lang, String slug, int related) {
        return db.mono(tenant, c -> article(c, lang, slug, related));
    }

    /** The same, on the page's transaction (the article page reads all it shows in one). */
    static Mono<Optional<ArticleContent>> article(TenantTx c, String lang, String slug, int related) {
        return c.query("SELECT " + CARD_COLUMNS + ", NULL::bigint AS root_id, i.body_html, i.source"
                                + " FROM {schema}.content_items i WHERE i.slug = $1 AND i.language = $2 AND " + PUBLIC,
                        r -> new ArticleContent(row(r), r.get("body_html", String.class), r.get("source", String.class), List.of()),
                        slug, lang)
                .collectList().flatMap(rows -> rows.isEmpty() ? Mono.empty() : Mono.just(rows.get(0)))
                .flatMap(found -> related(c, found, lang, related))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /** An item of any kind as its current text stands, whatever its state, for the staff's preview; and its language. */
    public record DraftContent(ArticleContent content, String language) {
    }

    /** The item's current text in any state (a draft, an item waiting for approval, a published one), with the public related items. */
    public Mono<Optional<DraftContent>> anyState(Tenant tenant, long id, int related) {
        return db.mono(tenant, c -> c.query("SELECT " + CARD_COLUMNS + ", NULL::bigint AS root_id, i.body_html, i.source, i.language"
                                + " FROM {schema}.content_items i WHERE i.id = $1",
                        r -> new DraftContent(new ArticleContent(row(r), r.get("body_html", String.class), r.get("source", String.class), List.of()),
                                r.get("language", String.class)), id)
                .collectList().flatMap(rows -> rows.isEmpty() ? Mono.empty() : Mono.just(rows.get(0)))
                .flatMap(found -> related(c, found.content(), found.language(), related).map(full -> new DraftContent(full, found.language())))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty()));
    }

    private static Mono<ArticleContent> related(TenantTx c, ArticleContent found, String lang, int limit) {
        if (found.article().sectionId() == null) {
            return Mono.just(found);
        }
        return c.query("SELECT " + CARD_COLUMNS + ", NULL::bigint AS root_id FROM {schema}.content_items i"
                                + " WHERE i.section_id = $1 AND i.id <> $2 AND i.language = $3 AND " + PUBLIC
                                + " ORDER BY i.published_at DESC, i.id DESC LIMIT $4",
                        PublicContent::row, found.article().sectionId(), found.article().id(), lang, limit)
                .collectList()
                .map(rows -> new ArticleContent(found.article(), found.bodyHtml(), found.source(), rows));
    }

    /** A dated correction (đính chính) of a published item, as its page shows it [000 Đ12.1]. */
    public record CorrectionNote(OffsetDateTime at, String note) {
    }

    public Mono<List<CorrectionNote>> corrections(Tenant tenant, long itemId) {
        return db.mono(tenant, c -> corrections(c, itemId));
    }

    static Mono<List<CorrectionNote>> corrections(TenantTx c, long itemId) {
        return c.query("SELECT corrected_at, note FROM {schema}.content_corrections WHERE item_id = $1 ORDER BY corrected_at",
                r -> new CorrectionNote(r.get(0, OffsetDateTime.class), r.get(1, String.class)), itemId).collectList();
    }

    /** Whether the address was an item that has been taken down (gỡ bỏ): it then answers 410, not 404. */
    public Mono<Boolean> takenDown(Tenant tenant, String lang, String slug) {
        return db.mono(tenant, c -> takenDown(c, lang, slug));
    }

    static Mono<Boolean> takenDown(TenantTx c, String lang, String slug) {
        return c.one("SELECT count(*) FROM {schema}.content_items WHERE slug = $1 AND language = $2 AND state IN ('taken_down', 'archived')",
                r -> r.get(0, Long.class) > 0, slug, lang);
    }

    private static ArticleRow row(Readable r) {
        return new ArticleRow(r.get("id", Long.class), r.get("slug", String.class), r.get("title", String.class),
                r.get("summary", String.class), r.get("cover_url", String.class), r.get("cover_alt", String.class),
                r.get("published_at", OffsetDateTime.class), r.get("section_id", Long.class), r.get("root_id", Long.class),
                focusClasses(r.get("cover_focus", String.class)));
    }

    /** "35 72" becomes {@code focus-x-35 focus-y-70}: site.css positions cropped covers in 5 % steps (no inline style under the CSP). */
    @Nullable
    static String focusClasses(@Nullable String focus) {
        if (focus == null) {
            return null;
        }
        String[] xy = focus.split(" ");
        return "focus-x-" + Math.round(Integer.parseInt(xy[0]) / 5.0) * 5 + " focus-y-" + Math.round(Integer.parseInt(xy[1]) / 5.0) * 5;
    }
}
