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
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.reports.contribution.Period;
import vn.cong.reports.export.ReportExports;
import vn.cong.reports.export.ReportFile;
import vn.cong.reports.export.ReportFormat;
import vn.cong.reports.royalties.Royalties;
import vn.cong.reports.royalties.RoyaltyDocument;
import vn.cong.reports.royalties.RoyaltyStatement;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The royalty statement (bảng kê nhuận bút) of a period, per author and per unit [001 Đ7.3; 003 Đ10], downloadable as
 * XLSX, DOCX and PDF. It opens on the previous month. The board's leaders and the tenant admin read it: it is what the
 * agency pays.
 */
@Controller(RoyaltiesController.PAGE)
@StaffMenu(group = StaffMenu.Group.REPORTS, order = 70, label = "Nhuận bút", roles = {Role.HEAD, Role.DEPUTY_HEAD, Role.TENANT_ADMIN})
@Secured(SecurityRule.IS_AUTHENTICATED)
class RoyaltiesController {

    static final String PAGE = "/quan-tri/bao-cao/nhuan-but";
    static final String REFUSED = "Nhuận bút dành cho Trưởng, Phó Trưởng ban biên tập và quản trị cổng.";

    private final Royalties royalties;
    private final ReportExports exports;
    private final AdminPages pages;
    private final Clock clock;

    RoyaltiesController(Royalties royalties, ReportExports exports, AdminPages pages, Clock clock) {
        this.royalties = royalties;
        this.exports = exports;
        this.pages = pages;
        this.clock = clock;
    }

    static boolean mayRead(StaffAccount me) {
        return me.hasAnyRole(Role.HEAD, Role.DEPUTY_HEAD, Role.TENANT_ADMIN);
    }

    /** The period asked for, the previous month when none is; empty when the typed one is not a period. */
    static Optional<Period> period(ContributionPeriods typed, Clock clock) {
        if (typed.empty()) {
            LocalDate lastMonth = LocalDate.now(clock.withZone(VietnamTime.ZONE)).minusMonths(1);
            return Optional.of(Period.month(lastMonth.getYear(), lastMonth.getMonthValue()));
        }
        return typed.period();
    }

    static Mono<MutableHttpResponse<String>> refused(AdminPages pages, HttpRequest<?> request) {
        return pages.page(request, HttpStatus.FORBIDDEN, "error", Map.of("title", "Không có quyền xem nhuận bút", "message", REFUSED,
                "linkHref", "/quan-tri", "linkText", "Về bảng điều khiển"));
    }

    static final String BAD_PERIOD = "Kỳ không hợp lệ: chọn tháng (1–12), quý (1–4), 6 tháng (1–2) hoặc năm, "
            + "hoặc ghi từ ngày đến ngày (đến ngày không trước từ ngày).";

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String kind,
                                           @Nullable @QueryValue String year, @Nullable @QueryValue String value,
                                           @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        if (!mayRead(me)) {
            return refused(pages, request);
        }
        ContributionPeriods typed = new ContributionPeriods(kind, year, value, from, to);
        Optional<Period> period = period(typed, clock);
        Map<String, Object> model = new HashMap<>();
        model.put("picker", typed);
        if (period.isEmpty()) {
            model.put("alert", BAD_PERIOD);
            return pages.page(request, HttpStatus.BAD_REQUEST, "reports/royalties", model);
        }
        return royalties.items(tenant, period.get()).flatMap(items -> {
            RoyaltyStatement statement = RoyaltyStatement.of(period.get(), items);
            model.put("picker", typed.empty() ? ContributionPeriods.of(period.get()) : typed);
            model.put("statement", statement);
            model.put("report", RoyaltyDocument.of(statement, tenant.nameVi()));
            model.put("query", "?from=" + period.get().from() + "&to=" + period.get().to());
            model.put("formats", ReportFormat.values());
            return pages.page(request, HttpStatus.OK, "reports/royalties", model);
        });
    }

    @Get("/tai-ve/{format}")
    @Produces(MediaType.ALL)
    Mono<MutableHttpResponse<?>> download(Tenant tenant, StaffAccount me, String format, @Nullable @QueryValue String kind,
                                          @Nullable @QueryValue String year, @Nullable @QueryValue String value,
                                          @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        Optional<ReportFormat> wanted = ReportFormat.fromExtension(format);
        if (wanted.isEmpty()) {
            return Mono.just(HttpResponse.notFound());
        }
        if (!mayRead(me)) {
            return Mono.just(HttpResponse.<String>status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN_TYPE).body(REFUSED));
        }
        Optional<Period> period = period(new ContributionPeriods(kind, year, value, from, to), clock);
        if (period.isEmpty()) {
            return Mono.just(HttpResponse.<String>badRequest(BAD_PERIOD).contentType(MediaType.TEXT_PLAIN_TYPE));
        }
        return royalties.items(tenant, period.get())
                .flatMap(items -> exports.export(RoyaltyDocument.of(RoyaltyStatement.of(period.get(), items), tenant.nameVi()), wanted.get(),
                        "Bảng kê nhuận bút " + period.get().from() + " đến " + period.get().to()))
                .map(ReportFile::download);
    }
}
