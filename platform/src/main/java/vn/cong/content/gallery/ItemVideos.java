package vn.cong.content.gallery;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.content.DraftRejected;
import vn.cong.content.RichText;
import vn.cong.media.SizeText;
import vn.cong.system.Sql;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The video of an item, chosen from the tenant's media library with its poster and captions. Only files of the
 * library of the right kind are accepted (an id of another tenant's file names nothing here); a change to a public
 * item's video refreshes its page.
 */
@Singleton
public class ItemVideos {

    private static final int MAX_TITLE = 300;

    private final TenantDatabase db;
    private final PublicChanges changes;

    ItemVideos(TenantDatabase db, PublicChanges changes) {
        this.db = db;
        this.changes = changes;
    }

    /** What the editor chose: the MP4, a poster picture, captions files, and what the video shows. */
    public record Choice(@Nullable Long videoId, @Nullable Long posterId, @Nullable Long captionsViId, @Nullable Long captionsEnId,
                         @Nullable String title) {
    }

    public Mono<Optional<ItemVideo>> of(Tenant tenant, long itemId) {
        return db.mono(tenant, c -> of(c, itemId));
    }

    /** The item's video, on a transaction the caller already has in the tenant's schema (a public page reads all it shows in one). */
    public static Mono<Optional<ItemVideo>> of(TenantTx c, long itemId) {
        return c.one("""
                                SELECT v.title, v.video_id, mv.stored_path AS video_path, mv.original_name, mv.size_bytes,
                                       v.poster_id, mp.stored_path AS poster_path, v.captions_vi_id, cvi.stored_path AS vi_path,
                                       v.captions_en_id, cen.stored_path AS en_path
                                FROM {schema}.item_videos v JOIN {schema}.media_files mv ON mv.id = v.video_id
                                LEFT JOIN {schema}.media_files mp ON mp.id = v.poster_id
                                LEFT JOIN {schema}.media_files cvi ON cvi.id = v.captions_vi_id
                                LEFT JOIN {schema}.media_files cen ON cen.id = v.captions_en_id
                                WHERE v.item_id = $1""", ItemVideos::row, itemId)
                .map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** Sets the item's video; refuses with a message per field for a file that is not of the library or of the wrong kind. */
    public Mono<Boolean> set(Tenant tenant, long itemId, Choice choice, @Nullable Long actorId) {
        return ItemMediaChange.run(changes, tenant, itemId, actorId, "Đặt video cho bài", c -> problems(c, choice).flatMap(problems -> {
            if (!problems.isEmpty()) {
                return Mono.error(new DraftRejected(problems));
            }
            return c.update("""
                            INSERT INTO item_videos (item_id, video_id, poster_id, captions_vi_id, captions_en_id, title, updated_by)
                            SELECT id, $2, $3, $4, $5, $6, $7 FROM content_items WHERE id = $1
                            ON CONFLICT (item_id) DO UPDATE SET video_id = $2, poster_id = $3, captions_vi_id = $4, captions_en_id = $5,
                                title = $6, updated_by = $7, updated_at = now()""",
                    itemId, choice.videoId(), Sql.orNull(choice.posterId(), Long.class), Sql.orNull(choice.captionsViId(), Long.class),
                    Sql.orNull(choice.captionsEnId(), Long.class), RichText.plain(choice.title()).strip(), Sql.orNull(actorId, Long.class));
        }));
    }

    public Mono<Boolean> remove(Tenant tenant, long itemId, @Nullable Long actorId) {
        return ItemMediaChange.run(changes, tenant, itemId, actorId, "Gỡ video khỏi bài",
                c -> c.update("DELETE FROM item_videos WHERE item_id = $1", itemId));
    }

    private static Mono<Map<String, String>> problems(TenantTx c, Choice choice) {
        Map<String, String> problems = new LinkedHashMap<>();
        String title = choice.title() == null ? "" : RichText.plain(choice.title()).strip();
        if (title.isEmpty()) {
            problems.put("title", "Vui lòng nhập nội dung video (người dùng trình đọc màn hình nghe tên này).");
        } else if (title.length() > MAX_TITLE) {
            problems.put("title", "Nội dung video dài quá " + MAX_TITLE + " ký tự.");
        }
        if (choice.videoId() == null) {
            problems.put("videoId", "Vui lòng chọn một video MP4 trong thư viện tư liệu.");
        }
        return kind(c, choice.videoId(), "video/mp4", "videoId", "Tệp đã chọn không phải video MP4 của thư viện tư liệu.", problems)
                .then(kind(c, choice.posterId(), "image/", "posterId", "Ảnh xem trước phải là một ảnh của thư viện tư liệu.", problems))
                .then(kind(c, choice.captionsViId(), "text/vtt", "captionsViId", "Phụ đề tiếng Việt phải là tệp WebVTT (.vtt) của thư viện.", problems))
                .then(kind(c, choice.captionsEnId(), "text/vtt", "captionsEnId", "Phụ đề tiếng Anh phải là tệp WebVTT (.vtt) của thư viện.", problems))
                .thenReturn(problems);
    }

    private static Mono<Void> kind(TenantTx c, @Nullable Long id, String expected, String field, String message, Map<String, String> problems) {
        if (id == null) {
            return Mono.empty();
        }
        return ItemMediaChange.contentType(c, id).defaultIfEmpty("")
                .doOnNext(type -> {
                    if (!type.startsWith(expected)) {
                        problems.put(field, message);
                    }
                })
                .then();
    }

    private static ItemVideo row(Readable r) {
        return new ItemVideo(r.get("video_id", Long.class), url(r.get("video_path", String.class)), r.get("original_name", String.class),
                SizeText.of(r.get("size_bytes", Long.class)), r.get("title", String.class),
                r.get("poster_id", Long.class), url(r.get("poster_path", String.class)),
                r.get("captions_vi_id", Long.class), url(r.get("vi_path", String.class)),
                r.get("captions_en_id", Long.class), url(r.get("en_path", String.class)));
    }

    private static @Nullable String url(@Nullable String storedPath) {
        return storedPath == null ? null : "/media/" + storedPath;
    }
}
