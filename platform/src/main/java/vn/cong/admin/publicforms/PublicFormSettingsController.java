package vn.cong.admin.publicforms;

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
import vn.cong.engagement.DayReading;
import vn.cong.engagement.PublicFormSettings;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tenant's public forms (questions, petitions, comments on drafts) share: the rate limits per address and per
 * e-mail address, how long personal data is kept after an item closes (Decree 13/2023), and how the Q&A deadlines read
 * "ngày" (seed 003 Đ13.2). Kept by the tenant admin, audited, applied to the next post at once.
 */
@Controller(PublicFormSettingsController.PATH)
@StaffMenu(group = StaffMenu.Group.ADMINISTRATION, order = 39, label = "Biểu mẫu công khai", roles = Role.TENANT_ADMIN)
@Secured(Role.Names.TENANT_ADMIN)
@CsrfProtected
class PublicFormSettingsController {

    static final String PATH = "/quan-tri/bieu-mau-cong-khai";

    private final PublicFormSettings settings;
    private final AdminPages pages;

    PublicFormSettingsController(PublicFormSettings settings, AdminPages pages) {
        this.settings = settings;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, @Nullable @QueryValue String thongbao) {
        return settings.of(tenant).flatMap(s -> page(request, HttpStatus.OK, PublicFormSettingsForm.of(s), Map.of(),
                thongbao != null ? "Đã lưu; các biểu mẫu công khai áp dụng ngay từ lượt gửi tiếp theo." : null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> save(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body PublicFormSettingsForm form) {
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            return page(request, HttpStatus.BAD_REQUEST, form, problems, null);
        }
        return settings.change(tenant, me.id(), form.number(form.perAddressLimit()), form.number(form.perAddressMinutes()),
                        form.number(form.perEmailLimit()), form.number(form.perEmailHours()), form.number(form.anonymiseAfterMonths()),
                        form.dayReading())
                .thenReturn(KindPages.seeOther(PATH + "?thongbao=luu"));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, HttpStatus status, PublicFormSettingsForm form,
                                                   Map<String, String> errors, @Nullable String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("readings", List.of(DayReading.values()));
        if (notice != null) {
            model.put("notice", notice);
        }
        return pages.page(request, status, "publicforms/edit", model);
    }
}
