package vn.cong.admin.reports;

import io.micronaut.http.HttpRequest;
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

import java.util.EnumSet;
import java.util.Map;

/**
 * Báo cáo đã ký duyệt: the reports the head has signed off, for the whole board (the account report only for the
 * board's leaders and the tenant admin: it names accounts). A report not signed off is never listed here.
 */
@Controller(SignedReportsController.PAGE)
@StaffMenu(group = StaffMenu.Group.REPORTS, order = 60, label = "Báo cáo đã ký duyệt")
@Secured(SecurityRule.IS_AUTHENTICATED)
class SignedReportsController {

    static final String PAGE = "/quan-tri/bao-cao/da-ky-duyet";

    private final ProducedReports reports;
    private final AdminPages pages;

    SignedReportsController(ProducedReports reports, AdminPages pages) {
        this.reports = reports;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request, Tenant tenant, StaffAccount me) {
        boolean leader = me.hasAnyRole(Role.HEAD, Role.DEPUTY_HEAD, Role.TENANT_ADMIN);
        return reports.list(tenant, EnumSet.of(ProducedReport.State.SIGNED))
                .map(all -> all.stream().filter(r -> leader || r.kind() == ReportKind.CONTRIBUTION).toList())
                .flatMap(signed -> pages.page(request, "reports/signed", Map.of("signed", signed)));
    }
}
