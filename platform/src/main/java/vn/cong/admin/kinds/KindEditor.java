package vn.cong.admin.kinds;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.admin.StaffAccount;
import vn.cong.content.ContentNotFound;
import vn.cong.content.DraftRejected;
import vn.cong.content.EditConflict;
import vn.cong.content.kinds.ContentKind;
import vn.cong.content.kinds.KindDeclaration;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.WorkflowConflict;
import vn.cong.workflow.WorkflowRefused;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The editing flow every content kind's staff screens share, drawn from the kind's declaration: list,
 * new form, create, edit, save (an outdated version is a conflict that keeps the text typed), publish
 * through the workflow ({@link KindPublishing}: the tenant's approval policy and the kind's
 * {@code PublishRule}s decide; a refusal is shown on the form).
 */
@Singleton
public class KindEditor {

    private static final Map<String, String> NOTICES = Map.of(
            "tao", "Đã tạo bản nháp. Đính kèm tệp (nếu cần) rồi đăng lên cổng.", "luu", "Đã lưu.", "dang", "Đã đăng lên cổng.");

    private final KindPublishing publishing;
    private final KindPages pages;

    KindEditor(KindPublishing publishing, KindPages pages) {
        this.publishing = publishing;
        this.pages = pages;
    }

    /** A line of the staff list, ready to show. */
    public record Row(long id, String first, java.util.List<String> cells, String state, boolean published, String publicUrl) {
    }

    public Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, ContentKind<Object> kind) {
        KindDeclaration d = kind.declaration();
        return kind.rows(tenant).flatMap(rows -> pages.list(request, "kinds/list", Map.of("kind", d, "rows", rows.stream()
                .map(r -> new Row(r.id(), r.first(), r.cells(), StaffKinds.stateLabel(r.state()), "published".equals(r.state()),
                        d.publicUrl(r.language(), r.slug())))
                .toList())));
    }

    public Mono<MutableHttpResponse<String>> newForm(HttpRequest<?> request, Tenant tenant, StaffAccount me, ContentKind<Object> kind) {
        Map<String, String> blank = new LinkedHashMap<>();
        kind.declaration().form().forEach(f -> blank.put(f.name(), f.initial()));
        blank.put("version", "0");
        return form(request, tenant, me, kind, HttpStatus.OK, null, blank, Map.of(), null, null);
    }

    public Mono<MutableHttpResponse<String>> create(HttpRequest<?> request, Tenant tenant, StaffAccount me, ContentKind<Object> kind,
                                                    Map<String, String> values) {
        return kind.save(tenant, null, values, me.id())
                .map(saved -> KindPages.seeOther(kind.declaration().staffPath() + "/" + saved.id() + "?thongbao=tao"))
                .onErrorResume(DraftRejected.class, e -> form(request, tenant, me, kind, HttpStatus.BAD_REQUEST, null, values, e.problems(), null, null));
    }

    public Mono<MutableHttpResponse<String>> edit(HttpRequest<?> request, Tenant tenant, StaffAccount me, ContentKind<Object> kind, long id,
                                                  @Nullable String notice) {
        return kind.editable(tenant, id)
                .flatMap(item -> form(request, tenant, me, kind, HttpStatus.OK, item, kind.values(item), Map.of(),
                        notice == null ? null : NOTICES.get(notice), null))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request, kind.declaration().kind())));
    }

    public Mono<MutableHttpResponse<String>> update(HttpRequest<?> request, Tenant tenant, StaffAccount me, ContentKind<Object> kind, long id,
                                                    Map<String, String> values) {
        String base = kind.declaration().staffPath();
        return kind.editable(tenant, id).flatMap(item -> {
            String state = kind.summary(item).state();
            if (!StaffKinds.mayChange(me, state)) {
                return form(request, tenant, me, kind, HttpStatus.FORBIDDEN, item, values, Map.of(), null,
                        StaffKinds.refusal(state, KindPages.PUBLISHED_EDIT_REFUSED));
            }
            return kind.save(tenant, id, values, me.id())
                    .map(saved -> KindPages.seeOther(base + "/" + id + "?thongbao=luu"))
                    .onErrorResume(DraftRejected.class, e -> form(request, tenant, me, kind, HttpStatus.BAD_REQUEST, item, values, e.problems(), null, null))
                    .onErrorResume(EditConflict.class, e -> form(request, tenant, me, kind, HttpStatus.CONFLICT, item,
                            withVersion(values, e.currentVersion()), Map.of(), null, KindPages.conflict(e.currentVersion())));
        }).switchIfEmpty(Mono.defer(() -> pages.notFound(request, kind.declaration().kind())));
    }

    public Mono<MutableHttpResponse<String>> publish(HttpRequest<?> request, Tenant tenant, StaffAccount me, ContentKind<Object> kind, long id) {
        String base = kind.declaration().staffPath();
        return kind.editable(tenant, id).flatMap(item -> {
            if (!me.hasAnyRole(StaffKinds.PUBLISHERS)) {
                return form(request, tenant, me, kind, HttpStatus.FORBIDDEN, item, kind.values(item), Map.of(), null, KindPages.PUBLISH_REFUSED_ROLE);
            }
            return publishing.publish(tenant, id, me)
                    .map(saved -> KindPages.seeOther(base + "/" + id + "?thongbao=dang"))
                    // not in a state (or not approved) to go online, a kind's condition unmet, or changed meanwhile
                    .onErrorResume(e -> e instanceof WorkflowRefused || e instanceof WorkflowConflict,
                            e -> form(request, tenant, me, kind, HttpStatus.CONFLICT, item, kind.values(item), Map.of(), null, e.getMessage()));
        }).onErrorResume(ContentNotFound.class, e -> pages.notFound(request, kind.declaration().kind()))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request, kind.declaration().kind())));
    }

    /** The page that refuses someone whose roles do not open the kind (its declared menu roles). */
    public Mono<MutableHttpResponse<String>> refused(HttpRequest<?> request, ContentKind<Object> kind) {
        KindDeclaration d = kind.declaration();
        return pages.page(request, HttpStatus.FORBIDDEN, "error", Map.of("title", "Không có quyền truy cập",
                "message", "Vai trò của bạn không được làm việc với mục «" + d.name() + "».", "linkHref", "/quan-tri", "linkText", "Về trang chủ quản trị"));
    }

    /** What was typed, with the version of the item as it now is: saving again overwrites it. */
    private static Map<String, String> withVersion(Map<String, String> values, int version) {
        Map<String, String> v = new HashMap<>(values);
        v.put("version", String.valueOf(version));
        return v;
    }

    private Mono<MutableHttpResponse<String>> form(HttpRequest<?> request, Tenant tenant, StaffAccount me, ContentKind<Object> kind,
                                                   HttpStatus status, @Nullable Object item, Map<String, String> values,
                                                   Map<String, String> errors, @Nullable String notice, @Nullable String alert) {
        KindDeclaration d = kind.declaration();
        ContentKind.Edited shown = item == null ? null : kind.summary(item);
        KindPages.ItemState state = shown == null ? null : new KindPages.ItemState(shown.id(), shown.state(), d.publicUrl(shown.language(), shown.slug()));
        return kind.choices(tenant, shown == null ? null : shown.id()).flatMap(choices -> {
            Map<String, Object> model = new HashMap<>();
            model.put("kind", d);
            model.put("choices", choices);
            model.put("heading", String.join(" – ", d.heading().stream().map(f -> values.getOrDefault(f, "")).toList()));
            return pages.form(request, tenant, me, status, d.kind(), "kinds/form", state, values, errors, notice, alert, model);
        });
    }
}
