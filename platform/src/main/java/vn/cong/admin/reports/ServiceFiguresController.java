package vn.cong.admin.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import vn.cong.content.procedures.FiguresRejected;
import vn.cong.content.procedures.FiguresText;
import vn.cong.content.procedures.ProcessingFigures;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Processing figures of the online public services, entered by the responsible unit's staff (a month of
 * one procedure) or imported from CSV (all rows or none); tenant admins and the head enter for any procedure.
 * The published procedures' figures appear on their pages and on the public summary.
 */
@Controller(ServiceFiguresController.PAGE)
@StaffMenu(group = StaffMenu.Group.REPORTS, order = 30, label = "Số liệu dịch vụ công")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class ServiceFiguresController {

    static final String PAGE = "/quan-tri/bao-cao/dich-vu-cong";

    private final ProcessingFigures figures;
    private final AdminPages pages;

    ServiceFiguresController(ProcessingFigures figures, AdminPages pages) {
        this.figures = figures;
        this.pages = pages;
    }

    @Serdeable
    record MonthForm(@Nullable String procedure, @Nullable String month, @Nullable String received, @Nullable String processed,
                     @Nullable String onTime, @Nullable String late, @Nullable String csrfToken) implements CsrfForm {

        ProcessingFigures.Entry entry() {
            return new ProcessingFigures.Entry(orEmpty(procedure), orEmpty(month), orEmpty(received), orEmpty(processed), orEmpty(onTime),
                    orEmpty(late));
        }
    }

    @Serdeable
    record CsvForm(@Nullable String csv, @Nullable String csrfToken) implements CsrfForm {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String thongbao) {
        Map<String, Object> model = new HashMap<>();
        if ("da-luu".equals(thongbao)) {
            model.put("notice", "Đã lưu số liệu.");
        } else if (thongbao != null && thongbao.matches("da-nhap-\\d{1,4}")) {
            model.put("notice", "Đã nhập số liệu của " + thongbao.substring("da-nhap-".length()) + " tháng.");
        }
        return page(request, tenant, me, HttpStatus.OK, model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> enter(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body MonthForm form) {
        return figures.enter(tenant, me.id(), anyUnit(me), form.entry())
                .thenReturn(seeOther(PAGE + "?thongbao=da-luu"))
                .onErrorResume(FiguresRejected.class, e -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("form", form.entry());
                    model.put("errors", e.problems());
                    return page(request, tenant, me, HttpStatus.BAD_REQUEST, model);
                });
    }

    @Post(value = "/nhap-csv", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> importCsv(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body CsvForm form) {
        return figures.importCsv(tenant, me.id(), anyUnit(me), form.csv())
                .map(n -> seeOther(PAGE + "?thongbao=da-nhap-" + n))
                .onErrorResume(FiguresRejected.class, e -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("csv", orEmpty(form.csv()));
                    model.put("rowErrors", e.rowErrors());
                    return page(request, tenant, me, HttpStatus.BAD_REQUEST, model);
                });
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status,
                                                   Map<String, Object> model) {
        return figures.enterable(tenant, me.id(), anyUnit(me))
                .zipWith(figures.entered(tenant, me.id(), anyUnit(me)))
                .flatMap(t -> {
                    model.putIfAbsent("form", new ProcessingFigures.Entry("", "", "", "", "", ""));
                    model.putIfAbsent("errors", Map.of());
                    model.putIfAbsent("csv", String.join(",", List.of("thu_tuc", "thang", "tiep_nhan", "da_giai_quyet", "dung_han", "tre_han")) + "\n");
                    model.putIfAbsent("rowErrors", List.of());
                    model.put("procedures", t.getT1());
                    model.put("entered", t.getT2().stream().map(m -> Map.of("title", m.title(), "month", m.month().getMonthValue() + "/" + m.month().getYear(),
                            "text", FiguresText.of(m, "vi"))).toList());
                    model.put("anyUnit", anyUnit(me));
                    model.put("publicUrl", FiguresText.summaryUrl("vi"));
                    return pages.page(request, status, "reports/service-figures", model);
                });
    }

    /** Tenant admins and the head enter figures for every procedure; others for their own unit's. */
    private static boolean anyUnit(StaffAccount me) {
        return me.isTenantAdmin() || me.isHead();
    }

    private static MutableHttpResponse<String> seeOther(String location) {
        return HttpResponse.<String>status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location);
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
