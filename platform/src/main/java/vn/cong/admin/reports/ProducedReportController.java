package vn.cong.admin.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.reports.contribution.ContributionReport;
import vn.cong.reports.export.ReportExports;
import vn.cong.reports.export.ReportFile;
import vn.cong.reports.export.ReportFormat;
import vn.cong.reports.produced.ProducedReport;
import vn.cong.reports.produced.ProducedReports;
import vn.cong.reports.produced.ReportKind;
import vn.cong.reports.produced.SignOffRefused;
import vn.cong.tenancy.Tenant;
import vn.cong.web.ApiErrors;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;
import vn.cong.workflow.Actor;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One produced report (vn.cong.reports.produced) with its history: the head signs it off or sends it back with a note,
 * the signers or the tenant admin produce it again after corrections; downloads of the report as produced. A report this
 * person may not see (another tenant's, not signed yet and not theirs to sign) is not found.
 */
@Controller(ProducedReportsController.REPORT)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class ProducedReportController {

    private static final Map<String, String> NOTICES = Map.of(
            "ky", "Đã ký duyệt: báo cáo đã được gửi đến Ban biên tập (mục «Báo cáo đã ký duyệt»).",
            "tra-lai", "Đã trả lại báo cáo; biên tập viên và quản trị cổng đã được thông báo.",
            "lap-lai", "Đã lập lại báo cáo từ số liệu hiện tại; báo cáo chờ ký duyệt.");

    private final ProducedReports reports;
    private final AdminPages pages;
    private final Clock clock;

    ProducedReportController(ProducedReports reports, AdminPages pages, Clock clock) {
        this.reports = reports;
        this.pages = pages;
        this.clock = clock;
    }

    /** The note of a return. */
    @Serdeable
    record ReturnForm(@Nullable String note, @Nullable String csrfToken) implements CsrfForm {
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id,
                                           @Nullable @QueryValue String thongbao) {
        return page(request, tenant, me, id, HttpStatus.OK, thongbao == null ? null : NOTICES.get(thongbao), null, "", Map.of());
    }

    @Post(value = "/{id}/ky", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> sign(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return act(request, tenant, me, id, "", reports.sign(tenant, id, actor(me), clock.instant()), "ky");
    }

    @Post(value = "/{id}/tra-lai", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> sendBack(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body ReturnForm form) {
        String note = form.note() == null ? "" : form.note();
        return act(request, tenant, me, id, note, reports.sendBack(tenant, id, actor(me), note, clock.instant()), "tra-lai");
    }

    @Post(value = "/{id}/lap-lai", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> reproduce(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, @Body TokenOnlyForm form) {
        return act(request, tenant, me, id, "", reports.reproduce(tenant, id, actor(me), clock.instant()), "lap-lai");
    }

    /**
     * A step on a report of this tenant (another tenant's id is not found); refused with 403 to someone who may not take
     * it, without showing the report to one who may not see it.
     */
    private Mono<MutableHttpResponse<String>> act(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, String note,
                                                  Mono<ProducedReport> step, String done) {
        return reports.find(tenant, id).flatMap(found -> found.isEmpty() ? notFound(request)
                : step.map(r -> seeOther(ProducedReportsController.REPORT + "/" + id + "?thongbao=" + done))
                .onErrorResume(SignOffRefused.class, e -> e.forbidden()
                        ? visible(tenant, me, id).flatMap(seen -> seen.isEmpty() ? forbidden(request, e.getMessage())
                        : page(request, tenant, me, id, HttpStatus.FORBIDDEN, null, e.getMessage(), note, Map.of()))
                        : page(request, tenant, me, id, HttpStatus.CONFLICT, null, e.getMessage(), note, Map.of()))
                .onErrorResume(IllegalArgumentException.class, e -> page(request, tenant, me, id, HttpStatus.BAD_REQUEST, null, null, note,
                        Map.of("note", e.getMessage()))));
    }

    private Mono<MutableHttpResponse<String>> forbidden(HttpRequest<?> request, String message) {
        return pages.page(request, HttpStatus.FORBIDDEN, "error", Map.of("title", "Không có quyền", "message", message,
                "linkHref", SignedReportsController.PAGE, "linkText", "Xem báo cáo đã ký duyệt"));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, long id, HttpStatus status,
                                                   @Nullable String notice, @Nullable String alert, String note, Map<String, String> errors) {
        return visible(tenant, me, id).flatMap(found -> found.isEmpty() ? notFound(request)
                : reports.maySign(tenant, me.roles()).zipWith(reports.steps(tenant, id)).flatMap(t -> {
                    ProducedReport r = found.get();
                    Map<String, Object> model = new HashMap<>();
                    model.put("r", r);
                    model.put("report", r.document());
                    model.put("steps", t.getT2());
                    model.put("maySign", t.getT1() && r.state() == ProducedReport.State.WAITING);
                    model.put("mayReproduce", (t.getT1() || me.isTenantAdmin()) && r.state() == ProducedReport.State.RETURNED);
                    model.put("formats", List.of("xlsx", "docx", "pdf"));
                    model.put("json", r.kind() == ReportKind.CONTRIBUTION);
                    model.put("note", note);
                    model.put("errors", errors);
                    if (notice != null) {
                        model.put("notice", notice);
                    }
                    if (alert != null) {
                        model.put("alert", alert);
                    }
                    return pages.page(request, status, "reports/produced", model);
                }));
    }

    private Mono<Optional<ProducedReport>> visible(Tenant tenant, StaffAccount me, long id) {
        return ProducedReportsController.visible(reports, tenant, me, id);
    }

    private static Actor actor(StaffAccount me) {
        return ProducedReportsController.actor(me);
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request) {
        return pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of("title", "Không tìm thấy báo cáo",
                "message", "Báo cáo không tồn tại trong cổng này, hoặc chưa được ký duyệt.", "linkHref", SignedReportsController.PAGE,
                "linkText", "Về danh sách báo cáo đã ký duyệt"));
    }

    private static MutableHttpResponse<String> seeOther(String location) {
        return HttpResponse.<String>seeOther(URI.create(location));
    }

    /**
     * A produced report as it was produced, signed off or not (with the sign-off printed, or "CHƯA KÝ DUYỆT"), as XLSX, DOCX,
     * PDF, or for the contribution report its figures as JSON; 404 for a report this person may not see.
     */
    @Controller(ProducedReportsController.REPORT)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    static class Downloads {

        private final ProducedReports reports;
        private final ReportExports exports;

        Downloads(ProducedReports reports, ReportExports exports) {
            this.reports = reports;
            this.exports = exports;
        }

        /** The JSON of a produced contribution report: its figures, and where its sign-off stands. */
        @Serdeable
        record Produced(long id, String period, String state, @Nullable String signedBy, @Nullable String signedAt, ContributionReport report) {
        }

        @Get(value = "/{id}/tai-ve/{format}", produces = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
        @Produces(MediaType.ALL)
        Mono<HttpResponse<?>> download(Tenant tenant, StaffAccount me, long id, String format) {
            Optional<ReportFormat> wanted = ReportFormat.fromExtension(format);
            if (!"json".equals(format) && wanted.isEmpty()) {
                return Mono.just(HttpResponse.notFound(ApiErrors.of("Không có định dạng «" + format + "»: dùng json, xlsx, docx hoặc pdf.")));
            }
            return ProducedReportsController.visible(reports, tenant, me, id).flatMap(found -> {
                if (found.isEmpty()) {
                    return Mono.just(HttpResponse.notFound(ApiErrors.of("Không tìm thấy báo cáo.")));
                }
                ProducedReport r = found.get();
                if (wanted.isEmpty()) {
                    return reports.figures(tenant, id).map(f -> f.isEmpty()
                            ? HttpResponse.notFound(ApiErrors.of("Báo cáo này không có bản JSON: tải XLSX, DOCX hoặc PDF."))
                            : HttpResponse.ok(new Produced(r.id(), r.periodLabel(), r.state().db(), r.signerName(),
                            r.signedAt() == null ? null : r.signedAt().toString(), f.get())).contentType(MediaType.APPLICATION_JSON_TYPE));
                }
                return exports.export(r.document(), wanted.get(), r.fileName()).map(ReportFile::download);
            });
        }
    }
}
