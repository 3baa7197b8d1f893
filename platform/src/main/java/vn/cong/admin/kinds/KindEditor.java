package vn.cong.admin.kinds;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import reactor.core.publisher.Mono;
import vn.cong.admin.StaffAccount;
import vn.cong.content.ContentNotFound;
import vn.cong.content.DraftRejected;
import vn.cong.content.EditConflict;
import vn.cong.content.SavedItem;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.WorkflowConflict;
import vn.cong.workflow.WorkflowRefused;

import java.util.Map;

/**
 * The editing flow every content kind's staff screen shares: new form, create, edit, save (an
 * outdated version is a conflict that keeps the text typed), publish through the workflow
 * ({@link KindPublishing}: the tenant's approval policy and the kind's {@code PublishRule}s decide;
 * a refusal is shown on the form). A kind says how to load, show and save
 * its items in a {@link Kind}; its controller maps the routes onto these methods.
 *
 * @param <F> the kind's form as posted
 * @param <I> the kind's item as loaded for editing
 */
public final class KindEditor<F, I> {

    /** What one kind brings to the shared flow. */
    public interface Kind<F, I> {

        String kind();

        /** The form template under {@code views/admin/}. */
        String template();

        Mono<I> load(Tenant tenant, long id);

        KindPages.ItemState summary(I item);

        F formOf(I item);

        F withVersion(F form, int version);

        Mono<SavedItem> save(Tenant tenant, @Nullable Long id, F form, long actorId);

        /** The form's choices (drop-downs) and labels; {@code item} null on the create form. */
        Mono<Map<String, Object>> model(Tenant tenant, @Nullable I item);
    }

    private static final Map<String, String> NOTICES = Map.of(
            "tao", "Đã tạo bản nháp. Đính kèm tệp (nếu cần) rồi đăng lên cổng.", "luu", "Đã lưu.", "dang", "Đã đăng lên cổng.");

    private final Kind<F, I> kind;
    private final KindPublishing publishing;
    private final KindPages pages;
    private final String base;

    public KindEditor(Kind<F, I> kind, KindPublishing publishing, KindPages pages) {
        this.kind = kind;
        this.publishing = publishing;
        this.pages = pages;
        this.base = StaffKinds.listUrl(kind.kind());
    }

    public Mono<MutableHttpResponse<String>> newForm(HttpRequest<?> request, Tenant tenant, StaffAccount me, F empty) {
        return form(request, tenant, me, HttpStatus.OK, null, empty, Map.of(), null, null);
    }

    public Mono<MutableHttpResponse<String>> create(HttpRequest<?> request, Tenant tenant, StaffAccount me, F form) {
        return kind.save(tenant, null, form, me.id())
                .map(saved -> KindPages.seeOther(base + "/" + saved.id() + "?thongbao=tao"))
                .onErrorResume(DraftRejected.class, e -> form(request, tenant, me, HttpStatus.BAD_REQUEST, null, form, e.problems(), null, null));
    }

    public Mono<MutableHttpResponse<String>> edit(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Nullable String notice) {
        return kind.load(tenant, id)
                .flatMap(item -> form(request, tenant, me, HttpStatus.OK, item, kind.formOf(item), Map.of(),
                        notice == null ? null : NOTICES.get(notice), null))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request, kind.kind())));
    }

    public Mono<MutableHttpResponse<String>> update(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, F form) {
        return kind.load(tenant, id).flatMap(item -> {
            String state = kind.summary(item).state();
            if (!StaffKinds.mayChange(me, state)) {
                return form(request, tenant, me, HttpStatus.FORBIDDEN, item, form, Map.of(), null,
                        StaffKinds.refusal(state, KindPages.PUBLISHED_EDIT_REFUSED));
            }
            return kind.save(tenant, id, form, me.id())
                    .map(saved -> KindPages.seeOther(base + "/" + id + "?thongbao=luu"))
                    .onErrorResume(DraftRejected.class, e -> form(request, tenant, me, HttpStatus.BAD_REQUEST, item, form, e.problems(), null, null))
                    .onErrorResume(EditConflict.class, e -> form(request, tenant, me, HttpStatus.CONFLICT, item,
                            kind.withVersion(form, e.currentVersion()), Map.of(), null, KindPages.conflict(e.currentVersion())));
        }).switchIfEmpty(Mono.defer(() -> pages.notFound(request, kind.kind())));
    }

    public Mono<MutableHttpResponse<String>> publish(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id) {
        return kind.load(tenant, id).flatMap(item -> {
            if (!me.hasAnyRole(StaffKinds.PUBLISHERS)) {
                return form(request, tenant, me, HttpStatus.FORBIDDEN, item, kind.formOf(item), Map.of(), null, KindPages.PUBLISH_REFUSED_ROLE);
            }
            return publishing.publish(tenant, id, me)
                    .map(saved -> KindPages.seeOther(base + "/" + id + "?thongbao=dang"))
                    // not in a state (or not approved) to go online, a kind's condition unmet, or changed meanwhile
                    .onErrorResume(e -> e instanceof WorkflowRefused || e instanceof WorkflowConflict,
                            e -> form(request, tenant, me, HttpStatus.CONFLICT, item, kind.formOf(item), Map.of(), null, e.getMessage()));
        }).onErrorResume(ContentNotFound.class, e -> pages.notFound(request, kind.kind()))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request, kind.kind())));
    }

    private Mono<MutableHttpResponse<String>> form(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                   @Nullable I item, F form, Map<String, String> errors,
                                                   @Nullable String notice, @Nullable String alert) {
        KindPages.ItemState shown = item == null ? null : kind.summary(item);
        return kind.model(tenant, item).flatMap(model -> pages.form(request, tenant, me, status, kind.kind(), kind.template(), shown,
                form, errors, notice, alert, model));
    }
}
