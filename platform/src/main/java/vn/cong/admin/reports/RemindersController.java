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
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.admin.StaffMenu;
import vn.cong.reports.export.ReportExports;
import vn.cong.reports.export.ReportFormat;
import vn.cong.reports.reminders.ReminderRejected;
import vn.cong.reports.reminders.RemindersDocument;
import vn.cong.reports.reminders.UnitReminders;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Reminders to units and emulation grades (seed 003 Đ18): every staff member sees a year's counts and their
 * consequence; the editorial board (head, deputy head) and tenant admins record a reminder. Downloadable.
 */
@Controller(RemindersController.PAGE)
@StaffMenu(group = StaffMenu.Group.REPORTS, order = 40, label = "Nhắc nhở và thi đua")
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class RemindersController {

    static final String PAGE = "/quan-tri/bao-cao/nhac-nho";

    private final UnitReminders reminders;
    private final ReportExports exports;
    private final AdminPages pages;

    RemindersController(UnitReminders reminders, ReportExports exports, AdminPages pages) {
        this.reminders = reminders;
        this.exports = exports;
        this.pages = pages;
    }

    @Serdeable
    record ReminderForm(@Nullable String unitId, @Nullable String remindedOn, @Nullable String reason, @Nullable String csrfToken)
            implements CsrfForm {

        UnitReminders.Entry entry() {
            return new UnitReminders.Entry(unitId == null ? "" : unitId, remindedOn == null ? "" : remindedOn, reason == null ? "" : reason);
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String nam,
                                           @Nullable @QueryValue String thongbao) {
        Optional<Integer> year = year(nam);
        if (year.isEmpty()) {
            Map<String, Object> model = new HashMap<>();
            model.put("alert", "Năm «" + nam + "» không hợp lệ.");
            return page(request, tenant, me, HttpStatus.BAD_REQUEST, reminders.thisYear(), model);
        }
        Map<String, Object> model = new HashMap<>();
        if (thongbao != null && thongbao.matches("lan-\\d{1,4}")) {
            model.put("notice", "Đã ghi nhắc nhở: lần thứ " + thongbao.substring(4) + " của đơn vị trong năm.");
        }
        return page(request, tenant, me, HttpStatus.OK, year.get(), model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> record(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Body ReminderForm form) {
        if (!mayRecord(me)) {
            Map<String, Object> model = new HashMap<>();
            model.put("alert", "Chỉ Ban Biên tập (trưởng, phó ban) và quản trị cổng được ghi nhắc nhở.");
            return page(request, tenant, me, HttpStatus.FORBIDDEN, reminders.thisYear(), model);
        }
        return reminders.record(tenant, me.id(), form.entry())
                .map(count -> HttpResponse.<String>status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION,
                        PAGE + "?nam=" + form.entry().remindedOn().strip().substring(0, 4) + "&thongbao=lan-" + count))
                .onErrorResume(ReminderRejected.class, e -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("form", form.entry());
                    model.put("errors", e.problems());
                    return page(request, tenant, me, HttpStatus.BAD_REQUEST, reminders.thisYear(), model);
                });
    }

    @Get("/tai-ve/{format}")
    @Produces(MediaType.ALL)
    Mono<MutableHttpResponse<?>> download(Tenant tenant, String format, @Nullable @QueryValue String nam) {
        Optional<ReportFormat> wanted = ReportFormat.fromExtension(format);
        Optional<Integer> year = year(nam);
        if (wanted.isEmpty() || year.isEmpty()) {
            return Mono.just(HttpResponse.notFound());
        }
        return reminders.year(tenant, year.get()).zipWith(reminders.reminders(tenant, year.get()))
                .flatMap(t -> exports.export(RemindersDocument.of(tenant, year.get(), t.getT1(), t.getT2()), wanted.get(),
                        "Nhắc nhở và thi đua năm " + year.get()))
                .map(file -> file.download());
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status, int year,
                                                   Map<String, Object> model) {
        return reminders.year(tenant, year).zipWith(reminders.reminders(tenant, year)).flatMap(t -> {
            model.putIfAbsent("form", new UnitReminders.Entry("", "", ""));
            model.putIfAbsent("errors", Map.of());
            model.put("year", year);
            model.put("years", IntStream.rangeClosed(reminders.thisYear() - 5, reminders.thisYear()).boxed().sorted((a, b) -> b - a).toList());
            model.put("units", t.getT1());
            model.put("report", RemindersDocument.of(tenant, year, t.getT1(), t.getT2()));
            model.put("formats", ReportFormat.values());
            model.put("mayRecord", mayRecord(me));
            return pages.page(request, status, "reports/reminders", model);
        });
    }

    private Optional<Integer> year(@Nullable String nam) {
        if (nam == null) {
            return Optional.of(reminders.thisYear());
        }
        return nam.matches("\\d{4}") && Integer.parseInt(nam) >= 2000 && Integer.parseInt(nam) <= reminders.thisYear()
                ? Optional.of(Integer.parseInt(nam)) : Optional.empty();
    }

    private static boolean mayRecord(StaffAccount me) {
        return me.hasAnyRole(Role.HEAD, Role.DEPUTY_HEAD, Role.TENANT_ADMIN);
    }
}
