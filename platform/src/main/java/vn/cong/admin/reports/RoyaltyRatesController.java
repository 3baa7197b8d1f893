package vn.cong.admin.reports;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.reports.royalties.RoyaltyRates;
import vn.cong.reports.royalties.RoyaltyRejected;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;

import java.util.HashMap;
import java.util.Map;

/**
 * The tenant's royalty rate table (bảng đơn vị nhuận bút): units per genre and the value of one unit. The head and the
 * tenant admin change it; the deputies see it. Each change is in the audit log.
 */
@Controller(RoyaltyRatesController.PAGE)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class RoyaltyRatesController {

    static final String PAGE = RoyaltiesController.PAGE + "/bang-gia";

    private final RoyaltyRates rates;
    private final AdminPages pages;

    RoyaltyRatesController(RoyaltyRates rates, AdminPages pages) {
        this.rates = rates;
        this.pages = pages;
    }

    static boolean mayChange(StaffAccount me) {
        return me.hasAnyRole(Role.HEAD, Role.TENANT_ADMIN);
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String thongbao) {
        if (!RoyaltiesController.mayRead(me)) {
            return RoyaltiesController.refused(pages, request);
        }
        Map<String, Object> model = new HashMap<>();
        if ("da-luu".equals(thongbao)) {
            model.put("notice", "Đã lưu bảng nhuận bút. Bảng mới áp dụng cho các lần chấm nhuận bút từ nay.");
        }
        return page(request, tenant, me, HttpStatus.OK, model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> save(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body Map<String, String> form) {
        if (!mayChange(me)) {
            Map<String, Object> model = new HashMap<>();
            model.put("alert", "Chỉ Trưởng ban biên tập và quản trị cổng được sửa bảng nhuận bút.");
            return page(request, tenant, me, HttpStatus.FORBIDDEN, model);
        }
        return rates.save(tenant, me.id(), form)
                .map(saved -> HttpResponse.<String>status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, PAGE + "?thongbao=da-luu"))
                .onErrorResume(RoyaltyRejected.class, e -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("typed", form);
                    model.put("errors", e.problems());
                    model.put("alert", "Chưa lưu được bảng nhuận bút: " + String.join(" ", e.problems().values()));
                    return page(request, tenant, me, HttpStatus.BAD_REQUEST, model);
                });
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                   Map<String, Object> model) {
        return rates.table(tenant).flatMap(table -> {
            model.put("rates", table);
            model.putIfAbsent("typed", Map.of());
            model.putIfAbsent("errors", Map.of());
            model.put("mayChange", mayChange(me));
            return pages.page(request, status, "reports/royalty-rates", model);
        });
    }
}
