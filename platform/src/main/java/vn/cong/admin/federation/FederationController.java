package vn.cong.admin.federation;

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
import vn.cong.federation.FederationChoices;
import vn.cong.tenancy.MinistryFederation;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.web.CsrfProtected;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Liên thông Bộ: on a member portal, its tenant admin decides whether the ministry's portal may search its public
 * items (ministry-wide search) and show its latest news ("Tin từ các đơn vị"), two separate choices; on the
 * ministry's portal, its tenant admin switches the news block on and sizes it. Each change is audited in the
 * portal's own log. The tenant is the one whose host the request came to: no form field names a portal.
 */
@Controller(FederationController.BASE)
@StaffMenu(group = StaffMenu.Group.ADMINISTRATION, order = 37, label = "Liên thông Bộ", roles = Role.TENANT_ADMIN)
@Secured(Role.Names.TENANT_ADMIN)
@CsrfProtected
class FederationController {

    static final String BASE = "/quan-tri/lien-thong-bo";
    static final int DEFAULT_BLOCK = 6;

    private final MinistryFederation federation;
    private final FederationChoices settings;
    private final TenantRegistry registry;
    private final AdminPages pages;

    FederationController(MinistryFederation federation, FederationChoices settings, TenantRegistry registry, AdminPages pages) {
        this.federation = federation;
        this.settings = settings;
        this.registry = registry;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, @Nullable @QueryValue String thongbao) {
        return federation.choices(tenant).flatMap(choices -> page(request, tenant, HttpStatus.OK, choices,
                null, "luu".equals(thongbao) ? "Đã lưu." : null, null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> save(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body FederationForm form) {
        if (!tenant.isMinistry()) {
            return settings.saveMember(tenant, form.inSearch() != null, form.inNews() != null, me.id())
                    .thenReturn(KindPages.seeOther(BASE + "?thongbao=luu"));
        }
        boolean on = form.newsBlock() != null;
        int size = on ? form.size() : 0;
        if (on && (size < 1 || size > MinistryFederation.MAX_NEWS_BLOCK)) {
            return federation.choices(tenant).flatMap(choices -> page(request, tenant, HttpStatus.BAD_REQUEST, choices,
                    "Số tin phải là số nguyên từ 1 đến " + MinistryFederation.MAX_NEWS_BLOCK + ".", null, form));
        }
        return settings.saveNewsBlock(tenant, size, me.id()).thenReturn(KindPages.seeOther(BASE + "?thongbao=luu"));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, HttpStatus status, MinistryFederation.Choices choices,
                                                   @Nullable String error, @Nullable String notice, @Nullable FederationForm typed) {
        Map<String, Object> model = new HashMap<>();
        model.put("root", tenant.isMinistry());
        model.put("choices", choices);
        model.put("parentName", tenant.parentCode() == null ? "" : registry.findByCode(tenant.parentCode()).map(t -> t.nameVi()).orElse(""));
        model.put("newsBlock", typed != null ? typed.newsBlock() != null : choices.newsBlockSize() > 0);
        model.put("newsBlockSize", typed != null ? String.valueOf(typed.newsBlockSize())
                : String.valueOf(choices.newsBlockSize() > 0 ? choices.newsBlockSize() : DEFAULT_BLOCK));
        model.put("max", MinistryFederation.MAX_NEWS_BLOCK);
        if (tenant.isMinistry()) {
            return Mono.zip(federation.searchMembers(tenant), federation.newsMembers(tenant)).flatMap(members -> {
                model.put("searchMembers", names(members.getT1()));
                model.put("newsMembers", names(members.getT2()));
                return render(request, status, model, error, notice);
            });
        }
        return render(request, status, model, error, notice);
    }

    private Mono<MutableHttpResponse<String>> render(HttpRequest<?> request, HttpStatus status, Map<String, Object> model,
                                                     @Nullable String error, @Nullable String notice) {
        model.put("errors", error == null ? Map.of() : Map.of("newsBlockSize", error));
        if (notice != null) {
            model.put("notice", notice);
        }
        return pages.page(request, status, "federation/settings", model);
    }

    private static List<String> names(List<Tenant> tenants) {
        return tenants.stream().map(Tenant::nameVi).toList();
    }
}
