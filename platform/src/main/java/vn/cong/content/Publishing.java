package vn.cong.content;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.TenantTx;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.content.autosave.ItemAutosaves;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.PublicChanges;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Saving drafts and publishing them. Every save is a revision, every change an event; a save from
 * an outdated version is refused. Whatever becomes public is fingerprinted in the same transaction,
 * so the integrity check can tell it from an edit made outside the workflow. Publishing (and saving an item that is already public) moves the
 * tenant's content version, which is part of every cached page's key: all nodes show the change at
 * once, with no cache purge.
 */
@Singleton
public class Publishing {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern KIND = Pattern.compile("^[a-z][a-z_]{1,30}$");

    private final TenantDatabase db;
    private final PublicChanges changes;
    private final List<PublishRule> rules;

    public Publishing(TenantDatabase db, PublicChanges changes, List<PublishRule> rules) {
        this.db = db;
        this.changes = changes;
        this.rules = List.copyOf(rules);
    }

    /** Creates an item (state {@code draft}) or saves an edit of one, keeping its state. */
    public Mono<SavedItem> saveDraft(Tenant tenant, Draft draft) {
        return save(tenant, draft, KindDetails.NONE, null);
    }

    /** As {@link #saveDraft(Tenant, Draft)}, with the kind's own fields saved in the same transaction. */
    public Mono<SavedItem> saveDraft(Tenant tenant, Draft draft, KindDetails details) {
        return save(tenant, draft, details, null);
    }

    /**
     * A correction (đính chính) of a published item [000 Đ12.1]: the edit is saved like any other (the
     * text before it stays as the previous revision), the public page shows the dated note, and the
     * event log records it as a correction. Only a published item can be corrected.
     */
    public Mono<SavedItem> correct(Tenant tenant, Draft edit, String note) {
        if (edit.id() == null) {
            return Mono.error(new IllegalArgumentException("A correction edits an existing item"));
        }
        String clean = RichText.plain(note);
        if (clean == null || clean.isBlank()) {
            return Mono.error(new DraftRejected(Map.of("note", "Hãy ghi nội dung đính chính để người đọc biết điều gì đã được sửa.")));
        }
        return save(tenant, edit, KindDetails.NONE, clean.strip());
    }

    private Mono<SavedItem> save(Tenant tenant, Draft draft, KindDetails details, @Nullable String correctionNote) {
        Map<String, String> problems = problems(draft);
        problems.putAll(details.problems());
        if (!problems.isEmpty()) {
            return Mono.error(new DraftRejected(problems));
        }
        Draft clean = cleaned(draft);
        return changes.inTenant(tenant, (c, change) -> references(c, clean)
                        .then(correctionNote == null ? Mono.empty() : keepPublishedText(c, clean.id()))
                        .then(clean.id() == null ? insert(c, clean) : update(c, clean))
                        .flatMap(saved -> details.save(c, saved.id()).then(revision(c, clean, saved))
                                .then(ItemAutosaves.clear(c, saved.id(), clean.actorId()))
                                .then(isPublic(saved) ? PublishedFingerprint.record(c, saved.id()).map(Optional::of) : Mono.just(Optional.<String>empty()))
                                .flatMap(fingerprint -> ContentEvents.append(c, new ContentEvents.Event(saved.id(), clean.actorId(),
                                        clean.id() == null ? null : saved.state(), saved.state(), correctionNote == null ? null : "correct", null,
                                        correctionNote != null ? correctionNote
                                                : clean.id() == null ? "Tạo bài viết" : "Lưu phiên bản " + saved.version(),
                                        null, fingerprint.orElse(null))))
                                .then(correctionNote == null ? Mono.just(0L) : c.update("""
                                        INSERT INTO content_corrections (item_id, note, old_version, new_version, corrected_by)
                                        VALUES ($1, $2, $3, $4, $5)""", saved.id(), correctionNote, clean.expectedVersion(), saved.version(),
                                        Sql.orNull(clean.actorId(), Long.class)))
                                .then(isPublic(saved) ? change.pagesOf(tenant) : Mono.just(0L))
                                .thenReturn(saved)))
                .onErrorMap(R2dbcDataIntegrityViolationException.class, e -> "23505".equals(e.getSqlState())
                        ? new DraftRejected(Map.of("slug", slugTaken(clean))) : e);
    }

    /**
     * Only a published item is corrected, and the text readers saw is kept as the revision of the
     * version being corrected (publishing moves the version without a save, and seeded items have none).
     */
    private static Mono<Void> keepPublishedText(TenantTx c, long id) {
        return c.one("SELECT state FROM content_items WHERE id = $1 FOR UPDATE", r -> r.get(0, String.class), id)
                .switchIfEmpty(Mono.error(() -> new ContentNotFound(id)))
                .flatMap(state -> "published".equals(state)
                        ? c.update("""
                                INSERT INTO content_revisions (item_id, version, title, summary, body_html, source, created_by)
                                SELECT id, version, title, summary, body_html, source, updated_by FROM content_items WHERE id = $1
                                ON CONFLICT (item_id, version) DO NOTHING""", id).then()
                        : Mono.error(new DraftRejected(Map.of("state", "Chỉ đính chính được tin bài đang đăng trên cổng."))));
    }

    /**
     * Publishes an item: state {@code published}, publication time now unless one was set (a later
     * time schedules it), an event, and a new content version for the tenant. Publishing an item
     * that is already published changes nothing. Every {@link PublishRule} must agree first.
     */
    public Mono<SavedItem> publish(Tenant tenant, long itemId, @Nullable Long actorId) {
        return changes.inTenant(tenant, (c, change) -> c.one("SELECT state, version, kind FROM content_items WHERE id = $1 FOR UPDATE",
                                r -> new Locked(new SavedItem(itemId, r.get("version", Integer.class), r.get("state", String.class)),
                                        r.get("kind", String.class)), itemId)
                        .switchIfEmpty(Mono.error(() -> new ContentNotFound(itemId)))
                        .flatMap(before -> "published".equals(before.item().state())
                                ? Mono.just(before.item())
                                : Flux.fromIterable(rules).concatMap(rule -> rule.check(c, itemId, before.kind())).then(c.one("""
                                                UPDATE content_items SET state = 'published', published_at = coalesce(published_at, now()),
                                                    version = version + 1, updated_by = $2, updated_at = now()
                                                WHERE id = $1 RETURNING version""",
                                                r -> new SavedItem(itemId, r.get(0, Integer.class), "published"), itemId, Sql.orNull(actorId, Long.class))
                                        .flatMap(after -> PublishedFingerprint.record(c, itemId)
                                                .flatMap(fingerprint -> ContentEvents.append(c, itemId, actorId, before.item().state(), "published", null, fingerprint))
                                                .then(change.pagesOf(tenant))
                                                .thenReturn(after)))));
    }

    private record Locked(SavedItem item, String kind) {
    }

    private static boolean isPublic(SavedItem saved) {
        return "published".equals(saved.state());
    }

    private static Map<String, String> problems(Draft d) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!"vi".equals(d.language()) && !"en".equals(d.language())) {
            problems.put("language", "Ngôn ngữ phải là tiếng Việt (vi) hoặc tiếng Anh (en).");
        }
        if (d.slug() == null || d.slug().length() > 200 || !SLUG.matcher(d.slug()).matches()) {
            problems.put("slug", "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ: chuyen-doi-so-2026.");
        }
        if (d.title() == null || d.title().isBlank()) {
            problems.put("title", "Tiêu đề không được để trống.");
        } else if (d.title().length() > 500) {
            problems.put("title", "Tiêu đề dài quá 500 ký tự.");
        }
        if (d.kind() == null || !KIND.matcher(d.kind()).matches()) {
            problems.put("kind", "Loại tin bài không hợp lệ.");
        }
        if (d.coverUrl() != null && !d.coverUrl().isBlank()
                && !(d.coverUrl().startsWith("https://") || (d.coverUrl().startsWith("/") && !d.coverUrl().startsWith("//")))) {
            problems.put("coverUrl", "Ảnh đại diện phải là địa chỉ https:// hoặc đường dẫn trong cổng.");
        }
        if (d.id() != null && d.expectedVersion() < 1) {
            problems.put("version", "Thiếu phiên bản của bài đang sửa.");
        }
        // what staff write (forms, API) must describe its images; the platform's own loading (manifests, no actor) is not refused
        int undescribed = d.actorId() == null ? 0 : RichText.imagesWithoutDescription(d.bodyHtml());
        if (undescribed > 0) {
            problems.put("body", undescribed + " ảnh trong nội dung chưa có mô tả. Hãy nhập mô tả ngắn cho mỗi ảnh "
                    + "(người khiếm thị nghe mô tả này thay cho ảnh).");
        }
        return problems;
    }

    /** Titles and summaries as plain NFC text, the body through the HTML sanitiser. */
    private static Draft cleaned(Draft d) {
        return new Draft(d.id(), d.expectedVersion(), d.kind(), d.sectionId(), d.language(), d.slug(),
                RichText.plain(d.title()), RichText.plain(d.summary()), RichText.sanitize(d.bodyHtml()),
                blankToNull(d.coverUrl()), blankToNull(RichText.plain(d.coverAlt())), blankToNull(RichText.plain(d.source())),
                d.featured(), d.actorId());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The section exists and no other item of the language uses the slug: clear messages before the database's constraints. */
    private static Mono<Void> references(TenantTx c, Draft d) {
        Mono<Map<String, String>> section = d.sectionId() == null ? Mono.just(Map.of())
                : c.one("SELECT id FROM sections WHERE id = $1", r -> Map.<String, String>of(), d.sectionId())
                .defaultIfEmpty(Map.of("sectionId", "Chuyên mục đã chọn không tồn tại."));
        return section.flatMap(sectionProblem -> c.one("SELECT id FROM content_items WHERE language = $1 AND slug = $2 AND id <> $3",
                                r -> Map.of("slug", slugTaken(d)), d.language(), d.slug(), d.id() == null ? -1L : d.id())
                        .defaultIfEmpty(Map.of())
                        .flatMap(slugProblem -> {
                            Map<String, String> problems = new LinkedHashMap<>(sectionProblem);
                            problems.putAll(slugProblem);
                            return problems.isEmpty() ? Mono.<Void>empty() : Mono.error(new DraftRejected(problems));
                        }));
    }

    private static String slugTaken(Draft d) {
        return "Đường dẫn «" + d.slug() + "» đã được dùng cho một bài viết khác ("
                + ("en".equals(d.language()) ? "tiếng Anh" : "tiếng Việt") + ").";
    }

    private static Mono<SavedItem> insert(TenantTx c, Draft d) {
        return c.one("""
                        INSERT INTO content_items (kind, section_id, language, slug, title, summary, body_html, cover_url, cover_alt,
                                                   source, featured, state, version, created_by, updated_by)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'draft', 1, $12, $12)
                        RETURNING id, version, state""",
                r -> new SavedItem(r.get("id", Long.class), r.get("version", Integer.class), r.get("state", String.class)),
                d.kind(), Sql.orNull(d.sectionId(), Long.class), d.language(), d.slug(), d.title(), d.summary(), d.bodyHtml(),
                Sql.orNull(d.coverUrl(), String.class), Sql.orNull(d.coverAlt(), String.class), Sql.orNull(d.source(), String.class),
                d.featured(), Sql.orNull(d.actorId(), Long.class));
    }

    private static Mono<SavedItem> update(TenantTx c, Draft d) {
        return c.one("""
                                UPDATE content_items SET kind = $3, section_id = $4, language = $5, slug = $6, title = $7, summary = $8,
                                    body_html = $9, cover_url = $10, cover_alt = $11, source = $12, featured = $13,
                                    version = version + 1, updated_by = $14, updated_at = now()
                                WHERE id = $1 AND version = $2
                                RETURNING id, version, state""",
                        r -> new SavedItem(r.get("id", Long.class), r.get("version", Integer.class), r.get("state", String.class)),
                        d.id(), d.expectedVersion(), d.kind(), Sql.orNull(d.sectionId(), Long.class), d.language(), d.slug(),
                        d.title(), d.summary(), d.bodyHtml(), Sql.orNull(d.coverUrl(), String.class), Sql.orNull(d.coverAlt(), String.class),
                        Sql.orNull(d.source(), String.class), d.featured(), Sql.orNull(d.actorId(), Long.class))
                .switchIfEmpty(Mono.defer(() -> c.one("SELECT version FROM content_items WHERE id = $1", r -> r.get(0, Integer.class), d.id())
                        .switchIfEmpty(Mono.error(() -> new ContentNotFound(d.id())))
                        .flatMap(current -> Mono.error(new EditConflict(d.id(), d.expectedVersion(), current)))));
    }

    private static Mono<Long> revision(TenantTx c, Draft d, SavedItem saved) {
        return c.update("""
                        INSERT INTO content_revisions (item_id, version, title, summary, body_html, source, created_by)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)""",
                saved.id(), saved.version(), d.title(), d.summary(), d.bodyHtml(), Sql.orNull(d.source(), String.class),
                Sql.orNull(d.actorId(), Long.class));
    }
}
