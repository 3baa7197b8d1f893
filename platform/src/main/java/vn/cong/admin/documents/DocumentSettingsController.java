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
import vn.cong.admin.StaffAccount;
import vn.cong.admin.kinds.KindPages;
import vn.cong.admin.kinds.StaffKinds;
import vn.cong.content.DraftRejected;
import vn.cong.content.documents.LegalDocuments;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.util.HashMap;
import java.util.Map;

/**
 * The tenant's rules on legal documents, next to the document kind's screens: the list of document
 * types, whether a document needs its .pdf and .doc/.docx to go online, and how long expired ones stay.
 * Publishers and the tenant's administrators change them; everyone on the staff sees them.
 */
@Controller("/quan-tri/van-ban/cai-dat")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class DocumentSettingsController {

    private static final String SETTINGS = "/quan-tri/van-ban/cai-dat";
    private static final Map<String, String> NOTICES = Map.of(
            "cai-dat", "Đã lưu cài đặt.", "loai", "Đã cập nhật danh sách loại văn bản.");

    private final LegalDocuments documents;
    private final KindPages pages;

    DocumentSettingsController(LegalDocuments documents, KindPages pages) {
        this.documents = documents;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> settings(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String thongbao) {
        return settingsPage(request, tenant, me, HttpStatus.OK, Map.of(), new TypeForm("", "", "", null),
                thongbao == null ? null : NOTICES.get(thongbao), null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> saveSettings(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body SettingsForm form) {
        if (!maySetUp(me)) {
            return settingsPage(request, tenant, me, HttpStatus.FORBIDDEN, Map.of(), new TypeForm("", "", "", null), null, null);
        }
        return documents.saveSettings(tenant, new LegalDocuments.Settings(form.requirePdfAndDoc() != null, form.months()))
                .thenReturn(KindPages.seeOther(SETTINGS + "?thongbao=cai-dat"))
                .onErrorResume(DraftRejected.class, e -> settingsPage(request, tenant, me, HttpStatus.BAD_REQUEST, e.problems(),
                        new TypeForm("", "", "", null), null, form.expiredKeptMonths()));
    }

    @Post(value = "/loai", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> saveType(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body TypeForm form) {
        if (!maySetUp(me)) {
            return settingsPage(request, tenant, me, HttpStatus.FORBIDDEN, Map.of(), form, null, null);
        }
        return documents.saveType(tenant, form.typeCode(), form.typeNameVi(), form.typeNameEn())
                .thenReturn(KindPages.seeOther(SETTINGS + "?thongbao=loai"))
                .onErrorResume(DraftRejected.class, e -> settingsPage(request, tenant, me, HttpStatus.BAD_REQUEST, e.problems(), form, null, null));
    }

    @Post(value = "/loai/{code}/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> removeType(HttpRequest<?> request, Tenant tenant, StaffAccount me, String code, @Body TokenOnlyForm form) {
        TypeForm blank = new TypeForm("", "", "", null);
        if (!maySetUp(me)) {
            return settingsPage(request, tenant, me, HttpStatus.FORBIDDEN, Map.of(), blank, null, null);
        }
        return documents.removeType(tenant, code)
                .thenReturn(KindPages.seeOther(SETTINGS + "?thongbao=loai"))
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
}
