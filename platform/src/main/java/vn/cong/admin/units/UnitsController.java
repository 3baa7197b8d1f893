package vn.cong.admin.units;

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
import vn.cong.accounts.Account;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffMenu;
import vn.cong.admin.kinds.KindPages;
import vn.cong.content.kinds.Option;
import vn.cong.engagement.Unit;
import vn.cong.engagement.UnitRejected;
import vn.cong.engagement.Units;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant's units (đơn vị) for its administrator: name and place in the chart, head, focal point, e-mail,
 * whether the unit must supply items and whether it is outside the ministry; with how many submissions and
 * accounts name each unit, and the submitting-unit texts that match none (kept as typed).
 */
@Controller("/quan-tri/don-vi")
@StaffMenu(group = StaffMenu.Group.ADMINISTRATION, order = 15, label = "Đơn vị", roles = Role.TENANT_ADMIN)
@Secured(Role.Names.TENANT_ADMIN)
@CsrfProtected
class UnitsController {

    private static final String BASE = "/quan-tri/don-vi";

    private final Units units;
    private final AccountAdministration accounts;
    private final AdminPages pages;

    UnitsController(Units units, AccountAdministration accounts, AdminPages pages) {
        this.units = units;
        this.accounts = accounts;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, @Nullable @QueryValue String thongbao,
                                           @Nullable @QueryValue("sua") Long edit) {
        Mono<Optional<Unit>> editing = edit == null ? Mono.just(Optional.empty()) : units.find(tenant, edit);
        return editing.flatMap(u -> edit != null && u.isEmpty()
                ? pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy đơn vị",
                "message", "Đơn vị này không có trong cổng.", "linkHref", BASE, "linkText", "Về danh sách đơn vị"))
                : page(request, tenant, HttpStatus.OK, u.map(UnitForm::of).orElse(UnitForm.empty()), Map.of(),
                "luu".equals(thongbao) ? "Đã lưu đơn vị." : null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> save(HttpRequest<?> request, Tenant tenant, @Body UnitForm form) {
        return units.save(tenant, form.unit())
                .map(id -> KindPages.seeOther(BASE + "?thongbao=luu"))
                .onErrorResume(UnitRejected.class, e -> e.problems().containsKey("id")
                        ? pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy đơn vị",
                        "message", "Đơn vị này không có trong cổng.", "linkHref", BASE, "linkText", "Về danh sách đơn vị"))
                        : page(request, tenant, HttpStatus.BAD_REQUEST, form, e.problems(), null));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, HttpStatus status, UnitForm form,
                                                   Map<String, String> errors, @Nullable String notice) {
        return Mono.zip(units.listed(tenant), units.unmatched(tenant), accounts.list(tenant).collectList()).flatMap(t -> {
            Map<Long, String> names = new HashMap<>();
            t.getT1().forEach(l -> names.put(l.unit().id(), l.unit().name()));
            Map<String, Object> model = new HashMap<>();
            model.put("units", t.getT1().stream().map(l -> Map.of("id", l.unit().id(), "name", l.unit().name(),
                    "parent", l.unit().parentId() == null ? "" : names.getOrDefault(l.unit().parentId(), ""), "head", l.unit().headName(),
                    "focal", l.focalName(), "email", l.unit().email(), "supplies", l.unit().suppliesItems(), "outside", l.unit().outside(),
                    "submissions", l.submissions(), "accounts", l.accounts())).toList());
            model.put("unmatched", t.getT2());
            model.put("unitChoices", t.getT1().stream().map(l -> new Option(String.valueOf(l.unit().id()), l.unit().name())).toList());
            List<Option> staff = t.getT3().stream().filter(a -> a.status() == Account.Status.ACTIVE)
                    .map(a -> new Option(String.valueOf(a.id()), a.fullName().isBlank() ? a.username() : a.fullName() + " (" + a.username() + ")"))
                    .toList();
            model.put("staffChoices", staff);
            model.put("form", form);
            model.put("errors", errors);
            if (notice != null) {
                model.put("notice", notice);
            }
            return pages.page(request, status, "units/list", model);
        });
    }
}
