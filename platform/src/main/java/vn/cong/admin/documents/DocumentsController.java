package vn.cong.admin.documents;

import vn.cong.admin.StaffMenu;
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
import vn.cong.admin.StaffAccount;
import vn.cong.admin.kinds.KindEditor;
import vn.cong.admin.kinds.KindPages;
import vn.cong.admin.kinds.KindPublishing;
import vn.cong.admin.kinds.Option;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.DraftRejected;
import vn.cong.content.SavedItem;
import vn.cong.content.documents.DocumentStatus;
import vn.cong.content.documents.LegalDocuments.Editable;
import vn.cong.content.documents.LegalDocuments;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

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
@StaffMenu(group = StaffMenu.Group.CONTENT, order = 20, label = "Văn bản")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class DocumentsController {

    private static final String BASE = "/quan-tri/van-ban";
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String KIND = LegalDocuments.KIND;
    private static final Map<String, String> NOTICES = Map.of(
            "cai-dat", "Đã lưu cài đặt.", "loai", "Đã cập nhật danh sách loại văn bản.");

    private final LegalDocuments documents;
    private final KindPages pages;
    private final KindEditor<DocumentForm, Editable> editor;

    DocumentsController(LegalDocuments documents, KindPublishing publishing, KindPages pages) {
        this.documents = documents;
        this.pages = pages;
        this.editor = new KindEditor<>(new Editing(documents), publishing, pages);
    }

    /** A line of the list, ready to show. */
    record Row(long id, String number, String title, String type, String issuer, String issued, String status, String state,
               boolean published, String publicUrl, String updated, String keptUntil) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant) {
        return documents.list(tenant).flatMap(rows -> pages.list(request, "documents/list", Map.of("rows", rows.stream()
                .map(r -> new Row(r.id(), r.number(), r.title(), r.typeName(), r.issuer(), r.issuedOn() == null ? "" : r.issuedOn().toString(),
                        r.status().label("vi"), StaffKinds.stateLabel(r.state()), "published".equals(r.state()),
                        publicUrl(r.language(), r.slug()), KindPages.time(r.updatedAt()),
                        r.keptUntil() == null ? "" : r.keptUntil().format(DAY)))
                .toList())));
    }

    @Get(value = "/moi", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> newForm(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return editor.newForm(request, tenant, me, DocumentForm.empty());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> create(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body DocumentForm form) {
        return editor.create(request, tenant, me, form);
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> edit(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Nullable @QueryValue String thongbao) {
        return editor.edit(request, tenant, me, id, thongbao);
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> update(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body DocumentForm form) {
        return editor.update(request, tenant, me, id, form);
    }

    @Post(value = "/{id}/dang", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> publish(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return editor.publish(request, tenant, me, id);
    }

    @Get(value = "/cai-dat", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> settings(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String thongbao) {
        return settingsPage(request, tenant, me, HttpStatus.OK, Map.of(), new TypeForm("", "", "", null),
                thongbao == null ? null : NOTICES.get(thongbao), null);
    }

    @Post(value = "/cai-dat", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> saveSettings(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body SettingsForm form) {
        if (!maySetUp(me)) {
            return settingsPage(request, tenant, me, HttpStatus.FORBIDDEN, Map.of(), new TypeForm("", "", "", null), null, null);
        }
        return documents.saveSettings(tenant, new LegalDocuments.Settings(form.requirePdfAndDoc() != null, form.months()))
                .thenReturn(KindPages.seeOther(BASE + "/cai-dat?thongbao=cai-dat"))
                .onErrorResume(DraftRejected.class, e -> settingsPage(request, tenant, me, HttpStatus.BAD_REQUEST, e.problems(),
                        new TypeForm("", "", "", null), null, form.expiredKeptMonths()));
    }

    @Post(value = "/cai-dat/loai", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> saveType(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body TypeForm form) {
        if (!maySetUp(me)) {
            return settingsPage(request, tenant, me, HttpStatus.FORBIDDEN, Map.of(), form, null, null);
        }
        return documents.saveType(tenant, form.typeCode(), form.typeNameVi(), form.typeNameEn())
                .thenReturn(KindPages.seeOther(BASE + "/cai-dat?thongbao=loai"))
                .onErrorResume(DraftRejected.class, e -> settingsPage(request, tenant, me, HttpStatus.BAD_REQUEST, e.problems(), form, null, null));
    }

    @Post(value = "/cai-dat/loai/{code}/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> removeType(HttpRequest<?> request, Tenant tenant, StaffAccount me, String code, @Body TokenOnlyForm form) {
        TypeForm blank = new TypeForm("", "", "", null);
        if (!maySetUp(me)) {
            return settingsPage(request, tenant, me, HttpStatus.FORBIDDEN, Map.of(), blank, null, null);
        }
        return documents.removeType(tenant, code)
                .thenReturn(KindPages.seeOther(BASE + "/cai-dat?thongbao=loai"))
                .onErrorResume(DraftRejected.class, e -> settingsPage(request, tenant, me, HttpStatus.BAD_REQUEST, e.problems(), blank, null, null));
    }

    /** Publishers and the tenant's administrators set the rules of the portal's documents. */
    private static boolean maySetUp(StaffAccount me) {
        return me.isTenantAdmin() || me.hasAnyRole(StaffKinds.PUBLISHERS);
    }

    private Mono<MutableHttpResponse<String>> settingsPage(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                           Map<String, String> errors, TypeForm form, @Nullable String notice,
                                                           @Nullable String monthsTyped) {
        return Mono.zip(documents.types(tenant), documents.settings(tenant)).flatMap(t -> {
            Map<String, Object> model = new HashMap<>();
            model.put("types", t.getT1());
            model.put("requirePdfAndDoc", t.getT2().requirePdfAndDoc());
            model.put("expiredKeptMonths", monthsTyped != null ? monthsTyped : String.valueOf(t.getT2().expiredKeptMonths()));
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

    /**
     * How the shared editing flow loads, shows and saves this kind. A plain object, not the
     * controller itself: the controller is a CSRF-intercepted proxy whose methods may not be called
     * while it is being built, nor checked for a token when the flow calls them.
     */
    private record Editing(LegalDocuments documents) implements KindEditor.Kind<DocumentForm, Editable> {

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String template() {
            return "documents/form";
        }

        @Override
        public Mono<Editable> load(Tenant tenant, long id) {
            return documents.editable(tenant, id);
        }

        @Override
        public KindPages.ItemState summary(Editable d) {
            return new KindPages.ItemState(d.id(), d.state(), publicUrl(d.language(), d.slug()));
        }

        @Override
        public DocumentForm formOf(Editable d) {
            return DocumentForm.of(d);
        }

        @Override
        public DocumentForm withVersion(DocumentForm form, int version) {
            return form.withVersion(version);
        }

        @Override
        public Mono<SavedItem> save(Tenant tenant, @Nullable Long id, DocumentForm form, long actorId) {
            Map<String, String> unreadable = new LinkedHashMap<>();
            var fields = form.fields(unreadable);
            return documents.save(tenant, form.draft(id, actorId), fields, unreadable);
        }

        @Override
        public Mono<Map<String, Object>> model(Tenant tenant, @Nullable Editable d) {
            return Mono.zip(documents.types(tenant), documents.choices(tenant, d == null ? null : d.id())).map(t -> Map.of(
                    "types", t.getT1().stream().map(x -> new Option(x.code(), x.nameVi())).toList(),
                    "statuses", List.of(DocumentStatus.values()).stream().map(s -> new Option(s.db(), s.label("vi"))).toList(),
                    "replacements", t.getT2().stream().map(x -> new Option(String.valueOf(x.id()), x.number() + " – " + x.title())).toList(),
                    "titleLabel", "Trích yếu (tiêu đề)"));
        }
    }

    private static String publicUrl(String language, String slug) {
        return ("en".equals(language) ? "/en" : "") + "/van-ban/" + slug;
    }
}
