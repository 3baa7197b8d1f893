package vn.cong.admin.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffMenu;
import vn.cong.reports.accounts.AccountActivityDocument;
import vn.cong.reports.accounts.AccountActivityReports;
import vn.cong.reports.accounts.ReportPeriod;
import vn.cong.reports.export.ReportExports;
import vn.cong.reports.export.ReportFormat;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfProtected;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The account activity and security report (seed 000 Đ7.2d quarterly, 001 Đ5.1đ monthly) for a month or
 * a quarter, shown and downloaded as XLSX, DOCX or PDF. Tenant admins only: it names accounts and addresses.
 */
@Controller("/quan-tri/bao-cao/tai-khoan")
@StaffMenu(group = StaffMenu.Group.REPORTS, order = 20, label = "Tài khoản và an toàn thông tin", roles = Role.TENANT_ADMIN)
@Secured(Role.Names.TENANT_ADMIN)
@CsrfProtected
class AccountReportController {

    private final AccountActivityReports reports;
    private final ReportExports exports;
    private final AdminPages pages;
    private final Clock clock;

    AccountReportController(AccountActivityReports reports, ReportExports exports, AdminPages pages, Clock clock) {
        this.reports = reports;
        this.exports = exports;
        this.pages = pages;
        this.clock = clock;
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, @Nullable @QueryValue String ky) {
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        Optional<ReportPeriod> period = ky == null ? Optional.of(ReportPeriod.month(YearMonth.from(today))) : ReportPeriod.parse(ky);
        Map<String, Object> model = new HashMap<>();
        model.put("periods", ReportPeriod.offered(today));
        if (period.isEmpty()) {
            model.put("alert", "Kỳ báo cáo «" + ky + "» không hợp lệ: chọn một tháng hoặc một quý trong danh sách.");
            model.put("chosen", ky);
            return pages.page(request, HttpStatus.BAD_REQUEST, "reports/accounts", model);
        }
        model.put("chosen", period.get().code());
        return reports.report(tenant, period.get()).flatMap(report -> {
            model.put("report", AccountActivityDocument.of(tenant, report, OffsetDateTime.now(clock)));
            model.put("formats", ReportFormat.values());
            return pages.page(request, "reports/accounts", model);
        });
    }

    @Get("/tai-ve/{format}")
    @Produces(MediaType.ALL)
    Mono<MutableHttpResponse<?>> download(Tenant tenant, String format, @Nullable @QueryValue String ky) {
        Optional<ReportFormat> wanted = ReportFormat.fromExtension(format);
        Optional<ReportPeriod> period = ReportPeriod.parse(ky);
        if (wanted.isEmpty() || period.isEmpty()) {
            return Mono.just(HttpResponse.notFound());
        }
        return reports.report(tenant, period.get())
                .flatMap(report -> exports.export(AccountActivityDocument.of(tenant, report, OffsetDateTime.now(clock)), wanted.get(),
                        "Báo cáo tài khoản " + period.get().label().replace('/', '-')))
                .map(file -> file.download());
    }
}
