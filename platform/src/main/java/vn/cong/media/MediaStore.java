package vn.cong.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.system.Sha256;
import vn.cong.system.Sql;
import vn.cong.tenancy.LimitsConfiguration;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Year;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import java.time.Clock;

/**
 * Keeps uploads in the tenant's own folder ({@code <root>/<tenant code>/<year>/<random>.<ext>}).
 * A file is accepted only when its bytes are of an allowed kind and its name says the same kind, and
 * a PDF only when its structure parses ({@link PdfStructure}).
 */
@Singleton
public class MediaStore {

    private static final Pattern STORED = Pattern.compile("^[0-9]{4}/[a-z0-9-]+\\.[a-z0-9]+$");

    private final MediaConfiguration config;
    private final TenantDatabase db;
    private final Scheduler blocking;
    private final PdfStructure pdfStructure;
    private final Scheduler images;
    private final Clock clock;
    private final LimitsConfiguration limits;

    public MediaStore(MediaConfiguration config, TenantDatabase db, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                      @Named("image-sizes") ExecutorService images, PdfStructure pdfStructure, Clock clock, LimitsConfiguration limits) {
        this.clock = clock;
        this.limits = limits;
        this.images = Schedulers.fromExecutorService(images);
        this.config = config;
        this.db = db;
        this.pdfStructure = pdfStructure;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /** Stores an upload of one of the {@code allowed} kinds; refuses anything else with a clear message. */
    public Mono<MediaFile> store(Tenant tenant, String originalName, byte[] bytes, Set<MediaType> allowed, @Nullable Long actorId) {
        return store(tenant, originalName, bytes, allowed, config.maxBytes(), false, actorId);
    }

    /**
     * Stores a file to attach to a content item (any of {@link MediaType#ATTACHMENTS}, up to
     * {@code cong.media.attachment-max-bytes}). It is never served under {@code /media}: only as a
     * download of the item it is attached to, once that item is public.
     */
    public Mono<MediaFile> storeAttachment(Tenant tenant, String originalName, byte[] bytes, @Nullable Long actorId) {
        return store(tenant, originalName, bytes, MediaType.ATTACHMENTS, config.attachmentMaxBytes(), true, actorId);
    }

    private Mono<MediaFile> store(Tenant tenant, String originalName, byte[] bytes, Set<MediaType> allowed, long maxBytes,
                                  boolean attachment, @Nullable Long actorId) {
        return (attachment ? Mono.just(new Upload(originalName, bytes, null)) : converted(originalName, bytes, allowed, maxBytes, null))
                .flatMap(upload -> storeAsIs(tenant, originalName, upload, allowed, maxBytes, attachment, actorId));
    }

    private Mono<MediaFile> storeAsIs(Tenant tenant, String originalName, Upload upload, Set<MediaType> allowed, long maxBytes,
                                      boolean attachment, @Nullable Long actorId) {
        byte[] bytes = upload.bytes();
        // off the event loop: telling a ZIP-based file apart may inflate a whole archive
        return checked(upload.name(), bytes, allowed, maxBytes)
                .flatMap(type -> withinStorageLimit(tenant, originalName, bytes.length).thenReturn(type))
                .flatMap(type -> sized(type, bytes, attachment).flatMap(sized -> Mono.fromCallable(() -> write(tenant, type, bytes, sized))
                        .subscribeOn(blocking)
                        .flatMap(stored -> db.mono(tenant, c -> c.one("""
                                                INSERT INTO media_files (stored_path, original_name, content_type, size_bytes, sha256, created_by,
                                                                         attachment, width, height, converted_from)
                                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id""", r -> r.get(0, Long.class),
                                        stored.path(), displayName(originalName), type.contentType(), (long) bytes.length, Sha256.hex(bytes),
                                        Sql.orNull(actorId, Long.class), attachment, Sql.orNull(sized.map(ImageSizes.Sized::width).orElse(null), Integer.class),
                                        Sql.orNull(sized.map(ImageSizes.Sized::height).orElse(null), Integer.class),
                                        Sql.orNull(upload.convertedFrom(), String.class))
                                        .flatMap(id -> recordCopies(c, id, stored.copies()).thenReturn(id)))
                                .map(id -> new MediaFile(id, "/media/" + stored.path(), displayName(originalName), type.contentType(),
                                        bytes.length, Sha256.hex(bytes))))));
    }

    /** An upload as it goes on to be checked and stored; {@code convertedFrom} says what it was when it was a TIFF or BMP. */
    private record Upload(String name, byte[] bytes, @Nullable String convertedFrom) {
    }

    /**
     * A TIFF or BMP upload converted ({@link RasterConversion}) when a picture of the web may stand here (JPEG or PNG is
     * allowed); {@code target} forces the format. Anything else goes on as uploaded, to be checked as usual.
     */
    private Mono<Upload> converted(String originalName, byte[] bytes, Set<MediaType> allowed, long maxBytes, @Nullable MediaType target) {
        Optional<MediaType> from = RasterConversion.kind(bytes);
        Set<MediaType> outputs = EnumSet.of(MediaType.JPEG, MediaType.PNG);
        outputs.retainAll(allowed);
        if (from.isEmpty() || outputs.isEmpty()) {
            return Mono.just(new Upload(originalName, bytes, null));
        }
        MediaType forced = target != null ? target : outputs.size() == 1 ? outputs.iterator().next() : null;
        return Mono.fromCallable(() -> {
            check(originalName, bytes, Set.of(from.get()), maxBytes);
            RasterConversion.Converted done = RasterConversion.convert(originalName, bytes, from.get(), forced);
            if (done.bytes().length > maxBytes) {
                throw new UploadRefused("Ảnh «" + displayName(originalName) + "» chuyển sang " + done.type().name() + " thì nặng "
                        + SizeText.of(done.bytes().length) + ", quá mức tối đa " + SizeText.of(maxBytes) + ". Xin thu nhỏ ảnh rồi tải lên lại.");
            }
            return new Upload(done.name(), done.bytes(), done.note());
        }).subscribeOn(images);
    }

    /**
     * Puts new bytes under a stored file's address (the replaced file of the media library): the upload must be
     * of the file's own type and pass the same checks as an upload; its smaller copies are made again. Emits
     * what the database must now say about the file ({@link #recordReplacement}).
     */
    public Mono<Replacement> replaceBytes(Tenant tenant, String storedPath, MediaType type, String originalName, byte[] bytes) {
        if (!STORED.matcher(storedPath).matches()) {
            return Mono.error(new IllegalArgumentException("Not a stored path: " + storedPath));
        }
        long maxBytes = type.isImage() ? config.maxBytes() : config.attachmentMaxBytes();
        return converted(originalName, bytes, Set.of(type), maxBytes, ImageSizes.resizable(type) ? type : null)
                .flatMap(upload -> checked(upload.name(), upload.bytes(), Set.of(type), maxBytes)
                        .flatMap(checkedType -> withinStorageLimit(tenant, originalName, upload.bytes().length))
                        .then(sized(type, upload.bytes(), false))
                        .flatMap(sized -> Mono.fromCallable(() -> overwrite(tenant, storedPath, type, upload.bytes(), sized)).subscribeOn(blocking)
                                .map(copies -> new Replacement(displayName(originalName), upload.bytes().length, Sha256.hex(upload.bytes()),
                                        sized.map(ImageSizes.Sized::width).orElse(null), sized.map(ImageSizes.Sized::height).orElse(null), copies,
                                        upload.convertedFrom()))));
    }

    /** What a file is after its bytes were replaced. */
    public record Replacement(String originalName, long sizeBytes, String sha256, @Nullable Integer width, @Nullable Integer height,
                              List<StoredCopy> copies, @Nullable String convertedFrom) {
    }

    /** A smaller copy of a picture as stored. */
    public record StoredCopy(int width, int height, String path) {
    }

    /**
     * Records a replacement of file {@code mediaId} in the caller's transaction (its copies are listed anew). A crop
     * belonged to the picture replaced, so it is dropped (the caller removes the kept original's bytes).
     */
    public static Mono<Void> recordReplacement(TenantTx c, long mediaId, Replacement r, @Nullable Long actorId) {
        return c.update("""
                        UPDATE media_files SET size_bytes = $2, sha256 = $3, width = $4, height = $5, replaced_at = now(), replaced_by = $6,
                               converted_from = $7, crop_x = NULL, crop_y = NULL, crop_width = NULL, crop_height = NULL,
                               original_path = NULL, original_width = NULL, original_height = NULL
                        WHERE id = $1""", mediaId, r.sizeBytes(), r.sha256(), Sql.orNull(r.width(), Integer.class),
                        Sql.orNull(r.height(), Integer.class), Sql.orNull(actorId, Long.class), Sql.orNull(r.convertedFrom(), String.class))
                .then(c.update("DELETE FROM media_variants WHERE media_id = $1", mediaId))
                .then(recordCopies(c, mediaId, r.copies()));
    }

    /** Lists a file's smaller copies in the caller's transaction. */
    public static Mono<Void> recordCopies(TenantTx c, long mediaId, List<StoredCopy> copies) {
        return Flux.fromIterable(copies).concatMap(copy -> c.update(
                        "INSERT INTO media_variants (media_id, width, height, stored_path) VALUES ($1, $2, $3, $4)",
                        mediaId, copy.width(), copy.height(), copy.path()))
                .then();
    }

    /** A crop rectangle in pixels of the uncropped picture. */
    public record CropArea(int x, int y, int width, int height) {
    }

    /** A picture after it was cropped (or its crop removed: then {@code originalPath} is null, the original being back in place). */
    public record Cropped(long sizeBytes, String sha256, int width, int height, List<StoredCopy> copies, @Nullable String originalPath) {
    }

    /**
     * Cuts the picture at {@code storedPath} (JPEG or PNG) out of its uncropped original, kept beside it at
     * {@code originalPath} ({@code <name>-original.<ext>}, made by the first crop and never served publicly), and makes its
     * smaller copies again; {@code area} null puts the original back under the address and drops the kept copy.
     */
    public Mono<Cropped> crop(Tenant tenant, String storedPath, MediaType type, @Nullable String originalPath, @Nullable CropArea area) {
        if (!STORED.matcher(storedPath).matches() || (originalPath != null && !STORED.matcher(originalPath).matches())) {
            return Mono.error(new IllegalArgumentException("Not a stored path: " + storedPath + ", " + originalPath));
        }
        return Mono.fromCallable(() -> {
            String keptPath = originalPath != null ? originalPath : storedPath.substring(0, storedPath.lastIndexOf('.')) + "-original." + type.extension();
            Path kept = folder(tenant).resolve(keptPath);
            if (originalPath == null) {
                Files.copy(folder(tenant).resolve(storedPath), kept, StandardCopyOption.REPLACE_EXISTING);
            }
            byte[] original = Files.readAllBytes(kept);
            byte[] bytes = area == null ? original : ImageSizes.cropped(original, type, area.x(), area.y(), area.width(), area.height());
            ImageSizes.Sized sized = ImageSizes.of(bytes, type);
            List<StoredCopy> copies = overwrite(tenant, storedPath, type, bytes, Optional.of(sized));
            if (area == null) {
                Files.deleteIfExists(kept);
            }
            return new Cropped(bytes.length, Sha256.hex(bytes), sized.width(), sized.height(), copies, area == null ? null : keptPath);
        }).subscribeOn(images);
    }

    /** The bytes of a file the tenant keeps (a kept original for the staff's crop screen), if it is there. */
    public Mono<Optional<byte[]>> bytesAt(Tenant tenant, String storedPath) {
        if (!STORED.matcher(storedPath).matches()) {
            return Mono.just(Optional.empty());
        }
        Path path = folder(tenant).resolve(storedPath);
        return Mono.fromCallable(() -> Files.exists(path) ? Optional.of(Files.readAllBytes(path)) : Optional.<byte[]>empty()).subscribeOn(blocking);
    }

    /** Removes a file of the library from disk with its copies (the caller has already removed its row). */
    public Mono<Void> deleteFiles(Tenant tenant, String storedPath, List<String> copyPaths) {
        return Mono.fromRunnable(() -> {
            try {
                for (String path : copyPaths) {
                    Files.deleteIfExists(folder(tenant).resolve(path));
                }
                Files.deleteIfExists(folder(tenant).resolve(storedPath));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete media of tenant " + tenant.code(), e);
            }
        }).subscribeOn(blocking).then();
    }

    private Mono<MediaType> checked(String originalName, byte[] bytes, Set<MediaType> allowed, long maxBytes) {
        return Mono.fromCallable(() -> check(originalName, bytes, allowed, maxBytes)).subscribeOn(blocking)
                // a PDF is kept only if it opens as one (parsed on its own bounded executor)
                .flatMap(type -> type == MediaType.PDF ? pdfStructure.check(displayName(originalName), bytes).thenReturn(type) : Mono.just(type));
    }

    /** A picture's size and smaller copies, made on the bounded image executor; nothing for other files, attachments and undecodable pictures. */
    private Mono<Optional<ImageSizes.Sized>> sized(MediaType type, byte[] bytes, boolean attachment) {
        if (attachment || !ImageSizes.resizable(type)) {
            return Mono.just(Optional.empty());
        }
        // a picture Java cannot decode (or too large in pixels) is still kept as uploaded, as before: it only gets no copies
        return Mono.fromCallable(() -> Optional.of(ImageSizes.of(bytes, type))).subscribeOn(images)
                .onErrorResume(UploadRefused.class, e -> Mono.just(Optional.empty()));
    }

    /** Bytes of every file the tenant keeps (images, attachments), as its storage limit counts them. */
    public Mono<Long> usedBytes(Tenant tenant) {
        return db.mono(tenant, c -> c.one("SELECT coalesce(sum(size_bytes), 0)::bigint FROM media_files", r -> r.get(0, Long.class)));
    }

    /**
     * The operator's storage limit for the tenant (noisy neighbours): an upload that would take the tenant past it is
     * refused with what is used and what is allowed. Two uploads at the same moment may both pass by one file.
     */
    private Mono<Void> withinStorageLimit(Tenant tenant, String originalName, long size) {
        Long limit = limits.of(tenant).mediaBytes();
        if (limit == null) {
            return Mono.empty();
        }
        return usedBytes(tenant).flatMap(used -> used + size <= limit ? Mono.<Void>empty()
                : Mono.error(new UploadRefused("Không lưu được tệp «" + displayName(originalName) + "» (" + SizeText.of(size)
                        + "): cổng đã dùng " + SizeText.of(used) + " trong " + SizeText.of(limit)
                        + " dung lượng lưu trữ tệp được cấp. Xin xoá bớt tệp không còn dùng hoặc đề nghị đơn vị vận hành cấp thêm dung lượng.")));
    }

    /** The file at a public path of this tenant, if it is one of its own (attachments are not: they are downloads). */
    public Mono<Optional<StoredFile>> find(Tenant tenant, String storedPath) {
        if (!STORED.matcher(storedPath).matches()) {
            return Mono.just(Optional.empty());
        }
        return db.mono(tenant, c -> c.one("""
                                SELECT m.content_type, m.sha256, m.replaced_at IS NOT NULL AS replaced, coalesce(v.width, 0) AS width
                                FROM media_files m LEFT JOIN media_variants v ON v.media_id = m.id AND v.stored_path = $1
                                WHERE NOT m.attachment AND (m.stored_path = $1 OR v.stored_path = $1)""",
                        r -> new StoredFile(folder(tenant).resolve(storedPath), r.get("content_type", String.class),
                                r.get("sha256", String.class).substring(0, 16) + (r.get("width", Integer.class) == 0 ? "" : "-w" + r.get("width", Integer.class)),
                                r.get("replaced", Boolean.class)), storedPath))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    public Path folder(Tenant tenant) {
        return config.root().resolve(tenant.code());
    }

    private MediaType check(String originalName, byte[] bytes, Set<MediaType> allowed, long maxBytes) {
        if (bytes.length == 0) {
            throw new UploadRefused("Tệp «" + displayName(originalName) + "» rỗng.");
        }
        // a video has its own limit (cong.media.video-max-bytes); every other file the caller's
        long videoMax = allowed.contains(MediaType.MP4) ? config.videoMaxBytes() : 0;
        if (bytes.length > Math.max(maxBytes, videoMax)) {
            throw new UploadRefused("Tệp «" + displayName(originalName) + "» quá lớn: tối đa " + SizeText.of(Math.max(maxBytes, videoMax)) + ".");
        }
        String ext = extension(originalName);
        MediaType actual = MediaType.sniff(bytes)
                .orElseThrow(() -> new UploadRefused("Không nhận ra loại tệp «" + displayName(originalName) + "»; chỉ nhận "
                        + names(allowed) + "."));
        if (!allowed.contains(actual)) {
            throw new UploadRefused("Loại tệp " + actual.extension().toUpperCase(Locale.ROOT) + " không được phép ở đây; chỉ nhận "
                    + names(allowed) + ".");
        }
        long limit = actual == MediaType.MP4 ? videoMax : maxBytes;
        if (bytes.length > limit) {
            throw new UploadRefused("Tệp «" + displayName(originalName) + "» quá lớn: tệp " + actual.extension().toUpperCase(Locale.ROOT)
                    + " tối đa " + SizeText.of(limit) + ".");
        }
        if (actual == MediaType.MP4 && !Mp4Structure.hasH264Video(bytes)) {
            throw new UploadRefused("Video «" + displayName(originalName) + "» không có hình H.264: chỉ nhận tệp MP4 mã hoá H.264 "
                    + "(xuất lại video với bộ mã H.264/AVC).");
        }
        if (!actual.hasExtension(ext)) {
            throw new UploadRefused("Nội dung tệp «" + displayName(originalName) + "» là " + actual.extension().toUpperCase(Locale.ROOT)
                    + ", không khớp với phần mở rộng ." + ext + ".");
        }
        return actual;
    }

    private record Written(String path, List<StoredCopy> copies) {
    }

    private Written write(Tenant tenant, MediaType type, byte[] bytes, Optional<ImageSizes.Sized> sized) {
        String stem = Year.now(clock.withZone(vn.cong.system.VietnamTime.ZONE)) + "/" + UUID.randomUUID();
        String stored = stem + "." + type.extension();
        Path target = folder(tenant).resolve(stored);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, bytes, StandardOpenOption.CREATE_NEW);
            return new Written(stored, writeCopies(tenant, stored, type, sized));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store upload for tenant " + tenant.code(), e);
        }
    }

    /** New bytes under the same address, written beside it and moved over it, and the copies made again. */
    private List<StoredCopy> overwrite(Tenant tenant, String stored, MediaType type, byte[] bytes, Optional<ImageSizes.Sized> sized) {
        Path target = folder(tenant).resolve(stored);
        try {
            Files.createDirectories(target.getParent());
            Path next = target.resolveSibling(target.getFileName() + ".new");
            Files.write(next, bytes);
            Files.move(next, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (var old = Files.list(target.getParent())) {
                String prefix = copyPrefix(stored).substring(copyPrefix(stored).lastIndexOf('/') + 1);
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            return writeCopies(tenant, stored, type, sized);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace media of tenant " + tenant.code(), e);
        }
    }

    private List<StoredCopy> writeCopies(Tenant tenant, String stored, MediaType type, Optional<ImageSizes.Sized> sized) throws IOException {
        List<StoredCopy> copies = new java.util.ArrayList<>();
        for (ImageSizes.Copy copy : sized.map(ImageSizes.Sized::copies).orElse(List.of())) {
            String path = copyPrefix(stored) + copy.width() + "." + type.extension();
            Files.write(folder(tenant).resolve(path), copy.bytes());
            copies.add(new StoredCopy(copy.width(), copy.height(), path));
        }
        return List.copyOf(copies);
    }

    /** Copies of {@code 2026/abc.jpg} are {@code 2026/abc-w480.jpg} and so on. */
    private static String copyPrefix(String stored) {
        return stored.substring(0, stored.lastIndexOf('.')) + "-w";
    }

    private static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The original name, cleaned for display: no path, no control characters, NFC, at most 200 characters. */
    static String displayName(String name) {
        String base = name == null ? "tep" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = Normalizer.normalize(base, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}<>\"]", "").strip();
        if (base.isEmpty()) {
            base = "tep";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String names(Set<MediaType> allowed) {
        return String.join(", ", allowed.stream().map(t -> t.extension().toUpperCase(Locale.ROOT)).sorted().toList());
    }


    /**
     * A tenant's file on disk with the type it was stored as, a tag of its current bytes, and whether they were
     * ever replaced under the same address (then it may not be cached as immutable).
     */
    public record StoredFile(Path path, String contentType, String tag, boolean replaced) {
    }
}
