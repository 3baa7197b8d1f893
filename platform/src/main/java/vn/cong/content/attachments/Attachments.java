package vn.cong.content.attachments;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.content.ContentNotFound;
import vn.cong.content.PublicItemChange;
import vn.cong.content.RichText;
import vn.cong.media.MediaStore;
import vn.cong.media.MediaType;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.PublicChanges;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Files attached to content items, of any kind: uploaded through the media store (checked by
 * content, size-limited, in the tenant's own folder), listed in the editors' order with a caption.
 * A change to the attachments of a public item moves the tenant's content version, so its page
 * shows the change at once.
 */
@Singleton
public class Attachments {

    private static final String COLUMNS = """
            a.id, a.item_id, a.position, a.caption, m.original_name, m.content_type, m.size_bytes, m.stored_path
            FROM {schema}.content_attachments a JOIN {schema}.media_files m ON m.id = a.media_id""";
    private static final String PUBLIC_ITEM = "i.state = 'published' AND i.published_at <= now()";

    private final TenantDatabase db;
    private final PublicChanges changes;
    private final MediaStore media;

    public Attachments(TenantDatabase db, PublicChanges changes, MediaStore media) {
        this.db = db;
        this.changes = changes;
        this.media = media;
    }

    /** A file to download: where it is on disk and what to tell the browser. */
    public record Download(Path path, String contentType, String downloadName, String originalName) {
    }

    /** The item files are attached to, as the attachments page names it. */
    public record Owner(long id, String kind, String title, String state) {
    }

    public Mono<Owner> owner(Tenant tenant, long itemId) {
        return db.mono(tenant, c -> c.one("SELECT id, kind, title, state FROM content_items WHERE id = $1",
                r -> new Owner(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class)), itemId));
    }

    /** Checks and stores the file, then attaches it after the item's last attachment. */
    public Mono<Attachment> attach(Tenant tenant, long itemId, String fileName, byte[] bytes, @Nullable String caption,
                                   @Nullable Long actorId) {
        return db.mono(tenant, c -> c.one("SELECT id FROM content_items WHERE id = $1", r -> 1, itemId))
                .switchIfEmpty(Mono.error(() -> new ContentNotFound(itemId)))
                .then(media.storeAttachment(tenant, fileName, bytes, actorId))
                .flatMap(file -> changing(tenant, itemId, actorId, "Đính kèm tệp «" + file.originalName() + "»", c -> c.one("""
                                INSERT INTO content_attachments (item_id, media_id, position, caption, created_by)
                                VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM content_attachments WHERE item_id = $1), $3, $4)
                                RETURNING id""", r -> r.get(0, Long.class),
                        itemId, file.id(), RichText.plain(caption), Sql.orNull(actorId, Long.class))))
                .flatMap(id -> list(tenant, itemId).map(all -> all.stream().filter(a -> a.id() == id).findFirst().orElseThrow()));
    }

    /** An item's attachments in order. */
    public Mono<List<Attachment>> list(Tenant tenant, long itemId) {
        return db.flux(tenant, c -> of(c, itemId)).collectList();
    }

    /** An item's attachments in order, on a transaction the caller already has in the tenant's schema. */
    public static Flux<Attachment> of(TenantTx c, long itemId) {
        return c.query("SELECT " + COLUMNS + " WHERE a.item_id = $1 ORDER BY a.position, a.id", Attachments::row, itemId);
    }

    /** Detaches a file from the item (the stored file stays: backups and history may point to it). */
    public Mono<Boolean> remove(Tenant tenant, long itemId, long attachmentId, @Nullable Long actorId) {
        return changing(tenant, itemId, actorId, "Gỡ tệp đính kèm", c -> c.update("DELETE FROM content_attachments WHERE id = $1 AND item_id = $2",
                attachmentId, itemId)).map(n -> n > 0);
    }

    /** Moves an attachment one place up ({@code -1}) or down ({@code +1}) by swapping it with its neighbour. */
    public Mono<Boolean> move(Tenant tenant, long itemId, long attachmentId, int direction, @Nullable Long actorId) {
        String neighbour = direction < 0
                ? "o.position < me.position ORDER BY o.position DESC, o.id DESC"
                : "o.position > me.position ORDER BY o.position, o.id";
        return changing(tenant, itemId, actorId, "Đổi thứ tự tệp đính kèm", c -> c.update("WITH me AS (SELECT id, position FROM content_attachments WHERE id = $1 AND item_id = $2),"
                        + " other AS (SELECT o.id, o.position FROM content_attachments o, me WHERE o.item_id = $2 AND " + neighbour + " LIMIT 1)"
                        + " UPDATE content_attachments a SET position = CASE WHEN a.id = me.id THEN other.position ELSE me.position END"
                        + " FROM me, other WHERE a.id IN (me.id, other.id)", attachmentId, itemId)).map(n -> n > 0);
    }

    public Mono<Boolean> caption(Tenant tenant, long itemId, long attachmentId, @Nullable String caption, @Nullable Long actorId) {
        return changing(tenant, itemId, actorId, "Sửa chú thích tệp đính kèm", c -> c.update("UPDATE content_attachments SET caption = $3 WHERE id = $1 AND item_id = $2",
                attachmentId, itemId, RichText.plain(caption))).map(n -> n > 0);
    }

    /** The file of an attachment of a public item of this tenant; {@code anyState} also for drafts (staff only). */
    public Mono<Optional<Download>> download(Tenant tenant, long attachmentId, boolean anyState) {
        return db.mono(tenant, c -> c.one("SELECT " + COLUMNS + " JOIN content_items i ON i.id = a.item_id WHERE a.id = $1"
                                + (anyState ? "" : " AND " + PUBLIC_ITEM),
                        r -> new Download(media.folder(tenant).resolve(r.get("stored_path", String.class)), r.get("content_type", String.class),
                                row(r).downloadName(), r.get("original_name", String.class)), attachmentId))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /**
     * Runs a change to an item's attachments; when the item is public, fingerprints it afresh with an
     * event saying {@code what} in the same transaction, and tells the other nodes after it commits.
     * A change that touched nothing (an id of another item or tenant) leaves the item alone.
     */
    private <T> Mono<T> changing(Tenant tenant, long itemId, @Nullable Long actorId, String what,
                                 java.util.function.Function<TenantTx, Mono<T>> change) {
        return changes.inTenant(tenant, (c, publicChange) -> change.apply(c)
                .flatMap(result -> (Long.valueOf(0L).equals(result) ? Mono.just(false)
                        : PublicItemChange.record(c, publicChange, tenant, itemId, actorId, what))
                        .thenReturn(result)));
    }

    private static Attachment row(Readable r) {
        String original = r.get("original_name", String.class);
        String type = r.get("content_type", String.class);
        String extension = MediaType.byContentType(type).map(MediaType::extension).orElse("bin");
        return new Attachment(r.get("id", Long.class), r.get("item_id", Long.class), r.get("position", Integer.class),
                r.get("caption", String.class), original, DownloadNames.slug(original, extension), type,
                extension.toUpperCase(Locale.ROOT), r.get("size_bytes", Long.class));
    }
}
