package vn.cong.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.system.Sql;
import vn.cong.tenancy.LimitsConfiguration;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Year;
import java.util.HexFormat;
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
    private final Clock clock;
    private final LimitsConfiguration limits;

    public MediaStore(MediaConfiguration config, TenantDatabase db, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                      PdfStructure pdfStructure, Clock clock, LimitsConfiguration limits) {
        this.clock = clock;
        this.limits = limits;
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
        // off the event loop: telling a ZIP-based file apart may inflate a whole archive
        return Mono.fromCallable(() -> check(originalName, bytes, allowed, maxBytes)).subscribeOn(blocking)
                // a PDF is kept only if it opens as one (parsed on its own bounded executor)
                .flatMap(type -> type == MediaType.PDF ? pdfStructure.check(displayName(originalName), bytes).thenReturn(type) : Mono.just(type))
                .flatMap(type -> withinStorageLimit(tenant, originalName, bytes.length).thenReturn(type))
                .flatMap(type -> Mono.fromCallable(() -> write(tenant, type, bytes)).subscribeOn(blocking)
                        .flatMap(stored -> db.mono(tenant, c -> c.one("""
                                        INSERT INTO media_files (stored_path, original_name, content_type, size_bytes, sha256, created_by, attachment)
                                        VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id""", r -> r.get(0, Long.class),
                                stored, displayName(originalName), type.contentType(), (long) bytes.length, sha256(bytes),
                                Sql.orNull(actorId, Long.class), attachment))
                                .map(id -> new MediaFile(id, "/media/" + stored, displayName(originalName), type.contentType(),
                                        bytes.length, sha256(bytes)))));
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
        return db.mono(tenant, c -> c.one("SELECT content_type FROM media_files WHERE stored_path = $1 AND NOT attachment",
                        r -> r.get(0, String.class), storedPath))
                .map(type -> Optional.of(new StoredFile(folder(tenant).resolve(storedPath), type)))
                .defaultIfEmpty(Optional.empty());
    }

    public Path folder(Tenant tenant) {
        return config.root().resolve(tenant.code());
    }

    private MediaType check(String originalName, byte[] bytes, Set<MediaType> allowed, long maxBytes) {
        if (bytes.length == 0) {
            throw new UploadRefused("Tệp «" + displayName(originalName) + "» rỗng.");
        }
        if (bytes.length > maxBytes) {
            throw new UploadRefused("Tệp «" + displayName(originalName) + "» quá lớn: tối đa " + SizeText.of(maxBytes) + ".");
        }
        String ext = extension(originalName);
        MediaType actual = MediaType.sniff(bytes)
                .orElseThrow(() -> new UploadRefused("Không nhận ra loại tệp «" + displayName(originalName) + "»; chỉ nhận "
                        + names(allowed) + "."));
        if (!allowed.contains(actual)) {
            throw new UploadRefused("Loại tệp " + actual.extension().toUpperCase(Locale.ROOT) + " không được phép ở đây; chỉ nhận "
                    + names(allowed) + ".");
        }
        if (!actual.hasExtension(ext)) {
            throw new UploadRefused("Nội dung tệp «" + displayName(originalName) + "» là " + actual.extension().toUpperCase(Locale.ROOT)
                    + ", không khớp với phần mở rộng ." + ext + ".");
        }
        return actual;
    }

    private String write(Tenant tenant, MediaType type, byte[] bytes) {
        String stored = Year.now(clock.withZone(vn.cong.system.VietnamTime.ZONE)) + "/" + UUID.randomUUID() + "." + type.extension();
        Path target = folder(tenant).resolve(stored);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, bytes, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store upload for tenant " + tenant.code(), e);
        }
        return stored;
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tenant's file on disk with the type it was stored as. */
    public record StoredFile(Path path, String contentType) {
    }
}
