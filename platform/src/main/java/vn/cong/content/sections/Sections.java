package vn.cong.content.sections;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.content.DraftRejected;
import vn.cong.content.RichText;
import vn.cong.system.Sql;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantTx;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The tenant's section tree as its staff manage it: add, rename (vi/en), move under another section,
 * reorder among siblings, hide, archive and restore, delete an empty one. Every change goes live at
 * once (the public pages and the menu are refreshed on every node) and is written to the tenant's audit
 * log in the same transaction. A section with items or subsections is never deleted, only archived:
 * its items keep their addresses, it leaves the menu, the public lists and the top of the pickers.
 * A section changed here is the staff's from then on: applying the manifest again leaves it alone.
 */
@Singleton
public class Sections {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int MAX_NAME = 120;

    private final TenantDatabase db;
    private final PublicChanges changes;
    private final AuditLog audit;
    private final Clock clock;

    Sections(TenantDatabase db, PublicChanges changes, AuditLog audit, Clock clock) {
        this.db = db;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /** One section as the staff list shows it, in tree order. */
    public record Section(long id, @Nullable Long parentId, String slug, String nameVi, String nameEn, String description,
                          int depth, boolean visible, boolean archived, long items, int children) {

        public boolean deletable() {
            return items == 0 && children == 0;
        }
    }

    /** What the add and edit forms carry. */
    public record Fields(@Nullable String slug, @Nullable String nameVi, @Nullable String nameEn, @Nullable String description,
                         @Nullable Long parentId) {
    }

    /** The whole tree, parents before children, siblings in their order (archived ones last). */
    public Mono<List<Section>> tree(Tenant tenant) {
        return db.flux(tenant, c -> c.query("""
                        WITH RECURSIVE tree AS (
                            SELECT id, 0 AS depth, ARRAY[(archived_at IS NOT NULL)::int, position, id] AS path FROM sections
                            WHERE parent_id IS NULL
                            UNION ALL
                            SELECT s.id, t.depth + 1, t.path || ARRAY[(s.archived_at IS NOT NULL)::int, s.position, s.id]
                            FROM sections s JOIN tree t ON s.parent_id = t.id)
                        SELECT s.id, s.parent_id, s.slug, s.name_vi, s.name_en, s.description, t.depth, s.visible,
                               s.archived_at IS NOT NULL,
                               (SELECT count(*) FROM content_items i WHERE i.section_id = s.id),
                               (SELECT count(*) FROM sections k WHERE k.parent_id = s.id)::int
                        FROM tree t JOIN sections s ON s.id = t.id ORDER BY t.path""",
                r -> new Section(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, String.class), r.get(5, String.class), r.get(6, Integer.class),
                        Boolean.TRUE.equals(r.get(7, Boolean.class)), Boolean.TRUE.equals(r.get(8, Boolean.class)),
                        r.get(9, Long.class), r.get(10, Integer.class))))
                .collectList();
    }

    /** Adds a section at the end of its siblings; the address (slug) is chosen once and never changes. */
    public Mono<Long> add(Tenant tenant, long actorId, Fields f) {
        String slug = f.slug() == null ? "" : f.slug().strip();
        Map<String, String> problems = names(f);
        if (!SLUG.matcher(slug).matches() || slug.length() > 80) {
            problems.put("slug", "Địa chỉ chuyên mục chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ: tin-tuc-su-kien.");
        }
        if (!problems.isEmpty()) {
            return Mono.error(new DraftRejected(problems));
        }
        return changes.inTenant(tenant, (c, change) -> c.one("SELECT count(*) FROM sections WHERE slug = $1", r -> r.get(0, Long.class), slug)
                .flatMap(taken -> taken > 0
                        ? Mono.error(new DraftRejected(Map.of("slug", "Địa chỉ “" + slug + "” đã có chuyên mục khác dùng.")))
                        : parentProblem(c, null, f.parentId()))
                .then(c.one("""
                                INSERT INTO sections (parent_id, slug, name_vi, name_en, description, position, staff_edited_at)
                                VALUES ($1, $2, $3, $4, $5,
                                        (SELECT coalesce(max(position), 0) + 10 FROM sections WHERE parent_id IS NOT DISTINCT FROM $1), $6)
                                RETURNING id""", r -> r.get(0, Long.class),
                        Sql.orNull(f.parentId(), Long.class), slug, name(f.nameVi()), nameEn(f), description(f), now()))
                .flatMap(id -> audit.record(c, actorId, "section.add", details(id, slug, Map.of("name", name(f.nameVi()))))
                        .then(change.pagesOf(tenant)).thenReturn(id)));
    }

    /** Renames a section (vi/en), changes its description and moves it under another parent (or to the top). */
    public Mono<Void> update(Tenant tenant, long actorId, long id, Fields f) {
        Map<String, String> problems = names(f);
        if (!problems.isEmpty()) {
            return Mono.error(new DraftRejected(problems));
        }
        return changes.inTenant(tenant, (c, change) -> existing(c, id)
                .flatMap(before -> parentProblem(c, id, f.parentId())
                        .then(Mono.defer(() -> java.util.Objects.equals(before.parentId(), f.parentId())
                                ? c.update("UPDATE sections SET name_vi = $2, name_en = $3, description = $4, staff_edited_at = $5 WHERE id = $1",
                                id, name(f.nameVi()), nameEn(f), description(f), now())
                                : c.update("""
                                        UPDATE sections SET name_vi = $2, name_en = $3, description = $4, parent_id = $5, staff_edited_at = $6,
                                            position = (SELECT coalesce(max(position), 0) + 10 FROM sections WHERE parent_id IS NOT DISTINCT FROM $5)
                                        WHERE id = $1""",
                                id, name(f.nameVi()), nameEn(f), description(f), Sql.orNull(f.parentId(), Long.class), now())))
                        .then(audit.record(c, actorId, "section.update", details(id, before.slug(), changed(before, f))))
                        .then(change.pagesOf(tenant)))).then();
    }

    /** Moves a section one place up ({@code -1}) or down ({@code +1}) among its siblings; at either end nothing moves. */
    public Mono<Void> reorder(Tenant tenant, long actorId, long id, int direction) {
        return changes.inTenant(tenant, (c, change) -> existing(c, id)
                .flatMap(section -> c.query("SELECT id FROM sections WHERE parent_id IS NOT DISTINCT FROM $1 AND archived_at IS NULL ORDER BY position, id",
                                r -> r.get(0, Long.class), Sql.orNull(section.parentId(), Long.class)).collectList()
                        .flatMap(siblings -> {
                            int at = siblings.indexOf(id);
                            int to = at + Integer.signum(direction);
                            if (at < 0 || to < 0 || to >= siblings.size()) {
                                return Mono.just(0L);
                            }
                            List<Long> order = new ArrayList<>(siblings);
                            order.set(at, siblings.get(to));
                            order.set(to, id);
                            return Flux.range(0, order.size())
                                    .concatMap(i -> c.update("UPDATE sections SET position = $2, staff_edited_at = $3 WHERE id = $1",
                                            order.get(i), (i + 1) * 10, now()))
                                    .then(audit.record(c, actorId, "section.reorder", details(id, section.slug(),
                                            Map.of("direction", direction < 0 ? "up" : "down"))))
                                    .then(change.pagesOf(tenant));
                        }))).then();
    }

    /**
     * Puts the live siblings of one parent in {@code order} (a dragged list): it must name each of them once, so a
     * list that changed since the page was shown is refused rather than half applied.
     */
    public Mono<Void> arrange(Tenant tenant, long actorId, List<Long> order) {
        if (order.isEmpty()) {
            return Mono.error(new DraftRejected(Map.of("order", "Chưa có thứ tự mới để lưu.")));
        }
        return changes.inTenant(tenant, (c, change) -> existing(c, order.get(0))
                .flatMap(first -> c.query("SELECT id FROM sections WHERE parent_id IS NOT DISTINCT FROM $1 AND archived_at IS NULL ORDER BY position, id",
                                r -> r.get(0, Long.class), Sql.orNull(first.parentId(), Long.class)).collectList()
                        .flatMap(siblings -> {
                            if (siblings.size() != order.size() || !new java.util.HashSet<>(siblings).equals(new java.util.HashSet<>(order))) {
                                return Mono.error(new DraftRejected(Map.of("order",
                                        "Danh sách chuyên mục vừa thay đổi (có người thêm, chuyển hoặc lưu trữ chuyên mục); hãy sắp xếp lại trên trang mới.")));
                            }
                            return Flux.range(0, order.size())
                                    .concatMap(i -> c.update("UPDATE sections SET position = $2, staff_edited_at = $3 WHERE id = $1",
                                            order.get(i), (i + 1) * 10, now()))
                                    .then(audit.record(c, actorId, "section.reorder", details(first.id(), first.slug(),
                                            Map.of("order", order.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))))))
                                    .then(change.pagesOf(tenant));
                        }))).then();
    }

    /** Shows or hides a section (and what is under it) on the public site; its items stay where they are. */
    public Mono<Void> setVisible(Tenant tenant, long actorId, long id, boolean visible) {
        return simpleChange(tenant, actorId, id, visible ? "section.show" : "section.hide",
                "UPDATE sections SET visible = $3, staff_edited_at = $2 WHERE id = $1", visible);
    }

    /** Archives a section: out of the menu, the public lists and the top of the pickers; items keep their addresses. */
    public Mono<Void> archive(Tenant tenant, long actorId, long id) {
        return simpleChange(tenant, actorId, id, "section.archive",
                "UPDATE sections SET archived_at = coalesce(archived_at, $2), staff_edited_at = $2 WHERE id = $1");
    }

    /** Brings an archived section back. */
    public Mono<Void> restore(Tenant tenant, long actorId, long id) {
        return simpleChange(tenant, actorId, id, "section.restore",
                "UPDATE sections SET archived_at = NULL, staff_edited_at = $2 WHERE id = $1");
    }

    /** Deletes a section that has no items and no subsections; otherwise refuses (archive it instead). */
    public Mono<Void> delete(Tenant tenant, long actorId, long id) {
        return changes.inTenant(tenant, (c, change) -> existing(c, id)
                .flatMap(section -> c.one("""
                                SELECT (SELECT count(*) FROM content_items WHERE section_id = $1),
                                       (SELECT count(*) FROM sections WHERE parent_id = $1)""",
                        r -> new long[]{r.get(0, Long.class), r.get(1, Long.class)}, id)
                        .flatMap(used -> used[0] > 0 || used[1] > 0
                                ? Mono.error(new DraftRejected(Map.of("section", "Chuyên mục “" + section.nameVi() + "” còn "
                                + (used[0] > 0 ? used[0] + " tin, bài" : "") + (used[0] > 0 && used[1] > 0 ? " và " : "")
                                + (used[1] > 0 ? used[1] + " chuyên mục con" : "")
                                + " nên không xoá được; hãy lưu trữ chuyên mục để ẩn nó khỏi cổng mà vẫn giữ các tin, bài.")))
                                : c.update("DELETE FROM sections WHERE id = $1", id)
                                .then(audit.record(c, actorId, "section.delete", details(id, section.slug(), Map.of("name", section.nameVi()))))
                                .then(change.pagesOf(tenant))))).then();
    }

    /** Runs {@code sql} with {@code $1} the section's id, {@code $2} now and {@code $3…} the {@code more} values. */
    private Mono<Void> simpleChange(Tenant tenant, long actorId, long id, String action, String sql, Object... more) {
        Object[] params = new Object[2 + more.length];
        params[0] = id;
        params[1] = now();
        System.arraycopy(more, 0, params, 2, more.length);
        return changes.inTenant(tenant, (c, change) -> existing(c, id)
                .flatMap(section -> c.update(sql, params)
                        .then(audit.record(c, actorId, action, details(id, section.slug(), Map.of())))
                        .then(change.pagesOf(tenant)))).then();
    }

    private record Existing(long id, @Nullable Long parentId, String slug, String nameVi, String nameEn, String description) {
    }

    private static Mono<Existing> existing(TenantTx c, long id) {
        return c.one("SELECT id, parent_id, slug, name_vi, name_en, description FROM sections WHERE id = $1",
                        r -> new Existing(r.get(0, Long.class), r.get(1, Long.class), r.get(2, String.class), r.get(3, String.class),
                                r.get(4, String.class), r.get(5, String.class)), id)
                .switchIfEmpty(Mono.error(() -> new SectionNotFound(id)));
    }

    private record ParentCheck(boolean exists, boolean underItself, boolean archived) {
    }

    /** The new parent must exist, not be archived (nor under an archived one), and not be the section itself or one of its descendants. */
    private static Mono<Void> parentProblem(TenantTx c, @Nullable Long id, @Nullable Long parentId) {
        if (parentId == null) {
            return Mono.empty();
        }
        return c.one("""
                        WITH RECURSIVE up AS (
                            SELECT id, parent_id, archived_at FROM sections WHERE id = $1
                            UNION ALL
                            SELECT s.id, s.parent_id, s.archived_at FROM sections s JOIN up ON s.id = up.parent_id)
                        SELECT count(*) > 0, count(*) FILTER (WHERE id = $2) > 0, coalesce(bool_or(archived_at IS NOT NULL), false) FROM up""",
                        r -> new ParentCheck(Boolean.TRUE.equals(r.get(0, Boolean.class)), Boolean.TRUE.equals(r.get(1, Boolean.class)),
                                Boolean.TRUE.equals(r.get(2, Boolean.class))),
                        parentId, id == null ? -1L : id)
                .flatMap(found -> {
                    if (!found.exists()) {
                        return Mono.error(new DraftRejected(Map.of("parentId", "Chuyên mục cha không còn tồn tại.")));
                    }
                    if (found.underItself()) {
                        return Mono.error(new DraftRejected(Map.of("parentId", "Không thể đặt chuyên mục vào chính nó hoặc chuyên mục con của nó.")));
                    }
                    if (found.archived()) {
                        return Mono.error(new DraftRejected(Map.of("parentId", "Chuyên mục cha đã được lưu trữ; hãy khôi phục nó trước.")));
                    }
                    return Mono.empty();
                });
    }

    private static Map<String, String> names(Fields f) {
        Map<String, String> problems = new LinkedHashMap<>();
        String vi = name(f.nameVi());
        if (vi.isEmpty()) {
            problems.put("nameVi", "Tên chuyên mục không được để trống.");
        } else if (vi.length() > MAX_NAME) {
            problems.put("nameVi", "Tên chuyên mục dài quá " + MAX_NAME + " ký tự.");
        }
        if (name(f.nameEn()).length() > MAX_NAME) {
            problems.put("nameEn", "Tên tiếng Anh dài quá " + MAX_NAME + " ký tự.");
        }
        if (description(f).length() > 500) {
            problems.put("description", "Mô tả dài quá 500 ký tự.");
        }
        return problems;
    }

    private static String name(@Nullable String text) {
        return RichText.plain(text == null ? "" : text).strip();
    }

    private static String nameEn(Fields f) {
        String en = name(f.nameEn());
        return en.isEmpty() ? name(f.nameVi()) : en;
    }

    private static String description(Fields f) {
        return name(f.description());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static Map<String, Object> details(long id, String slug, Map<String, ?> more) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("section", id);
        d.put("slug", slug);
        d.putAll(more);
        return d;
    }

    private static Map<String, Object> changed(Existing before, Fields f) {
        Map<String, Object> d = new HashMap<>();
        if (!before.nameVi().equals(name(f.nameVi()))) {
            d.put("nameVi", Map.of("from", before.nameVi(), "to", name(f.nameVi())));
        }
        if (!before.nameEn().equals(nameEn(f))) {
            d.put("nameEn", Map.of("from", before.nameEn(), "to", nameEn(f)));
        }
        if (!java.util.Objects.equals(before.parentId(), f.parentId())) {
            d.put("parent", Map.of("from", String.valueOf(before.parentId()), "to", String.valueOf(f.parentId())));
        }
        return d;
    }
}
