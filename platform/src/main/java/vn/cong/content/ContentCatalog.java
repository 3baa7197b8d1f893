package vn.cong.content;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What editors read: a tenant's articles in every state, one article to edit, its sections and
 * revisions. Other kinds (documents, consultations, …) have their own editors: the article editor
 * must never open one, or saving it as an article would lose its kind.
 */
@Singleton
public class ContentCatalog {

    private final TenantDatabase db;

    public ContentCatalog(TenantDatabase db) {
        this.db = db;
    }

    /** A line of the editors' list. */
    public record ItemSummary(long id, String title, String state, String language, @Nullable String sectionName,
                              OffsetDateTime updatedAt, @Nullable OffsetDateTime publishedAt, String slug) {
    }

    /** An item as its edit form needs it. */
    public record EditableItem(long id, int version, String state, @Nullable Long sectionId, String language, String slug,
                               String title, String summary, String bodyHtml, @Nullable String coverUrl,
                               @Nullable String coverAlt, @Nullable String source, boolean featured,
                               @Nullable OffsetDateTime publishedAt) {
    }

    /** A section as a choice in a form, indented by its depth in the tree. */
    public record SectionChoice(long id, String name, int depth) {
    }

    public record Revision(int version, String title, OffsetDateTime at, @Nullable String author) {
    }

    public Flux<ItemSummary> items(Tenant tenant, @Nullable String state) {
        return db.flux(tenant, c -> c.query("""
                        SELECT i.id, i.title, i.state, i.language, s.name_vi, i.updated_at, i.published_at, i.slug
                        FROM content_items i LEFT JOIN sections s ON s.id = i.section_id
                        WHERE i.kind = 'article' AND ($1 = '' OR i.state = $1)
                        ORDER BY i.updated_at DESC, i.id DESC LIMIT 500""",
                r -> new ItemSummary(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, String.class), r.get(5, OffsetDateTime.class), r.get(6, OffsetDateTime.class), r.get(7, String.class)),
                state == null ? "" : state));
    }

    public Mono<EditableItem> item(Tenant tenant, long id) {
        return db.mono(tenant, c -> c.one("""
                        SELECT id, version, state, section_id, language, slug, title, summary, body_html, cover_url, cover_alt,
                               source, featured, published_at FROM content_items WHERE id = $1 AND kind = 'article'""",
                r -> new EditableItem(r.get(0, Long.class), r.get(1, Integer.class), r.get(2, String.class), r.get(3, Long.class),
                        r.get(4, String.class), r.get(5, String.class), r.get(6, String.class), r.get(7, String.class),
                        r.get(8, String.class), r.get(9, String.class), r.get(10, String.class), r.get(11, String.class),
                        Boolean.TRUE.equals(r.get(12, Boolean.class)), r.get(13, OffsetDateTime.class)), id));
    }

    public Mono<List<SectionChoice>> sections(Tenant tenant) {
        return db.flux(tenant, c -> c.query("""
                        WITH RECURSIVE tree AS (
                            SELECT id, name_vi, 0 AS depth, ARRAY[(archived_at IS NOT NULL)::int, position, id] AS path,
                                   archived_at IS NOT NULL AS archived
                            FROM sections WHERE parent_id IS NULL
                            UNION ALL
                            SELECT s.id, s.name_vi, t.depth + 1, t.path || ARRAY[(s.archived_at IS NOT NULL)::int, s.position, s.id],
                                   t.archived OR s.archived_at IS NOT NULL
                            FROM sections s JOIN tree t ON s.parent_id = t.id)
                        -- archived sections stay choosable (an item already in one keeps it) but are named so, last
                        SELECT id, CASE WHEN archived THEN name_vi || ' (đã lưu trữ)' ELSE name_vi END, depth FROM tree ORDER BY path""",
                r -> new SectionChoice(r.get(0, Long.class), r.get(1, String.class), r.get(2, Integer.class))))
                .collectList();
    }

    /** The slugs items of any kind already have in {@code language} (a slug is unique per language). */
    public Mono<Set<String>> slugsTaken(Tenant tenant, String language) {
        return db.flux(tenant, c -> c.query("SELECT slug FROM content_items WHERE language = $1", r -> r.get(0, String.class), language))
                .collect(Collectors.toSet());
    }

    /** The id of the section with this slug, if the tenant has it. */
    public Mono<Long> sectionId(Tenant tenant, String slug) {
        return db.mono(tenant, c -> c.one("SELECT id FROM sections WHERE slug = $1", r -> r.get(0, Long.class), slug));
    }

    /** The text of one revision of an item, for comparing. */
    public Mono<RevisionDiff.Text> revisionText(Tenant tenant, long itemId, int version) {
        return db.mono(tenant, c -> c.one("SELECT title, summary, body_html FROM content_revisions WHERE item_id = $1 AND version = $2",
                r -> new RevisionDiff.Text(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class)), itemId, version));
    }

    public Mono<List<Revision>> revisions(Tenant tenant, long itemId) {
        return db.flux(tenant, c -> c.query("""
                        SELECT r.version, r.title, r.created_at, a.full_name FROM content_revisions r
                        LEFT JOIN accounts a ON a.id = r.created_by WHERE r.item_id = $1 ORDER BY r.version DESC LIMIT 50""",
                r -> new Revision(r.get(0, Integer.class), r.get(1, String.class), r.get(2, OffsetDateTime.class), r.get(3, String.class)),
                itemId)).collectList();
    }
}
