package vn.cong.content.library;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.content.DraftRejected;
import vn.cong.content.PublicItemChange;
import vn.cong.content.RichText;
import vn.cong.media.MediaFile;
import vn.cong.media.MediaStore;
import vn.cong.media.MediaType;
import vn.cong.media.SizeText;
import vn.cong.system.Sql;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant's media library (thư viện tư liệu): every file it uploaded, browsed and searched by name, text
 * alternative and caption, described once and reused by address. A file in use ({@link MediaUsage}) is never
 * deleted; its bytes may be replaced under the same address, audited, and then every published item showing
 * it is fingerprinted afresh with an event through the publish primitive and the tenant's pages refreshed.
 */
@Singleton
public class MediaLibrary {

    /** What the library accepts: pictures (TIFF and BMP converted on upload), PDFs to link from text, MP4 videos and their WebVTT captions. */
    public static final Set<MediaType> UPLOADS = EnumSet.of(MediaType.JPEG, MediaType.PNG, MediaType.GIF, MediaType.WEBP, MediaType.PDF,
            MediaType.TIFF, MediaType.BMP, MediaType.MP4, MediaType.VTT);
    static final int PAGE_SIZE = 24;
    private static final int MAX_TEXT = 500;
    private static final String COLUMNS = """
            id, stored_path, original_name, content_type, size_bytes, alt_text, caption, width, height, attachment, created_at,
            replaced_at, converted_from, focal_x, focal_y, crop_x, crop_y, crop_width, crop_height, original_path, original_width,
            original_height FROM media_files""";

    private final TenantDatabase db;
    private final PublicChanges changes;
    private final MediaStore store;
    private final AuditLog audit;

    MediaLibrary(TenantDatabase db, PublicChanges changes, MediaStore store, AuditLog audit) {
        this.db = db;
        this.changes = changes;
        this.store = store;
        this.audit = audit;
    }

    /**
     * One file as the library shows it. Attachments are files of one item, downloaded only once it is public.
     * {@code convertedFrom} says what a converted upload was (TIFF, BMP); {@code focus} and {@code crop} are its framing.
     */
    public record LibraryFile(long id, String url, String name, String contentType, String sizeText, String altText, String caption,
                              @Nullable Integer width, @Nullable Integer height, boolean attachment, OffsetDateTime uploadedAt,
                              @Nullable OffsetDateTime replacedAt, @Nullable String convertedFrom, @Nullable PictureFraming.Focus focus,
                              @Nullable PictureFraming.Crop crop) {

        public boolean image() {
            return contentType.startsWith("image/");
        }

        /** Whether the library can crop it and move its focal point: a JPEG or PNG of the library (not an attachment). */
        public boolean framable() {
            return !attachment && width != null && ("image/jpeg".equals(contentType) || "image/png".equals(contentType));
        }

        String storedPath() {
            return url.substring("/media/".length());
        }
    }

    /** A page of the library. */
    public record LibraryPage(List<LibraryFile> files, int page, int pages, long total) {
    }

    /** The files whose name, text alternative or caption contain {@code query} (all without one), newest first. */
    public Mono<LibraryPage> page(Tenant tenant, @Nullable String query, int page) {
        String pattern = query == null || query.isBlank() ? null : "%" + likeEscaped(RichText.plain(query)) + "%";
        String where = pattern == null ? "" : " WHERE original_name ILIKE $1 OR alt_text ILIKE $1 OR caption ILIKE $1";
        Object[] params = pattern == null ? new Object[0] : new Object[] {pattern};
        return db.mono(tenant, c -> c.one("SELECT count(*) FROM media_files" + where, r -> r.get(0, Long.class), params)
                .flatMap(total -> {
                    int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
                    int shown = Math.min(Math.max(1, page), pages);
                    return c.query("SELECT " + COLUMNS + where + " ORDER BY created_at DESC, id DESC"
                                    + Sql.page(PAGE_SIZE, (long) (shown - 1) * PAGE_SIZE), MediaLibrary::row, params)
                            .collectList().map(files -> new LibraryPage(files, shown, pages, total));
                }));
    }

    /** The tenant's pictures (not attachments), newest first, for the editor's image list. */
    public Mono<List<LibraryFile>> images(Tenant tenant) {
        return ofType(tenant, "image/%");
    }

    /** The tenant's files (not attachments) whose content type is like {@code typePattern}, newest first, at most 500. */
    public Mono<List<LibraryFile>> ofType(Tenant tenant, String typePattern) {
        return db.flux(tenant, c -> c.query("SELECT " + COLUMNS
                + " WHERE NOT attachment AND content_type LIKE $1 ORDER BY created_at DESC, id DESC LIMIT 500", MediaLibrary::row, typePattern))
                .collectList();
    }

    public Mono<Optional<LibraryFile>> file(Tenant tenant, long id) {
        return db.mono(tenant, c -> c.one("SELECT " + COLUMNS + " WHERE id = $1", MediaLibrary::row, id))
                .map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** Where the file appears now. */
    public Mono<List<MediaUsage.Use>> usage(Tenant tenant, long id) {
        return db.mono(tenant, c -> c.one("SELECT stored_path FROM media_files WHERE id = $1", r -> r.get(0, String.class), id)
                .flatMap(path -> MediaUsage.of(c, id, path)));
    }

    /** Stores an upload in the library with its text alternative and caption. */
    public Mono<MediaFile> upload(Tenant tenant, String fileName, byte[] bytes, @Nullable String altText, @Nullable String caption,
                                  @Nullable Long actorId) {
        Map<String, String> problems = problems(altText, caption);
        if (!problems.isEmpty()) {
            return Mono.error(new DraftRejected(problems));
        }
        return store.store(tenant, fileName, bytes, UPLOADS, actorId)
                .flatMap(file -> db.mono(tenant, c -> c.update("UPDATE media_files SET alt_text = $2, caption = $3 WHERE id = $1",
                                file.id(), RichText.plain(altText), RichText.plain(caption))
                        .then(audit.record(c, actorId, "media.uploaded", Map.of("media", file.id(), "name", file.originalName()))))
                        .thenReturn(file));
    }

    /** Sets the text alternative and caption offered when the file is reused. */
    public Mono<Boolean> describe(Tenant tenant, long id, @Nullable String altText, @Nullable String caption, @Nullable Long actorId) {
        Map<String, String> problems = problems(altText, caption);
        if (!problems.isEmpty()) {
            return Mono.error(new DraftRejected(problems));
        }
        return db.mono(tenant, c -> c.update("UPDATE media_files SET alt_text = $2, caption = $3 WHERE id = $1",
                        id, RichText.plain(altText), RichText.plain(caption))
                .flatMap(n -> n == 0 ? Mono.just(false)
                        : audit.record(c, actorId, "media.described", Map.of("media", id)).thenReturn(true)));
    }

    /**
     * Deletes a file nothing uses; refuses with the list of where it appears otherwise. The row goes in the
     * transaction that checked the usage (rows lock the file against a concurrent reuse by attachment); the
     * bytes go after it commits.
     */
    public Mono<Boolean> delete(Tenant tenant, long id, @Nullable Long actorId) {
        return db.mono(tenant, c -> c.one("SELECT " + COLUMNS + " WHERE id = $1 FOR UPDATE", MediaLibrary::row, id)
                        .flatMap(file -> MediaUsage.of(c, id, file.storedPath()).flatMap(uses -> {
                            if (!uses.isEmpty()) {
                                return Mono.error(new MediaInUse(file.name(), uses));
                            }
                            return c.query("SELECT stored_path FROM media_variants WHERE media_id = $1", r -> r.get(0, String.class), id)
                                    .collectList()
                                    .map(copies -> file.crop() == null ? copies
                                            : java.util.stream.Stream.concat(copies.stream(), java.util.stream.Stream.of(file.crop().originalPath())).toList())
                                    .flatMap(copies -> c.update("DELETE FROM media_files WHERE id = $1", id)
                                            .then(audit.record(c, actorId, "media.deleted", Map.of("media", id, "name", file.name())))
                                            .thenReturn(new Deleted(file.storedPath(), copies)));
                        })))
                .flatMap(deleted -> store.deleteFiles(tenant, deleted.path(), deleted.copies()).thenReturn(true))
                .defaultIfEmpty(false);
    }

    private record Deleted(String path, List<String> copies) {
    }

    /**
     * Puts new bytes (of the same type) under the file's address. Audited; each published item showing the file
     * gets a new fingerprint and an event saying so, and the tenant's pages are refreshed on every node.
     * Emits how many published items were refreshed, or empty when there is no such file.
     */
    public Mono<Integer> replace(Tenant tenant, long id, String fileName, byte[] bytes, @Nullable Long actorId) {
        return file(tenant, id).flatMap(found -> found.map(file -> {
            MediaType type = MediaType.byContentType(file.contentType()).orElseThrow();
            return store.replaceBytes(tenant, file.storedPath(), type, fileName, bytes)
                    .flatMap(replacement -> changes.inTenant(tenant, (c, change) -> MediaStore.recordReplacement(c, id, replacement, actorId)
                            .then(audit.record(c, actorId, "media.replaced", Map.of("media", id, "name", file.name(),
                                    "uploaded", replacement.originalName(), "sha256", replacement.sha256())))
                            .then(MediaUsage.publishedItems(c, id, file.storedPath()).collectList())
                            .flatMap(items -> Flux.fromIterable(items)
                                    .concatMap(item -> PublicItemChange.record(c, change, tenant, item, actorId,
                                            "Thay tệp «" + file.name() + "» (giữ nguyên địa chỉ)"))
                                    .then(change.pagesOf(tenant))
                                    .thenReturn(items.size())))
                    // the crop belonged to the picture replaced: its kept original goes too
                    .flatMap(refreshed -> file.crop() == null ? Mono.just(refreshed)
                            : store.deleteFiles(tenant, file.crop().originalPath(), List.of()).thenReturn(refreshed)));
        }).orElse(Mono.empty()));
    }

    private static Map<String, String> problems(@Nullable String altText, @Nullable String caption) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (altText != null && altText.length() > MAX_TEXT) {
            problems.put("altText", "Mô tả ảnh dài quá " + MAX_TEXT + " ký tự.");
        }
        if (caption != null && caption.length() > MAX_TEXT) {
            problems.put("caption", "Chú thích dài quá " + MAX_TEXT + " ký tự.");
        }
        return problems;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static LibraryFile row(Readable r) {
        return new LibraryFile(r.get("id", Long.class), "/media/" + r.get("stored_path", String.class), r.get("original_name", String.class),
                r.get("content_type", String.class), SizeText.of(r.get("size_bytes", Long.class)), r.get("alt_text", String.class),
                r.get("caption", String.class), r.get("width", Integer.class), r.get("height", Integer.class),
                Boolean.TRUE.equals(r.get("attachment", Boolean.class)), r.get("created_at", OffsetDateTime.class),
                r.get("replaced_at", OffsetDateTime.class), r.get("converted_from", String.class), PictureFraming.focus(r), PictureFraming.crop(r));
    }
}
