package vn.cong.content.library;

import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.TenantTx;

import java.util.List;

/**
 * Where a stored file appears, found by its address ({@code /media/<year>/<name>}, which has no LIKE wildcard
 * in it) or its row: the current text and cover of every item (drafts included), the version readers see
 * (the published snapshot, which may differ from a draft being edited), every theme version (any approved one
 * can be rolled back to), attachments, the leaders' photos, and items' videos and galleries.
 */
public final class MediaUsage {

    private static final String VIDEO_AND_GALLERY = "/quan-tri/noi-dung/%d/video-anh";

    private MediaUsage() {
    }

    /** One place that uses the file; {@code href} leads to it in the staff area. */
    public record Use(String label, @Nullable String href) {
    }

    static Mono<List<Use>> of(TenantTx c, long mediaId, String storedPath) {
        String like = "%/media/" + storedPath + "%";
        Flux<Use> items = c.query("""
                        SELECT id, title, state FROM content_items
                        WHERE body_html LIKE $1 OR coalesce(cover_url, '') LIKE $1
                           OR (state = 'published' AND coalesce(published_snapshot::text, '') LIKE $1)
                        ORDER BY id""",
                r -> new Use("«" + r.get("title", String.class) + "» ("
                        + ("published".equals(r.get("state", String.class)) ? "đang đăng trên cổng" : "bản đang soạn") + ")",
                        "/quan-tri/quy-trinh/" + r.get("id", Long.class)), like);
        Flux<Use> attachments = c.query("""
                        SELECT i.id, i.title FROM content_attachments a JOIN content_items i ON i.id = a.item_id
                        WHERE a.media_id = $1 ORDER BY i.id""",
                r -> new Use("tệp đính kèm của «" + r.get("title", String.class) + "»",
                        "/quan-tri/noi-dung/" + r.get("id", Long.class) + "/tep-dinh-kem"), mediaId);
        Flux<Use> themes = c.query("SELECT id, number, state, live FROM theme_versions WHERE theme_values::text LIKE $1 ORDER BY number",
                r -> new Use("phiên bản giao diện số " + r.get("number", Integer.class)
                        + (Boolean.TRUE.equals(r.get("live", Boolean.class)) ? " (đang dùng)" : ""),
                        "/quan-tri/giao-dien/" + r.get("id", Long.class)), like);
        Flux<Use> leaders = c.query("SELECT full_name FROM leaders WHERE coalesce(photo_url, '') LIKE $1 ORDER BY id",
                r -> new Use("ảnh của lãnh đạo " + r.get("full_name", String.class), "/quan-tri/gioi-thieu"), like);
        Flux<Use> videos = c.query("""
                        SELECT i.id, i.title FROM item_videos v JOIN content_items i ON i.id = v.item_id
                        WHERE $1 IN (v.video_id, v.poster_id, v.captions_vi_id, v.captions_en_id) ORDER BY i.id""",
                r -> new Use("video của «" + r.get("title", String.class) + "»", VIDEO_AND_GALLERY.formatted(r.get("id", Long.class))), mediaId);
        Flux<Use> galleries = c.query("""
                        SELECT DISTINCT i.id, i.title FROM item_gallery_images g JOIN content_items i ON i.id = g.item_id
                        WHERE g.media_id = $1 ORDER BY i.id""",
                r -> new Use("bộ ảnh của «" + r.get("title", String.class) + "»", VIDEO_AND_GALLERY.formatted(r.get("id", Long.class))), mediaId);
        return Flux.concat(items, attachments, themes, leaders, videos, galleries).collectList();
    }

    /** The published items that show the file (text, cover or attachment): those a replacement refreshes. */
    static Flux<Long> publishedItems(TenantTx c, long mediaId, String storedPath) {
        return c.query("""
                        SELECT id FROM content_items i
                        WHERE state = 'published' AND (body_html LIKE $1 OR coalesce(cover_url, '') LIKE $1
                              OR coalesce(published_snapshot::text, '') LIKE $1
                              OR EXISTS (SELECT 1 FROM content_attachments a WHERE a.item_id = i.id AND a.media_id = $2)
                              OR EXISTS (SELECT 1 FROM item_gallery_images g WHERE g.item_id = i.id AND g.media_id = $2)
                              OR EXISTS (SELECT 1 FROM item_videos v WHERE v.item_id = i.id
                                         AND $2 IN (v.video_id, v.poster_id, v.captions_vi_id, v.captions_en_id)))
                        ORDER BY id""",
                r -> r.get(0, Long.class), "%/media/" + storedPath + "%", mediaId);
    }
}
