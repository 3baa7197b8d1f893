package vn.cong.admin.reports;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.reports.produced.ProducedReport;
import vn.cong.reports.produced.ProducedReports;
import vn.cong.reports.produced.ReportKind;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;
import vn.cong.workflow.Actor;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Ký duyệt báo cáo: the reports produced on the tenant's cadence (vn.cong.reports.produced) that wait for the head's
 * sign-off, those sent back, and the latest signed off ({@link ProducedReportController} shows one). Until it is signed
 * off a report is seen only by those who sign it and the tenant admin; the account report only by the tenant admin and
 * the board's leaders.
 */
@Controller(ProducedReportsController.SIGN_OFF)
@StaffMenu(group = StaffMenu.Group.REPORTS, order = 50, label = "Ký duyệt báo cáo", roles = {Role.HEAD, Role.DEPUTY_HEAD, Role.TENANT_ADMIN})
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class ProducedReportsController {

    static final String SIGN_OFF = "/quan-tri/bao-cao/ky-duyet";
    static final String REPORT = "/quan-tri/bao-cao/da-lap";

    private final ProducedReports reports;
    private final AdminPages pages;

    ProducedReportsController(ProducedReports reports, AdminPages pages) {
        this.reports = reports;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        return reports.maySign(tenant, me.roles()).flatMap(may -> {
            if (!may && !me.isTenantAdmin()) {
                return forbidden(request, "Danh sách báo cáo chờ ký duyệt dành cho người ký duyệt báo cáo và quản trị cổng.");
            }
            return reports.list(tenant, EnumSet.allOf(ProducedReport.State.class)).flatMap(all -> {
                Map<String, Object> model = new HashMap<>();
                model.put("waiting", all.stream().filter(r -> r.state() == ProducedReport.State.WAITING).toList());
                model.put("returned", all.stream().filter(r -> r.state() == ProducedReport.State.RETURNED).toList());
                model.put("signed", all.stream().filter(ProducedReport::signed).limit(20).toList());
                model.put("maySign", may);
                return pages.page(request, "reports/sign-off", model);
            });
        });
    }

    /** The report when this person may see it: signed (the account report: the leaders and the admin), or theirs to sign. */
    static Mono<Optional<ProducedReport>> visible(ProducedReports reports, Tenant tenant, StaffAccount me, long id) {
        return reports.find(tenant, id).flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(found);
            }
            ProducedReport r = found.get();
            boolean leader = me.hasAnyRole(Role.HEAD, Role.DEPUTY_HEAD, Role.TENANT_ADMIN);
            if (r.kind() == ReportKind.ACCOUNTS && !leader) {
                return Mono.just(Optional.<ProducedReport>empty());
            }
            if (r.signed()) {
                return Mono.just(found);
            }
            return reports.maySign(tenant, me.roles()).map(may -> may || me.isTenantAdmin() ? found : Optional.<ProducedReport>empty());
        });
    }

    static Actor actor(StaffAccount me) {
        return new Actor(me.id(), me.displayName(), me.roles());
    }

    private Mono<MutableHttpResponse<String>> forbidden(HttpRequest<?> request, String message) {
        return pages.page(request, HttpStatus.FORBIDDEN, "error", Map.of("title", "Không có quyền", "message", message,
                "linkHref", SignedReportsController.PAGE, "linkText", "Xem báo cáo đã ký duyệt"));
    }
}
