package vn.cong.admin.legal;

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
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.admin.kinds.KindPages;
import vn.cong.content.DraftRejected;
import vn.cong.content.legal.LegalNotices;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.web.CsrfProtected;

import java.util.HashMap;
import java.util.Map;

/**
 * The footer's legal block (address, phone, e-mail, licence, person responsible), kept by the tenant admin:
 * live on every page at once and audited. The governing body is the portal's platform setting (manifest).
 */
@Controller(LegalNoticeController.PATH)
@StaffMenu(group = StaffMenu.Group.ADMINISTRATION, order = 6, label = "Thông tin chân trang", roles = Role.TENANT_ADMIN)
@Secured(Role.Names.TENANT_ADMIN)
@CsrfProtected
class LegalNoticeController {

    static final String PATH = "/quan-tri/thong-tin-chan-trang";

    private final LegalNotices notices;
    private final AdminPages pages;
    private final TenantRegistry registry;

    LegalNoticeController(LegalNotices notices, AdminPages pages, TenantRegistry registry) {
        this.notices = notices;
        this.pages = pages;
        this.registry = registry;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, @Nullable @QueryValue String thongbao) {
        return notices.of(tenant).flatMap(n -> page(request, tenant, HttpStatus.OK, LegalNoticeForm.of(n), Map.of(),
                thongbao != null ? "Đã lưu; chân trang của mọi trang trên cổng đã được cập nhật." : null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> save(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body LegalNoticeForm form) {
        return notices.save(tenant, me.id(), form.notice())
                .thenReturn(KindPages.seeOther(PATH + "?thongbao=luu"))
                .onErrorResume(DraftRejected.class, e -> page(request, tenant, HttpStatus.BAD_REQUEST, form, e.problems(), null));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, HttpStatus status, LegalNoticeForm form,
                                                   Map<String, String> errors, @Nullable String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        // as the footer names it: the tenant's own setting, else its parent portal; a root without one names none
        String governing = tenant.governingBody() != null ? tenant.governingBody().nameVi()
                : tenant.parentCode() == null ? null : registry.findByCode(tenant.parentCode()).map(Tenant::nameVi).orElse(null);
        model.put("governingBody", governing);
        if (notice != null) {
            model.put("notice", notice);
        }
        return pages.page(request, status, "legal/edit", model);
    }
}
