package vn.cong.admin.documents;

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
import vn.cong.content.documents.DocumentStatus;
import vn.cong.content.documents.LegalDocuments;
import vn.cong.tenancy.Tenant;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Editors keep the portal's legal and directive documents (văn bản): list, create, edit, publish
 * through the same path as articles; publishers also keep the list of document types and the rule
 * on required attachments.
 */
@Controller("/quan-tri/van-ban")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class DocumentsController {

    private static final String BASE = "/quan-tri/van-ban";
    private static final String KIND = LegalDocuments.KIND;
    private static final Map<String, String> NOTICES = Map.of(
            "tao", "Đã tạo bản nháp văn bản. Đính kèm tệp rồi đăng lên cổng.", "luu", "Đã lưu.", "dang", "Đã đăng văn bản lên cổng.",
            "cai-dat", "Đã lưu cài đặt.", "loai", "Đã cập nhật danh sách loại văn bản.");

    private final LegalDocuments documents;
    private final Publishing publishing;
    private final KindPages pages;

    DocumentsController(LegalDocuments documents, Publishing publishing, KindPages pages) {
        this.documents = documents;
        this.publishing = publishing;
        this.pages = pages;
    }

    /** A line of the list, ready to show. */
    record Row(long id, String number, String title, String type, String issuer, String issued, String status, String state,
               boolean published, String publicUrl, String updated) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant) {
        return documents.list(tenant).flatMap(rows -> pages.list(request, "documents/list", Map.of("rows", rows.stream()
                .map(r -> new Row(r.id(), r.number(), r.title(), r.typeName(), r.issuer(), r.issuedOn() == null ? "" : r.issuedOn().toString(),
                        r.status().label("vi"), StaffKinds.stateLabel(r.state()), "published".equals(r.state()),
                        publicUrl(r.language(), r.slug()), KindPages.time(r.updatedAt())))
                .toList())));
    }

    @Get(value = "/moi", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> newForm(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return form(request, tenant, me, HttpStatus.OK, null, DocumentForm.empty(), Map.of(), null, null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> create(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body DocumentForm form) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        var fields = form.fields(unreadable);
        return documents.save(tenant, form.draft(null, me.id()), fields, unreadable)
                .map(saved -> KindPages.seeOther(BASE + "/" + saved.id() + "?thongbao=tao"))
                .onErrorResume(DraftRejected.class, e -> form(request, tenant, me, HttpStatus.BAD_REQUEST, null, form, e.problems(), null, null));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> edit(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Nullable @QueryValue String thongbao) {
        return documents.editable(tenant, id)
                .flatMap(d -> form(request, tenant, me, HttpStatus.OK, d, DocumentForm.of(d), Map.of(),
                        thongbao == null ? null : NOTICES.get(thongbao), null))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request, KIND)));
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> update(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body DocumentForm form) {
        return documents.editable(tenant, id).flatMap(d -> {
            if (!StaffKinds.mayChange(me, d.state())) {
                return form(request, tenant, me, HttpStatus.FORBIDDEN, d, form, Map.of(), null, KindPages.PUBLISHED_EDIT_REFUSED);
            }
            Map<String, String> unreadable = new LinkedHashMap<>();
            var fields = form.fields(unreadable);
            return documents.save(tenant, form.draft(id, me.id()), fields, unreadable)
                    .map(saved -> KindPages.seeOther(BASE + "/" + id + "?thongbao=luu"))
                    .onErrorResume(DraftRejected.class, e -> form(request, tenant, me, HttpStatus.BAD_REQUEST, d, form, e.problems(), null, null))
                    .onErrorResume(EditConflict.class, e -> form(request, tenant, me, HttpStatus.CONFLICT, d, form.withVersion(e.currentVersion()),
                            Map.of(), null, KindPages.conflict(e.currentVersion())));
        }).switchIfEmpty(Mono.defer(() -> pages.notFound(request, KIND)));
    }

    @Post(value = "/{id}/dang", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> publish(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return documents.editable(tenant, id).flatMap(d -> {
            if (!me.hasAnyRole(StaffKinds.PUBLISHERS)) {
                return form(request, tenant, me, HttpStatus.FORBIDDEN, d, DocumentForm.of(d), Map.of(), null, KindPages.PUBLISH_REFUSED_ROLE);
            }
            return publishing.publish(tenant, id, me.id())
                    .map(saved -> KindPages.seeOther(BASE + "/" + id + "?thongbao=dang"))
                    .onErrorResume(PublishRefused.class, e -> form(request, tenant, me, HttpStatus.CONFLICT, d, DocumentForm.of(d), Map.of(),
                            null, e.getMessage()));
        }).onErrorResume(ContentNotFound.class, e -> pages.notFound(request, KIND))
                .switchIfEmpty(Mono.defer(() -> pages.notFound(request, KIND)));
    }

    @Get(value = "/cai-dat", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> settings(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String thongbao) {
        return settingsPage(request, tenant, me, HttpStatus.OK, Map.of(), new TypeForm("", "", "", null),
                thongbao == null ? null : NOTICES.get(thongbao));
    }

    @Post(value = "/cai-dat", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> saveSettings(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body SettingsForm form) {
        if (!maySetUp(me)) {
            return settingsPage(request, tenant, me, HttpStatus.FORBIDDEN, Map.of(), new TypeForm("", "", "", null), null);
        }
        return documents.requirePdfAndDoc(tenant, form.requirePdfAndDoc() != null)
                .thenReturn(KindPages.seeOther(BASE + "/cai-dat?thongbao=cai-dat"));
    }

    @Post(value = "/cai-dat/loai", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> saveType(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body TypeForm form) {
        if (!maySetUp(me)) {
            return settingsPage(request, tenant, me, HttpStatus.FORBIDDEN, Map.of(), form, null);
        }
        return documents.saveType(tenant, form.typeCode(), form.typeNameVi(), form.typeNameEn())
                .thenReturn(KindPages.seeOther(BASE + "/cai-dat?thongbao=loai"))
                .onErrorResume(DraftRejected.class, e -> settingsPage(request, tenant, me, HttpStatus.BAD_REQUEST, e.problems(), form, null));
    }

    @Post(value = "/cai-dat/loai/{code}/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> removeType(HttpRequest<?> request, Tenant tenant, StaffAccount me, String code, @Body TokenOnlyForm form) {
        TypeForm blank = new TypeForm("", "", "", null);
        if (!maySetUp(me)) {
            return settingsPage(request, tenant, me, HttpStatus.FORBIDDEN, Map.of(), blank, null);
        }
        return documents.removeType(tenant, code)
                .thenReturn(KindPages.seeOther(BASE + "/cai-dat?thongbao=loai"))
                .onErrorResume(DraftRejected.class, e -> settingsPage(request, tenant, me, HttpStatus.BAD_REQUEST, e.problems(), blank, null));
    }

    /** Publishers and the tenant's administrators set the rules of the portal's documents. */
    private static boolean maySetUp(StaffAccount me) {
        return me.isTenantAdmin() || me.hasAnyRole(StaffKinds.PUBLISHERS);
    }

    private Mono<MutableHttpResponse<String>> settingsPage(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                           Map<String, String> errors, TypeForm form, @Nullable String notice) {
        return Mono.zip(documents.types(tenant), documents.requiresPdfAndDoc(tenant)).flatMap(t -> {
            Map<String, Object> model = new HashMap<>();
            model.put("types", t.getT1());
            model.put("requirePdfAndDoc", t.getT2());
            model.put("errors", errors);
            model.put("typeForm", form);
            model.put("canSetUp", maySetUp(me));
            if (notice != null) {
                model.put("notice", notice);
            }
            if (status == HttpStatus.FORBIDDEN) {
                model.put("alert", "Chỉ biên tập viên, lãnh đạo ban biên tập hoặc quản trị cổng được thay đổi cài đặt văn bản.");
            }
            return pages.page(request, status, "documents/settings", model);
        });
    }

    private Mono<MutableHttpResponse<String>> form(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                   @Nullable LegalDocuments.Editable d, DocumentForm form, Map<String, String> errors,
                                                   @Nullable String notice, @Nullable String alert) {
        return Mono.zip(documents.types(tenant), documents.choices(tenant, d == null ? null : d.id())).flatMap(t -> {
            Map<String, Object> model = new HashMap<>();
            model.put("types", t.getT1().stream().map(x -> new Option(x.code(), x.nameVi())).toList());
            model.put("statuses", List.of(DocumentStatus.values()).stream().map(s -> new Option(s.db(), s.label("vi"))).toList());
            model.put("replacements", t.getT2().stream().map(x -> new Option(String.valueOf(x.id()), x.number() + " – " + x.title())).toList());
            model.put("titleLabel", "Trích yếu (tiêu đề)");
            KindPages.ItemState item = d == null ? null : new KindPages.ItemState(d.id(), d.state(), publicUrl(d.language(), d.slug()));
            return pages.form(request, tenant, me, status, KIND, "documents/form", item, form, errors, notice, alert, model);
        });
    }

    private static String publicUrl(String language, String slug) {
        return ("en".equals(language) ? "/en" : "") + "/van-ban/" + slug;
    }
}
