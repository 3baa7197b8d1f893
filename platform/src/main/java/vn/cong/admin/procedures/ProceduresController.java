package vn.cong.admin.procedures;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.admin.CsrfProtected;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.TokenOnlyForm;
import vn.cong.admin.kinds.KindPages;
import vn.cong.admin.kinds.Option;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.ContentNotFound;
import vn.cong.content.DraftRejected;
import vn.cong.content.EditConflict;
import vn.cong.content.PublishRefused;
import vn.cong.content.Publishing;
import vn.cong.content.procedures.Procedures;
import vn.cong.tenancy.Tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Editors keep the portal's administrative procedures and online public services: level, link, unit, time, fees, documents required. */
@Controller("/quan-tri/thu-tuc")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class ProceduresController {

    private static final String BASE = "/quan-tri/thu-tuc";
    private static final String KIND = Procedures.KIND;
    private static final Map<String, String> NOTICES = Map.of(
            "tao", "Đã tạo bản nháp thủ tục. Đính kèm mẫu đơn, tờ khai (nếu có) rồi đăng lên cổng.", "luu", "Đã lưu.", "dang", "Đã đăng thủ tục lên cổng.");

    private static final List<Option> LEVELS = List.of(new Option("2", "Mức độ 2"), new Option("3", "Mức độ 3"), new Option("4", "Mức độ 4"));

    private final Procedures procedures;
    private final Publishing publishing;
    private final KindPages pages;

    ProceduresController(Procedures procedures, Publishing publishing, KindPages pages) {
        this.procedures = procedures;
        this.publishing = publishing;
        this.pages = pages;
    }

    record Row(long id, String title, int level, String field, String unit, String state, boolean published, String publicUrl) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant) {
        return procedures.list(tenant).flatMap(rows -> pages.list(request, "procedures/list", Map.of("rows", rows.stream()
                .map(c -> new Row(c.id(), c.title(), c.fields().serviceLevel(), c.fields().field(), c.fields().unit(),
                        StaffKinds.stateLabel(c.state()), "published".equals(c.state()), publicUrl(c.language(), c.slug())))
                .toList())));
    }

    @Get(value = "/moi", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> newForm(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return form(request, tenant, me, HttpStatus.OK, null, ProcedureForm.empty(), Map.of(), null, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> create(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body ProcedureForm form) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        var fields = form.fields(unreadable);
        return procedures.save(tenant, form.draft(null, me.id()), fields, unreadable)
                .map(saved -> KindPages.seeOther(BASE + "/" + saved.id() + "?thongbao=tao"))
                .onErrorResume(DraftRejected.class, e -> form(request, tenant, me, HttpStatus.BAD_REQUEST, null, form, e.problems(), null, null));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> edit(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Nullable @QueryValue String thongbao) {
        return procedures.editable(tenant, id)
                .flatMap(c -> form(request, tenant, me, HttpStatus.OK, c, ProcedureForm.of(c), Map.of(),
                        thongbao == null ? null : NOTICES.get(thongbao), null))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request, KIND)));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> update(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body ProcedureForm form) {
        return procedures.editable(tenant, id).flatMap(c -> {
            if (!StaffKinds.mayChange(me, c.state())) {
                return form(request, tenant, me, HttpStatus.FORBIDDEN, c, form, Map.of(), null, KindPages.PUBLISHED_EDIT_REFUSED);
            }
            Map<String, String> unreadable = new LinkedHashMap<>();
            var fields = form.fields(unreadable);
            return procedures.save(tenant, form.draft(id, me.id()), fields, unreadable)
                    .map(saved -> KindPages.seeOther(BASE + "/" + id + "?thongbao=luu"))
                    .onErrorResume(DraftRejected.class, e -> form(request, tenant, me, HttpStatus.BAD_REQUEST, c, form, e.problems(), null, null))
                    .onErrorResume(EditConflict.class, e -> form(request, tenant, me, HttpStatus.CONFLICT, c, form.withVersion(e.currentVersion()),
                            Map.of(), null, KindPages.conflict(e.currentVersion())));
        }).switchIfEmpty(Mono.defer(() -> pages.notFound(request, KIND)));
    }

    @Post(value = "/{id}/dang", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> publish(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return procedures.editable(tenant, id).flatMap(c -> {
            if (!me.hasAnyRole(StaffKinds.PUBLISHERS)) {
                return form(request, tenant, me, HttpStatus.FORBIDDEN, c, ProcedureForm.of(c), Map.of(), null, KindPages.PUBLISH_REFUSED_ROLE);
            }
            return publishing.publish(tenant, id, me.id())
                    .map(saved -> KindPages.seeOther(BASE + "/" + id + "?thongbao=dang"))
                    .onErrorResume(PublishRefused.class, e -> form(request, tenant, me, HttpStatus.CONFLICT, c, ProcedureForm.of(c),
                            Map.of(), null, e.getMessage()));
        }).onErrorResume(ContentNotFound.class, e -> pages.notFound(request, KIND))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request, KIND)));
    }

    private Mono<MutableHttpResponse<String>> form(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                   @Nullable Procedures.Procedure c, ProcedureForm form, Map<String, String> errors,
                                                   @Nullable String notice, @Nullable String alert) {
        KindPages.ItemState item = c == null ? null : new KindPages.ItemState(c.id(), c.state(), publicUrl(c.language(), c.slug()));
        return pages.form(request, tenant, me, status, KIND, "procedures/form", item, form, errors, notice, alert,
                Map.of("titleLabel", "Tên thủ tục", "levels", LEVELS));
    }

    private static String publicUrl(String language, String slug) {
        return ("en".equals(language) ? "/en" : "") + "/thu-tuc/" + slug;
    }
}
