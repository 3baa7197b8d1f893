package vn.cong.admin.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.reports.contribution.BarChart;
import vn.cong.reports.contribution.BarChart.Bar;
import vn.cong.reports.contribution.ContributionDocument;
import vn.cong.reports.contribution.ContributionReport;
import vn.cong.reports.contribution.ContributionReports;
import vn.cong.reports.contribution.Period;
import vn.cong.reports.contribution.Quota;
import vn.cong.reports.export.ReportExports;
import vn.cong.reports.export.ReportFile;
import vn.cong.reports.export.ReportFormat;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.web.ApiErrors;
import vn.cong.workflow.ProfileValue;
import vn.cong.workflow.RegulationProfiles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contribution report (Báo cáo tình hình cung cấp thông tin) in seed 004's layout, for any period, with SVG charts
 * and a live view of each unit's progress this month and this reporting period; its numbers as JSON at
 * {@code /quan-tri/bao-cao/dong-gop.json?from=YYYY-MM-DD&to=YYYY-MM-DD} (or {@code kind=month|quarter|half|year&year=&value=}).
 * The board's leaders (head, deputy heads) and the tenant admin open it: it rates units, which is theirs to report.
 */
@Controller(ContributionController.PAGE)
@StaffMenu(group = StaffMenu.Group.REPORTS, order = 10, label = "Đóng góp tin bài", roles = {Role.HEAD, Role.DEPUTY_HEAD, Role.TENANT_ADMIN})
@Secured(SecurityRule.IS_AUTHENTICATED)
class ContributionController {

    static final String PAGE = "/quan-tri/bao-cao/dong-gop";

    private final ContributionReports reports;
    private final RegulationProfiles profiles;
    private final AdminPages pages;
    private final Clock clock;

    ContributionController(ContributionReports reports, RegulationProfiles profiles, AdminPages pages, Clock clock) {
        this.reports = reports;
        this.profiles = profiles;
        this.pages = pages;
        this.clock = clock;
    }

    static boolean mayRead(StaffAccount me) {
        return me.hasAnyRole(Role.HEAD, Role.DEPUTY_HEAD, Role.TENANT_ADMIN);
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String kind,
                                           @Nullable @QueryValue String year, @Nullable @QueryValue String value,
                                           @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        if (!mayRead(me)) {
            return pages.page(request, HttpStatus.FORBIDDEN, "error", Map.of("title", "Không có quyền xem báo cáo",
                    "message", "Báo cáo đóng góp tin bài dành cho Trưởng, Phó Trưởng ban biên tập và quản trị cổng.",
                    "linkHref", "/quan-tri", "linkText", "Về bảng điều khiển"));
        }
        ContributionPeriods typed = new ContributionPeriods(kind, year, value, from, to);
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        return cadence(tenant).flatMap(cadence -> {
            var chosen = typed.empty() ? java.util.Optional.of(Period.previous(cadence, today)) : typed.period();
            if (chosen.isEmpty()) {
                return live(tenant, cadence, today).flatMap(live -> render(request, HttpStatus.BAD_REQUEST, typed, null, live,
                        "Kỳ báo cáo không hợp lệ: chọn tháng (1–12), quý (1–4), 6 tháng (1–2) hoặc năm, hoặc ghi từ ngày đến ngày (đến ngày không trước từ ngày)."));
            }
            Period period = chosen.get();
            return reports.report(tenant, period).flatMap(report -> live(tenant, cadence, today)
                    .flatMap(live -> render(request, HttpStatus.OK, typed.empty() ? ContributionPeriods.of(period) : typed, report, live, null)));
        });
    }

    /** This month and the current reporting period, so far: each unit's count against the quota. */
    record Live(ContributionReport month, ContributionReport period) {
    }

    private Mono<Live> live(Tenant tenant, String cadence, LocalDate today) {
        return reports.report(tenant, Period.month(today.getYear(), today.getMonthValue()))
                .zipWith(reports.report(tenant, Period.current(cadence, today)), Live::new);
    }

    private Mono<String> cadence(Tenant tenant) {
        return profiles.profile(tenant).map(p -> p.values().get(ProfileValue.REPORTS));
    }

    private Mono<MutableHttpResponse<String>> render(HttpRequest<?> request, HttpStatus status, ContributionPeriods typed,
                                                     @Nullable ContributionReport report, Live live, @Nullable String alert) {
        Map<String, Object> model = new HashMap<>();
        model.put("picker", typed);
        model.put("report", report);
        model.put("live", live);
        model.put("monthCounts", live.month().units().stream()
                .collect(java.util.stream.Collectors.toMap(ContributionReport.UnitLine::unitId, ContributionReport.UnitLine::total)));
        model.put("alert", alert);
        model.put("query", report == null ? null : "?from=" + report.from() + "&to=" + report.to());
        if (report != null) {
            model.put("sectionChart", BarChart.svg("bieu-do-chuyen-muc", "Số tin bài theo chuyên mục", "Số tin bài " + report.periodLabel()
                    + " theo từng chuyên mục; số liệu chi tiết ở bảng bên dưới.", bars(report.sections()), null));
            model.put("topicChart", BarChart.svg("bieu-do-chu-de", "Số tin bài theo chủ đề", "Số tin bài " + report.periodLabel()
                    + " theo từng chủ đề; số liệu chi tiết ở bảng bên dưới.", bars(report.topics()), null));
            Quota quota = Quota.of(report.quotaCode(), report.quotaLabel());
            model.put("unitChart", BarChart.svg("bieu-do-don-vi", "Số tin bài của các đơn vị thuộc diện bắt buộc",
                    "Tổng số tin bài của từng đơn vị " + report.periodLabel() + ", vạch đỏ là chỉ tiêu của kỳ; số liệu ở các bảng mục 2.",
                    report.units().stream().map(u -> new Bar(u.name(), u.total())).toList(), quota.itemsOver(report.months())));
        }
        return pages.page(request, status, "reports/contribution", model);
    }

    private static List<Bar> bars(List<ContributionReport.Count> counts) {
        return counts.stream().map(c -> new Bar(c.name(), c.items())).toList();
    }

    /**
     * The same report as JSON (the documented URL) or as a file to download: {@code dong-gop.json}, {@code .xlsx},
     * {@code .docx}, {@code .pdf}, with {@code from=YYYY-MM-DD&to=YYYY-MM-DD} (or {@code kind=&year=&value=}); 400 with a
     * Vietnamese message for a period that is not one.
     */
    @Controller("/quan-tri/bao-cao")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    static class Downloads {

        private final ContributionReports reports;
        private final ReportExports exports;

        Downloads(ContributionReports reports, ReportExports exports) {
            this.reports = reports;
            this.exports = exports;
        }

        @Get(value = "/dong-gop.{format}", produces = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
        Mono<HttpResponse<?>> report(Tenant tenant, StaffAccount me, String format, @Nullable @QueryValue String kind,
                                     @Nullable @QueryValue String year, @Nullable @QueryValue String value,
                                     @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
            var fileFormat = ReportFormat.fromExtension(format);
            if (!"json".equals(format) && fileFormat.isEmpty()) {
                return Mono.just(HttpResponse.notFound(ApiErrors.of("Không có định dạng «" + format + "»: dùng json, xlsx, docx hoặc pdf.")));
            }
            if (!mayRead(me)) {
                return Mono.just(HttpResponse.status(HttpStatus.FORBIDDEN)
                        .body(ApiErrors.of("Báo cáo đóng góp tin bài dành cho Trưởng, Phó Trưởng ban biên tập và quản trị cổng.")));
            }
            var period = new ContributionPeriods(kind, year, value, from, to).period();
            if (period.isEmpty()) {
                return Mono.just(HttpResponse.badRequest(ApiErrors.of("period",
                        "Kỳ báo cáo không hợp lệ: ghi from=YYYY-MM-DD&to=YYYY-MM-DD, hoặc kind=month|quarter|half|year&year=&value=.")));
            }
            Mono<ContributionReport> report = reports.report(tenant, period.get());
            if (fileFormat.isEmpty()) {
                return report.map(r -> HttpResponse.ok(r).contentType(MediaType.APPLICATION_JSON_TYPE));
            }
            return report.flatMap(r -> exports.export(ContributionDocument.of(r, tenant.nameVi()), fileFormat.get(),
                            "Báo cáo cung cấp thông tin " + r.from() + " đến " + r.to()))
                    .map(ReportFile::download);
        }
    }
}
