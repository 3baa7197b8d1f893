package vn.cong.themes;

import io.micronaut.core.type.Argument;
import vn.cong.tenancy.TenantTx;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AuditLog;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.PublicChanges;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's look as versions: a tenant admin drafts and submits, the tenant's head approves (the
 * version goes live at once) or returns it with a note; a tenant admin may make any earlier approved
 * version live again. Each step is guarded by the version's state in its UPDATE, written to the
 * audit log in the same transaction, and going live moves the content version so every node's
 * cached pages refresh.
 */
@Singleton
public class ThemeVersions {

    private final TenantDatabase db;
    private final ThemeVersionRepository rows;
    private final PublicChanges changes;
    private final Themes themes;
    private final AuditLog audit;
    private final JsonMapper json;

    ThemeVersions(TenantDatabase db, ThemeVersionRepository rows, PublicChanges changes, Themes themes, AuditLog audit, JsonMapper json) {
        this.db = db;
        this.rows = rows;
        this.changes = changes;
        this.themes = themes;
        this.audit = audit;
        this.json = json;
    }

    /** Every version of the tenant, newest first. */
    public Mono<List<ThemeVersion>> list(Tenant tenant) {
        return db.flux(tenant, tx -> rows.all(tx).map(this::version)).collectList();
    }

    public Mono<Optional<ThemeVersion>> find(Tenant tenant, long id) {
        return db.mono(tenant, c -> find(c, id)).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** The live version's selection, inside the caller's transaction in the tenant's schema; empty when none went live yet. */
    public Mono<ThemeSelection> live(TenantTx c) {
        return rows.live(c).map(r -> new ThemeSelection(r.theme(), values(r.themeValues()), menu(r.menu())));
    }

    /**
     * The version being worked on: the open one if there is one, else a new draft starting from
     * {@code base} (what is live now).
     */
    public Mono<ThemeVersion> openDraft(Tenant tenant, long actorId, ThemeSelection base) {
        return db.mono(tenant, c -> openId(c)
                .switchIfEmpty(Mono.defer(() -> c.one("""
                                INSERT INTO theme_versions (number, theme, theme_values, menu, state, created_by, updated_by)
                                SELECT coalesce(max(number), 0) + 1, $1, $2::jsonb, $3::jsonb, 'draft', $4, $4 FROM theme_versions
                                ON CONFLICT DO NOTHING RETURNING id""", r -> r.get(0, Long.class),
                        base.theme(), write(base.values()), write(menuJson(base.menu())), actorId)
                        .flatMap(id -> audit.record(c, actorId, "theme.draft", Map.of("version", id, "theme", base.theme())).thenReturn(id))))
                // another admin opened one at the same moment: theirs is the version being worked on
                .switchIfEmpty(Mono.defer(() -> openId(c)))
                .flatMap(id -> find(c, id)));
    }

    private static Mono<Long> openId(TenantTx c) {
        return c.one("SELECT id FROM theme_versions WHERE state IN ('draft', 'submitted', 'returned')", r -> r.get(0, Long.class));
    }

    /** Saves a draft's selection after checking every value; refused when the form is stale or the version no longer editable. */
    public Mono<ThemeVersion> save(Tenant tenant, long id, int expectedLock, ThemeSelection wanted, long actorId) {
        if (!themes.exists(wanted.theme())) {
            return Mono.error(new ThemeChangeRefused("Giao diện «" + wanted.theme() + "» không có trên hệ thống.", Map.of("theme", "Hãy chọn một giao diện trong danh sách.")));
        }
        for (MenuEntry link : wanted.menu().stream().filter(MenuEntry::isLink).toList()) {
            if (!MenuEntry.acceptableUrl(link.url()) || link.label("vi").isBlank() || link.label("vi").length() > 60) {
                return Mono.error(new ThemeChangeRefused("Chưa lưu: có liên kết trên trình đơn chưa hợp lệ.", Map.of("menu",
                        "Liên kết «" + link.label("vi") + "» cần tên (tối đa 60 ký tự) và địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, ví dụ https://chinhphu.vn.")));
            }
        }
        ThemeCheck.Result checked = ThemeCheck.check(themes.get(wanted.theme()), wanted.values());
        if (!checked.isValid()) {
            return Mono.error(new ThemeChangeRefused("Chưa lưu: có giá trị chưa hợp lệ, xem các ô được đánh dấu.", checked.errors()));
        }
        return db.mono(tenant, c -> c.one("""
                                UPDATE theme_versions SET theme = $3, theme_values = $4::jsonb, menu = $5::jsonb, state = 'draft',
                                    lock_version = lock_version + 1, updated_by = $6, updated_at = now()
                                WHERE id = $1 AND lock_version = $2 AND state IN ('draft', 'returned') RETURNING id""",
                        r -> r.get(0, Long.class), id, expectedLock, wanted.theme(), write(checked.values()),
                        write(menuJson(wanted.menu())), actorId)
                .switchIfEmpty(Mono.defer(() -> refusal(c, id, "Phiên bản này vừa được người khác lưu hoặc đã gửi duyệt; hãy mở lại trang.")))
                .flatMap(x -> audit.record(c, actorId, "theme.save", Map.of("version", id, "theme", wanted.theme())))
                .then(find(c, id)));
    }

    /** Puts an uploaded image (already stored) into one image variable of an editable version. */
    public Mono<ThemeVersion> setImage(Tenant tenant, long id, String variable, String url, long actorId) {
        return db.mono(tenant, c -> c.one("""
                                UPDATE theme_versions SET theme_values = jsonb_set(theme_values, ARRAY[$2], to_jsonb($3::text)),
                                    lock_version = lock_version + 1, updated_by = $4, updated_at = now()
                                WHERE id = $1 AND state IN ('draft', 'returned') RETURNING id""",
                        r -> r.get(0, Long.class), id, variable, url, actorId)
                .switchIfEmpty(Mono.defer(() -> refusal(c, id, "Phiên bản này đã gửi duyệt nên không đổi ảnh được nữa.")))
                .flatMap(x -> audit.record(c, actorId, "theme.image", Map.of("version", id, "variable", variable, "url", url)))
                .then(find(c, id)));
    }

    public Mono<ThemeVersion> submit(Tenant tenant, long id, long actorId) {
        return db.mono(tenant, c -> find(c, id)
                .switchIfEmpty(Mono.error(() -> new ThemeChangeRefused("Không tìm thấy phiên bản giao diện.")))
                .flatMap(v -> {
                    ThemeCheck.Result checked = ThemeCheck.check(themes.get(v.selection().theme()), v.selection().values());
                    if (!checked.isValid()) {
                        return Mono.error(new ThemeChangeRefused("Chưa gửi duyệt được: có giá trị chưa hợp lệ.", checked.errors()));
                    }
                    return transition(c, id, "state IN ('draft', 'returned')",
                            "state = 'submitted', submitted_by = $2, submitted_at = now(), decided_by = NULL, decided_at = NULL",
                            actorId, "Phiên bản này không ở trạng thái nháp nên không gửi duyệt được.", "theme.submit", null);
                }));
    }

    /** The head approves: the version goes live and the previously live one steps down, in one transaction. */
    public Mono<ThemeVersion> approve(Tenant tenant, long id, long actorId, String note) {
        return changes.inTenant(tenant, (c, change) -> find(c, id)
                        .switchIfEmpty(Mono.error(() -> new ThemeChangeRefused("Không tìm thấy phiên bản giao diện.")))
                        .flatMap(v -> {
                            if (v.submittedById() != null && v.submittedById() == actorId) {
                                return Mono.error(new ThemeChangeRefused("Người gửi duyệt không tự duyệt phiên bản của mình."));
                            }
                            // a refused transition below fails the transaction, which brings the old live version back
                            return c.update("UPDATE theme_versions SET live = false WHERE live")
                                    .then(transition(c, id, "state = 'submitted'",
                                            "state = 'approved', live = true, live_since = now(), decided_by = $2, decided_at = now(), decision_note = $3",
                                            actorId, "Phiên bản này không còn chờ duyệt (có thể người khác vừa duyệt hoặc trả lại).",
                                            "theme.approve", note));
                        })
                        .flatMap(v -> change.pagesOf(tenant).thenReturn(v)));
    }

    public Mono<ThemeVersion> returnForRevision(Tenant tenant, long id, long actorId, String note) {
        if (note == null || note.isBlank()) {
            return Mono.error(new ThemeChangeRefused("Hãy ghi rõ lý do trả lại để người soạn biết cần sửa gì.", Map.of("note", "Vui lòng nhập lý do.")));
        }
        return db.mono(tenant, c -> transition(c, id, "state = 'submitted'",
                "state = 'returned', decided_by = $2, decided_at = now(), decision_note = $3",
                actorId, "Phiên bản này không còn chờ duyệt (có thể người khác vừa duyệt hoặc trả lại).", "theme.return", note.strip()));
    }

    /** Makes an earlier approved version live again; it was approved once, so no new approval is needed. */
    public Mono<ThemeVersion> rollBack(Tenant tenant, long id, long actorId) {
        return changes.inTenant(tenant, (c, change) -> c.one("SELECT id FROM theme_versions WHERE id = $1 AND state = 'approved' AND NOT live",
                                r -> r.get(0, Long.class), id)
                        .switchIfEmpty(Mono.defer(() -> refusal(c, id, "Chỉ khôi phục được một phiên bản đã duyệt và đang không dùng.")))
                        .flatMap(x -> c.update("UPDATE theme_versions SET live = false WHERE live"))
                        .then(c.update("UPDATE theme_versions SET live = true, live_since = now() WHERE id = $1", id))
                        .then(audit.record(c, actorId, "theme.rollback", Map.of("version", id)))
                        .then(change.pagesOf(tenant))
                        .then(find(c, id)));
    }

    private Mono<ThemeVersion> transition(TenantTx c, long id, String guard, String set, long actorId, String refused,
                                          String action, String note) {
        String sql = "UPDATE theme_versions SET " + set + ", lock_version = lock_version + 1 WHERE id = $1 AND " + guard + " RETURNING id";
        Object[] params = note == null ? new Object[]{id, actorId} : new Object[]{id, actorId, note};
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", id);
        if (note != null && !note.isEmpty()) {
            details.put("note", note);
        }
        return c.one(sql, r -> r.get(0, Long.class), params)
                .switchIfEmpty(Mono.defer(() -> refusal(c, id, refused)))
                .flatMap(x -> audit.record(c, actorId, action, details))
                .then(find(c, id));
    }

    private <T> Mono<T> refusal(TenantTx c, long id, String message) {
        return c.one("SELECT id FROM theme_versions WHERE id = $1", r -> r.get(0, Long.class), id)
                .flatMap(x -> Mono.<T>error(new ThemeChangeRefused(message)))
                .switchIfEmpty(Mono.error(() -> new ThemeChangeRefused("Không tìm thấy phiên bản giao diện.")));
    }

    private Mono<ThemeVersion> find(TenantTx c, long id) {
        return rows.byId(id, c).map(this::version);
    }

    private ThemeVersion version(ThemeVersionRow r) {
        return new ThemeVersion(r.id(), r.number(), new ThemeSelection(r.theme(), values(r.themeValues()), menu(r.menu())),
                ThemeVersion.State.of(r.state()), r.live(), r.lockVersion(), r.createdName(), r.createdAt(),
                r.submittedBy(), r.submittedName(), r.submittedAt(), r.decidedName(), r.decidedAt(), r.decisionNote(), r.liveSince());
    }

    private Map<String, String> values(String text) {
        try {
            Map<String, Object> raw = json.readValue(text, Argument.mapOf(String.class, Object.class));
            Map<String, String> values = new LinkedHashMap<>();
            raw.forEach((k, v) -> values.put(k, v == null ? "" : String.valueOf(v)));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<MenuEntry> menu(String text) {
        try {
            List<Map<String, Object>> raw = json.readValue(text, Argument.listOf(Argument.mapOf(String.class, Object.class)));
            List<MenuEntry> menu = new ArrayList<>();
            for (Map<String, Object> e : raw) {
                boolean shown = !Boolean.FALSE.equals(e.get("shown"));
                if (e.get("section") instanceof Number section) {
                    menu.add(new MenuEntry(section.longValue(), shown));
                } else if (e.get("registry") instanceof String registry) {
                    menu.add(MenuEntry.registry(registry, shown));
                } else if (e.get("url") instanceof String url) {
                    menu.add(MenuEntry.link(url, String.valueOf(e.getOrDefault("labelVi", "")), String.valueOf(e.getOrDefault("labelEn", "")), shown));
                }
            }
            return menu;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> menuJson(List<MenuEntry> menu) {
        return menu.stream().map(e -> e.isSection() ? Map.<String, Object>of("section", e.sectionId(), "shown", e.shown())
                : e.isRegistry() ? Map.<String, Object>of("registry", e.registry(), "shown", e.shown())
                : Map.<String, Object>of("url", e.url(), "labelVi", e.labelVi() == null ? "" : e.labelVi(),
                        "labelEn", e.labelEn() == null ? "" : e.labelEn(), "shown", e.shown())).toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
