package vn.cong.content.library;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.content.DraftRejected;
import vn.cong.content.PublicItemChange;
import vn.cong.media.MediaStore;
import vn.cong.media.MediaType;
import vn.cong.system.Sql;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantTx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a picture of the library is framed: its focal point (tiêu điểm), which themes keep in view when they crop a
 * picture to fit a card, and its crop (cắt ảnh), which makes the picture under its address a part of the uploaded
 * one. Both are given in % of the picture. The uncropped original is kept, so a crop can be changed or removed; a
 * new crop makes the picture's smaller copies again and, like a replaced file, refreshes the published items that
 * show it. Every change is audited.
 */
@Singleton
public class PictureFraming {

    /** A crop smaller than this in either direction is a slip of the hand, not a picture. */
    static final int MIN_CROP_PIXELS = 16;

    private final MediaLibrary library;
    private final MediaStore store;
    private final PublicChanges changes;
    private final AuditLog audit;

    PictureFraming(MediaLibrary library, MediaStore store, PublicChanges changes, AuditLog audit) {
        this.library = library;
        this.store = store;
        this.changes = changes;
        this.audit = audit;
    }

    /** The focal point in % of the picture from its left and top edges. */
    public record Focus(int x, int y) {

        /** The site's classes for it: themes position a cropped picture by them in 5 % steps (no inline style under the CSP). */
        public String cssClasses() {
            return "focus-x-" + Math.round(x / 5.0) * 5 + " focus-y-" + Math.round(y / 5.0) * 5;
        }
    }

    /** A crop in pixels of the kept original, which is {@code originalWidth}×{@code originalHeight}. */
    public record Crop(int x, int y, int width, int height, String originalPath, int originalWidth, int originalHeight) {

        public String xPercent() {
            return Percent.shown(100.0 * x / originalWidth);
        }

        public String yPercent() {
            return Percent.shown(100.0 * y / originalHeight);
        }

        public String widthPercent() {
            return Percent.shown(100.0 * width / originalWidth);
        }

        public String heightPercent() {
            return Percent.shown(100.0 * height / originalHeight);
        }
    }

    /** The crop as typed in the form, in % of the uncropped picture. */
    public record CropInput(@Nullable String x, @Nullable String y, @Nullable String width, @Nullable String height) {
    }

    /** Sets the focal point; emits false when there is no such picture. Refuses values outside 0–100 %. */
    public Mono<Boolean> focus(Tenant tenant, long id, @Nullable String typedX, @Nullable String typedY, @Nullable Long actorId) {
        Map<String, String> problems = new LinkedHashMap<>();
        Double x = Percent.parse(typedX, "focalX", "Tiêu điểm theo chiều ngang", false, problems);
        Double y = Percent.parse(typedY, "focalY", "Tiêu điểm theo chiều dọc", false, problems);
        if (!problems.isEmpty()) {
            return Mono.error(new DraftRejected(problems));
        }
        int fx = (int) Math.round(x);
        int fy = (int) Math.round(y);
        return framable(tenant, id).flatMap(found -> found.isEmpty() ? Mono.just(false)
                : changes.inTenant(tenant, (c, change) -> c.update("UPDATE media_files SET focal_x = $2, focal_y = $3 WHERE id = $1", id, fx, fy)
                        .then(audit.record(c, actorId, "media.focus", Map.of("media", id, "x", fx, "y", fy)))
                        // the lists showing the picture as a cover are drawn anew
                        .then(change.pagesOf(tenant))
                        .thenReturn(true)));
    }

    /**
     * Crops the picture to the rectangle typed (in % of the uncropped picture); emits how many published items were
     * refreshed, or empty when there is no such picture. Refuses a rectangle outside the picture or too small.
     */
    public Mono<Integer> crop(Tenant tenant, long id, CropInput typed, @Nullable Long actorId) {
        return framable(tenant, id).flatMap(found -> found.map(file -> {
            int fullWidth = file.crop() != null ? file.crop().originalWidth() : file.width();
            int fullHeight = file.crop() != null ? file.crop().originalHeight() : file.height();
            MediaStore.CropArea area = area(typed, fullWidth, fullHeight);
            return recrop(tenant, file, area, actorId, "media.cropped", "Cắt lại ảnh «" + file.name() + "» (giữ nguyên địa chỉ)");
        }).orElse(Mono.empty()));
    }

    /** Puts the uncropped picture back under its address; emits how many published items were refreshed, empty when none. */
    public Mono<Integer> uncrop(Tenant tenant, long id, @Nullable Long actorId) {
        return framable(tenant, id).flatMap(found -> found.filter(file -> file.crop() != null)
                .map(file -> recrop(tenant, file, null, actorId, "media.uncropped", "Bỏ cắt ảnh «" + file.name() + "» (giữ nguyên địa chỉ)"))
                .orElse(Mono.empty()));
    }

    /** The picture as uploaded, before any crop (the staff's crop screen draws the rectangle on it). */
    public Mono<Optional<Original>> original(Tenant tenant, long id) {
        return framable(tenant, id).flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(Optional.<Original>empty());
            }
            MediaLibrary.LibraryFile file = found.get();
            String path = file.crop() == null ? file.storedPath() : file.crop().originalPath();
            return store.bytesAt(tenant, path).map(bytes -> bytes.map(b -> new Original(b, file.contentType())));
        });
    }

    /** An uncropped picture's bytes and type. */
    public record Original(byte[] bytes, String contentType) {
    }

    private Mono<Integer> recrop(Tenant tenant, MediaLibrary.LibraryFile file, @Nullable MediaStore.CropArea area, @Nullable Long actorId,
                                 String action, String what) {
        MediaType type = MediaType.byContentType(file.contentType()).orElseThrow();
        String kept = file.crop() == null ? null : file.crop().originalPath();
        int fullWidth = file.crop() != null ? file.crop().originalWidth() : file.width();
        int fullHeight = file.crop() != null ? file.crop().originalHeight() : file.height();
        return store.crop(tenant, file.storedPath(), type, kept, area)
                .flatMap(cropped -> changes.inTenant(tenant, (c, change) -> record(c, file.id(), cropped, area, fullWidth, fullHeight, actorId)
                        .then(audit.record(c, actorId, action, area == null ? Map.of("media", file.id())
                                : Map.of("media", file.id(), "x", area.x(), "y", area.y(), "width", area.width(), "height", area.height())))
                        .then(MediaUsage.publishedItems(c, file.id(), file.storedPath()).collectList())
                        .flatMap(items -> Flux.fromIterable(items)
                                .concatMap(item -> PublicItemChange.record(c, change, tenant, item, actorId, what))
                                .then(change.pagesOf(tenant))
                                .thenReturn(items.size()))));
    }

    private static Mono<Void> record(TenantTx c, long id, MediaStore.Cropped cropped, @Nullable MediaStore.CropArea area,
                                     int fullWidth, int fullHeight, @Nullable Long actorId) {
        return c.update("""
                        UPDATE media_files SET size_bytes = $2, sha256 = $3, width = $4, height = $5, replaced_at = now(), replaced_by = $6,
                               crop_x = $7, crop_y = $8, crop_width = $9, crop_height = $10, original_path = $11,
                               original_width = $12, original_height = $13
                        WHERE id = $1""", id, cropped.sizeBytes(), cropped.sha256(), cropped.width(), cropped.height(),
                        Sql.orNull(actorId, Long.class),
                        Sql.orNull(area == null ? null : area.x(), Integer.class),
                        Sql.orNull(area == null ? null : area.y(), Integer.class),
                        Sql.orNull(area == null ? null : area.width(), Integer.class),
                        Sql.orNull(area == null ? null : area.height(), Integer.class),
                        Sql.orNull(cropped.originalPath(), String.class),
                        Sql.orNull(area == null ? null : fullWidth, Integer.class),
                        Sql.orNull(area == null ? null : fullHeight, Integer.class))
                .then(c.update("DELETE FROM media_variants WHERE media_id = $1", id))
                .then(MediaStore.recordCopies(c, id, cropped.copies()));
    }

    /** The typed rectangle in pixels of a {@code fullWidth}×{@code fullHeight} picture; refused with a message per field. */
    static MediaStore.CropArea area(CropInput typed, int fullWidth, int fullHeight) {
        Map<String, String> problems = new LinkedHashMap<>();
        Double x = Percent.parse(typed.x(), "cropX", "Lề trái của vùng cắt", false, problems);
        Double y = Percent.parse(typed.y(), "cropY", "Lề trên của vùng cắt", false, problems);
        Double w = Percent.parse(typed.width(), "cropWidth", "Chiều rộng vùng cắt", true, problems);
        Double h = Percent.parse(typed.height(), "cropHeight", "Chiều cao vùng cắt", true, problems);
        if (problems.isEmpty() && x + w > 100.0001) {
            problems.put("cropWidth", "Vùng cắt vượt ra ngoài ảnh: lề trái cộng chiều rộng không được quá 100 %.");
        }
        if (problems.isEmpty() && y + h > 100.0001) {
            problems.put("cropHeight", "Vùng cắt vượt ra ngoài ảnh: lề trên cộng chiều cao không được quá 100 %.");
        }
        if (!problems.isEmpty()) {
            throw new DraftRejected(problems);
        }
        int px = Math.min(fullWidth - 1, (int) Math.round(x * fullWidth / 100));
        int py = Math.min(fullHeight - 1, (int) Math.round(y * fullHeight / 100));
        int pw = Math.min(fullWidth - px, (int) Math.round(w * fullWidth / 100));
        int ph = Math.min(fullHeight - py, (int) Math.round(h * fullHeight / 100));
        if (pw < MIN_CROP_PIXELS || ph < MIN_CROP_PIXELS) {
            throw new DraftRejected(Map.of(pw < MIN_CROP_PIXELS ? "cropWidth" : "cropHeight", "Vùng cắt quá nhỏ: chỉ còn " + pw + "×" + ph
                    + " điểm ảnh, cần ít nhất " + MIN_CROP_PIXELS + "×" + MIN_CROP_PIXELS + "."));
        }
        return new MediaStore.CropArea(px, py, pw, ph);
    }

    /** A JPEG or PNG of the library (only those are cropped and focused), by id. */
    private Mono<Optional<MediaLibrary.LibraryFile>> framable(Tenant tenant, long id) {
        return library.file(tenant, id).map(found -> found.filter(MediaLibrary.LibraryFile::framable));
    }

    static Focus focus(Readable r) {
        Integer x = r.get("focal_x", Integer.class);
        Integer y = r.get("focal_y", Integer.class);
        return x == null || y == null ? null : new Focus(x, y);
    }

    static Crop crop(Readable r) {
        String original = r.get("original_path", String.class);
        return original == null ? null : new Crop(r.get("crop_x", Integer.class), r.get("crop_y", Integer.class),
                r.get("crop_width", Integer.class), r.get("crop_height", Integer.class), original,
                r.get("original_width", Integer.class), r.get("original_height", Integer.class));
    }
}
