package vn.cong.admin.subscriptions;

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
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.admin.kinds.KindPages;
import vn.cong.engagement.PublicText;
import vn.cong.subscriptions.Subscriptions;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;

import java.util.HashMap;
import java.util.Map;

/**
 * Subscriptions (đăng ký nhận tin) for the tenant admin: how many subscribers each topic has, never who (personal data,
 * Decree 13/2023), and the removal of every subscription of one address when its owner asks, audited without the address.
 */
@Controller(SubscriptionsController.BASE)
@StaffMenu(group = StaffMenu.Group.ADMINISTRATION, order = 36, label = "Đăng ký nhận tin", roles = Role.TENANT_ADMIN)
@Secured(Role.Names.TENANT_ADMIN)
@CsrfProtected
class SubscriptionsController {

    static final String BASE = "/quan-tri/dang-ky-nhan-tin";

    private final Subscriptions subscriptions;
    private final AdminPages pages;

    SubscriptionsController(Subscriptions subscriptions, AdminPages pages) {
        this.subscriptions = subscriptions;
        this.pages = pages;
    }

    /** The address whose subscriptions are to go, as typed (kept when refused). */
    @Serdeable
    record RemovalForm(@Nullable String email, @Nullable String csrfToken) implements CsrfForm {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, @Nullable @QueryValue Long xoa) {
        String notice = xoa == null ? null : xoa == 0 ? "Không có đăng ký nào của địa chỉ này." : "Đã xóa " + xoa + " đăng ký của địa chỉ này.";
        return page(request, tenant, HttpStatus.OK, "", null, notice);
    }

    @Post(value = "/xoa-dia-chi", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> remove(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body RemovalForm form) {
        if (!PublicText.isEmail(form.email())) {
            return page(request, tenant, HttpStatus.BAD_REQUEST, form.email() == null ? "" : form.email(),
                    "Xin nhập đúng địa chỉ thư điện tử người yêu cầu muốn xóa.", null);
        }
        return subscriptions.removeAddress(tenant, form.email(), me.id()).map(n -> KindPages.seeOther(BASE + "?xoa=" + n));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, HttpStatus status, String email,
                                                   @Nullable String error, @Nullable String notice) {
        return subscriptions.counts(tenant).flatMap(counts -> {
            Map<String, Object> model = new HashMap<>();
            model.put("counts", counts);
            model.put("confirmed", counts.stream().mapToLong(c -> c.immediate() + c.daily()).sum());
            model.put("email", email);
            model.put("error", error);
            model.put("notice", notice);
            model.put("purgeDays", Subscriptions.PURGE_UNCONFIRMED_AFTER.toDays());
            return pages.page(request, status, "subscriptions/list", model);
        });
    }
}
