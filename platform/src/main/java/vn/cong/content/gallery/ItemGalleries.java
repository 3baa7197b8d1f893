package vn.cong.content.gallery;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.DraftRejected;
import vn.cong.content.RichText;
import vn.cong.system.Sql;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The photo gallery of an item: pictures of the tenant's media library in the editors' order, each with a required
 * text alternative and an optional caption. A change to a public item's gallery refreshes its page.
 */
@Singleton
public class ItemGalleries {

    private static final int MAX_TEXT = 500;

    private final TenantDatabase db;
    private final PublicChanges changes;

    ItemGalleries(TenantDatabase db, PublicChanges changes) {
        this.db = db;
        this.changes = changes;
    }

    public Mono<List<GalleryImage>> of(Tenant tenant, long itemId) {
        return db.mono(tenant, c -> of(c, itemId));
    }

    /** The item's gallery, on a transaction the caller already has in the tenant's schema (a public page reads all it shows in one). */
    public static Mono<List<GalleryImage>> of(TenantTx c, long itemId) {
        return c.query("""
                        SELECT g.id, g.media_id, m.stored_path, g.alt_text, g.caption, m.width, m.height
                        FROM {schema}.item_gallery_images g JOIN {schema}.media_files m ON m.id = g.media_id
                        WHERE g.item_id = $1 ORDER BY g.position, g.id""", ItemGalleries::row, itemId)
                .collectList();
    }

    /** Adds a picture of the library after the gallery's last one; refuses another file or a missing text alternative. */
    public Mono<Boolean> add(Tenant tenant, long itemId, @Nullable Long mediaId, @Nullable String altText, @Nullable String caption,
                             @Nullable Long actorId) {
        return ItemMediaChange.run(changes, tenant, itemId, actorId, "Thêm ảnh vào bộ ảnh", c -> picture(c, mediaId)
                .flatMap(isPicture -> {
                    Map<String, String> problems = problems(altText, caption);
                    if (!isPicture) {
                        problems.put("mediaId", "Vui lòng chọn một ảnh trong thư viện tư liệu.");
                    }
                    return problems.isEmpty() ? c.update("""
                                    INSERT INTO item_gallery_images (item_id, media_id, position, alt_text, caption, created_by)
                                    SELECT id, $2, (SELECT coalesce(max(position), 0) + 1 FROM item_gallery_images WHERE item_id = $1), $3, $4, $5
                                    FROM content_items WHERE id = $1""",
                            itemId, mediaId, RichText.plain(altText).strip(), RichText.plain(caption).strip(), Sql.orNull(actorId, Long.class))
                            : Mono.error(new DraftRejected(problems));
                }));
    }

    /** Changes a picture's text alternative and caption in this item's gallery. */
    public Mono<Boolean> describe(Tenant tenant, long itemId, long imageId, @Nullable String altText, @Nullable String caption,
                                  @Nullable Long actorId) {
        Map<String, String> problems = problems(altText, caption);
        if (!problems.isEmpty()) {
            return Mono.error(new DraftRejected(problems));
        }
        return ItemMediaChange.run(changes, tenant, itemId, actorId, "Sửa mô tả ảnh của bộ ảnh",
                c -> c.update("UPDATE item_gallery_images SET alt_text = $3, caption = $4 WHERE id = $1 AND item_id = $2",
                        imageId, itemId, RichText.plain(altText).strip(), RichText.plain(caption).strip()));
    }

    public Mono<Boolean> remove(Tenant tenant, long itemId, long imageId, @Nullable Long actorId) {
        return ItemMediaChange.run(changes, tenant, itemId, actorId, "Bỏ ảnh khỏi bộ ảnh",
                c -> c.update("DELETE FROM item_gallery_images WHERE id = $1 AND item_id = $2", imageId, itemId));
    }

    /** Moves a picture one place earlier ({@code -1}) or later ({@code +1}) by swapping it with its neighbour. */
    public Mono<Boolean> move(Tenant tenant, long itemId, long imageId, int direction, @Nullable Long actorId) {
        String neighbour = direction < 0
                ? "o.position < me.position ORDER BY o.position DESC, o.id DESC"
                : "o.position > me.position ORDER BY o.position, o.id";
        return ItemMediaChange.run(changes, tenant, itemId, actorId, "Đổi thứ tự ảnh của bộ ảnh", c -> c.update(
                "WITH me AS (SELECT id, position FROM item_gallery_images WHERE id = $1 AND item_id = $2),"
                        + " other AS (SELECT o.id, o.position FROM item_gallery_images o, me WHERE o.item_id = $2 AND " + neighbour + " LIMIT 1)"
                        + " UPDATE item_gallery_images g SET position = CASE WHEN g.id = me.id THEN other.position ELSE me.position END"
                        + " FROM me, other WHERE g.id IN (me.id, other.id)", imageId, itemId));
    }

    private static Mono<Boolean> picture(TenantTx c, @Nullable Long mediaId) {
        return ItemMediaChange.contentType(c, mediaId).map(type -> type.startsWith("image/")).defaultIfEmpty(false);
    }

    private static Map<String, String> problems(@Nullable String altText, @Nullable String caption) {
        Map<String, String> problems = new LinkedHashMap<>();
        String alt = altText == null ? "" : RichText.plain(altText).strip();
        if (alt.isEmpty()) {
            problems.put("altText", "Vui lòng nhập mô tả ảnh cho người không xem được ảnh.");
        } else if (alt.length() > MAX_TEXT) {
            problems.put("altText", "Mô tả ảnh dài quá " + MAX_TEXT + " ký tự.");
        }
        if (caption != null && caption.length() > MAX_TEXT) {
            problems.put("caption", "Chú thích dài quá " + MAX_TEXT + " ký tự.");
        }
        return problems;
    }

    private static GalleryImage row(Readable r) {
        return new GalleryImage(r.get("id", Long.class), r.get("media_id", Long.class), "/media/" + r.get("stored_path", String.class),
                r.get("alt_text", String.class), r.get("caption", String.class), r.get("width", Integer.class), r.get("height", Integer.class));
    }
}
