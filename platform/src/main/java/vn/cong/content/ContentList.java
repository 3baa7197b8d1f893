package vn.cong.content;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The staff lists of content items of several kinds: narrowed by state, section, author, the day of the last
 * change and words of the title (accents and case ignored), sorted by a named column, one page at a time.
 */
@Singleton
public class ContentList {

    private final TenantDatabase db;

    public ContentList(TenantDatabase db) {
        this.db = db;
    }

    /** The columns a list sorts by; the SQL is fixed here, never taken from the request. */
    public enum Sort {
        UPDATED("i.updated_at"), PUBLISHED("i.published_at"), TITLE("extensions.search_text(i.title)");

        private final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    /**
     * What to list. {@code kinds} is never empty (the kinds the person may open); null or blank criteria do not
     * narrow; {@code from}/{@code to} are days in Vietnam's time, both included.
     */
    public record Criteria(Set<String> kinds, @Nullable String state, @Nullable Long sectionId, @Nullable Long authorId,
                           @Nullable LocalDate from, @Nullable LocalDate to, String titleWords, Sort sort, boolean descending,
                           int limit, int offset) {
    }

    /** A line of the list. */
    public record Line(long id, String kind, String title, String state, int version, String language, String slug,
                       @Nullable String section, @Nullable String author, OffsetDateTime updatedAt, @Nullable OffsetDateTime publishedAt,
                       @Nullable OffsetDateTime unpublishAt) {
    }

    public record Found(List<Line> lines, long total) {
    }

    /** An account that wrote at least one item, as a choice of the author filter. */
    public record Author(long id, String name) {
    }

    public Mono<Found> find(Tenant tenant, Criteria c) {
        String order = c.sort().column + (c.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", i.id DESC";
        return db.flux(tenant, tx -> tx.query("""
                                SELECT i.id, i.kind, i.title, i.state, i.version, i.language, i.slug, s.name_vi,
                                       coalesce(nullif(a.full_name, ''), a.username) AS author, i.updated_at, i.published_at,
                                       i.unpublish_at, count(*) OVER () AS total
                                FROM content_items i LEFT JOIN sections s ON s.id = i.section_id
                                     LEFT JOIN accounts a ON a.id = i.created_by
                                WHERE i.kind = ANY ($1::text[])
                                  AND ($2::text = '' OR i.state = $2::text)
                                  AND ($3::bigint = 0 OR i.section_id = $3::bigint)
                                  AND ($4::bigint = 0 OR i.created_by = $4::bigint)
                                  AND (nullif($5::text, '') IS NULL OR i.updated_at >= nullif($5::text, '')::date::timestamp AT TIME ZONE $9::text)
                                  AND (nullif($6::text, '') IS NULL OR i.updated_at < (nullif($6::text, '')::date + 1)::timestamp AT TIME ZONE $9::text)
                                  AND ($7::text = '' OR strpos(extensions.search_text(i.title), extensions.search_text($7::text)) > 0)
                                ORDER BY\s""" + order + " LIMIT $8 OFFSET $10",
                        r -> new Object[]{new Line(r.get("id", Long.class), r.get("kind", String.class), r.get("title", String.class),
                                r.get("state", String.class), r.get("version", Integer.class), r.get("language", String.class),
                                r.get("slug", String.class), r.get("name_vi", String.class), r.get("author", String.class),
                                r.get("updated_at", OffsetDateTime.class), r.get("published_at", OffsetDateTime.class),
                                r.get("unpublish_at", OffsetDateTime.class)),
                                r.get("total", Long.class)},
                        c.kinds().toArray(String[]::new), orEmpty(c.state()), orZero(c.sectionId()), orZero(c.authorId()),
                        c.from() == null ? "" : c.from().toString(), c.to() == null ? "" : c.to().toString(), c.titleWords(),
                        c.limit(), VietnamTime.ZONE.getId(), c.offset()))
                .collectList()
                .flatMap(rows -> rows.isEmpty() && c.offset() > 0 ? count(tenant, c).map(n -> new Found(List.of(), n))
                        : Mono.just(found(rows)));
    }

    /** The whole count when the page asked for lies past the end (no row carries it then). */
    private Mono<Long> count(Tenant tenant, Criteria c) {
        return find(tenant, new Criteria(c.kinds(), c.state(), c.sectionId(), c.authorId(), c.from(), c.to(), c.titleWords(),
                c.sort(), c.descending(), 1, 0)).map(Found::total);
    }

    private static Found found(List<Object[]> rows) {
        List<Line> lines = new ArrayList<>(rows.size());
        rows.forEach(r -> lines.add((Line) r[0]));
        return new Found(lines, rows.isEmpty() ? 0 : (Long) rows.get(0)[1]);
    }

    /** An item picked from a list for a bulk action, as the action needs it. */
    public record Picked(long id, String kind, String title, @Nullable String source) {
    }

    /** The items among {@code ids} that are of one of {@code kinds} in this tenant (others are not found). */
    public Mono<java.util.Map<Long, Picked>> picked(Tenant tenant, List<Long> ids, Set<String> kinds) {
        return db.flux(tenant, tx -> tx.query("""
                        SELECT id, kind, title, source FROM content_items WHERE id = ANY ($1::bigint[]) AND kind = ANY ($2::text[])""",
                r -> new Picked(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class)),
                ids.toArray(Long[]::new), kinds.toArray(String[]::new)))
                .collectMap(Picked::id);
    }

    /** Everyone who wrote an item of these kinds, by name. */
    public Mono<List<Author>> authors(Tenant tenant, Set<String> kinds) {
        return db.flux(tenant, tx -> tx.query("""
                        SELECT a.id, coalesce(nullif(a.full_name, ''), a.username) AS name FROM accounts a
                        WHERE EXISTS (SELECT 1 FROM content_items i WHERE i.created_by = a.id AND i.kind = ANY ($1::text[]))
                        ORDER BY name, a.id""",
                r -> new Author(r.get(0, Long.class), r.get(1, String.class)), (Object) kinds.toArray(String[]::new))).collectList();
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static long orZero(@Nullable Long n) {
        return n == null ? 0L : n;
    }
}
