package vn.cong.admin.regulations;

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
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.workflow.ProfileValue;
import vn.cong.workflow.RegulationProfiles;
import vn.cong.workflow.SubmissionRejected;

import java.util.HashMap;
import java.util.Map;

/**
 * The regulation the portal follows (Quy định áp dụng): its preset and every value, which of them differ
 * from the preset; the tenant admin changes a value here (in the audit log). Every staff member sees it.
 */
@Controller("/quan-tri/quy-dinh")
@StaffMenu(group = StaffMenu.Group.WORKFLOW, order = 30, label = "Quy định áp dụng")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class RegulationsController {

    private static final String PAGE = "/quan-tri/quy-dinh";

    private final RegulationProfiles profiles;
    private final AdminPages pages;

    RegulationsController(RegulationProfiles profiles, AdminPages pages) {
        this.profiles = profiles;
        this.pages = pages;
    }

    @Serdeable
    record ValueForm(@Nullable String value, @Nullable String csrfToken) implements CsrfForm {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String thongbao) {
        return page(request, tenant, me, HttpStatus.OK, "da-luu".equals(thongbao) ? "Đã lưu giá trị." : null, null, null, null);
    }

    @Post(value = "/{key}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> change(HttpRequest<?> request, Tenant tenant, StaffAccount me, String key, @Body ValueForm form) {
        var value = ProfileValue.ofKey(key);
        if (value.isEmpty()) {
            return page(request, tenant, me, HttpStatus.NOT_FOUND, null, "Không có giá trị «" + key + "».", null, null);
        }
        if (!me.isTenantAdmin()) {
            return page(request, tenant, me, HttpStatus.FORBIDDEN, null, "Chỉ quản trị cổng được thay đổi quy định áp dụng.", null, null);
        }
        String typed = form.value() == null ? "" : form.value().strip();
        return profiles.set(tenant, value.get(), typed, me.id())
                .thenReturn(seeOther(PAGE + "?thongbao=da-luu"))
                .onErrorResume(SubmissionRejected.class, e -> page(request, tenant, me, HttpStatus.BAD_REQUEST, null,
                        null, value.get(), e.problems().get("value")));
    }

    private static MutableHttpResponse<String> seeOther(String location) {
        return io.micronaut.http.HttpResponse.<String>status(HttpStatus.SEE_OTHER).header(io.micronaut.http.HttpHeaders.LOCATION, location);
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                   @Nullable String notice, @Nullable String alert, @Nullable ProfileValue failed,
                                                   @Nullable String error) {
        return profiles.profile(tenant).flatMap(profile -> {
            Map<String, Object> model = new HashMap<>();
            model.put("profile", profile);
            model.put("canChange", me.isTenantAdmin());
            model.put("failedKey", failed == null ? "" : failed.key());
            model.put("error", error);
            model.put("notice", notice);
            model.put("alert", alert);
            return pages.page(request, status, "regulations/profile", model);
        });
    }
}
