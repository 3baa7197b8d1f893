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
import vn.cong.accounts.Role;
import vn.cong.admin.AdminPages;
import vn.cong.admin.StaffAccount;
import vn.cong.content.ContentNotFound;
import vn.cong.reports.contribution.Period;
import vn.cong.reports.royalties.Assessment;
import vn.cong.reports.royalties.Royalties;
import vn.cong.reports.royalties.RoyaltyRates;
import vn.cong.reports.royalties.RoyaltyRejected;
import vn.cong.tenancy.Tenant;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Assessing royalties (chấm nhuận bút): the items published in a period, each with its genre, quality coefficient and
 * author. Only the head (Tổng biên tập, Trưởng ban biên tập) sets them [001 Đ7.3c]; the deputies and the tenant admin
 * see the list. Each decision is in the audit log.
 */
@Controller(RoyaltyAssessmentController.PAGE)
@Secured(SecurityRule.IS_AUTHENTICATED)
@CsrfProtected
class RoyaltyAssessmentController {

    static final String PAGE = RoyaltiesController.PAGE + "/cham";

    private final Royalties royalties;
    private final RoyaltyRates rates;
    private final AdminPages pages;
    private final Clock clock;

    RoyaltyAssessmentController(Royalties royalties, RoyaltyRates rates, AdminPages pages, Clock clock) {
        this.royalties = royalties;
        this.rates = rates;
        this.pages = pages;
        this.clock = clock;
    }

    static boolean mayAssess(StaffAccount me) {
        return me.hasRole(Role.HEAD);
    }

    @Serdeable
    record AssessmentForm(@Nullable String genreId, @Nullable String coefficient, @Nullable String authorName, @Nullable String authorUnit,
                          @Nullable String from, @Nullable String to, @Nullable String csrfToken) implements CsrfForm {

        Royalties.Entry entry() {
            return new Royalties.Entry(genreId, coefficient, authorName, authorUnit);
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, Tenant tenant, StaffAccount me, @Nullable @QueryValue String kind,
                                           @Nullable @QueryValue String year, @Nullable @QueryValue String value,
                                           @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                           @Nullable @QueryValue String thongbao) {
        if (!RoyaltiesController.mayRead(me)) {
            return RoyaltiesController.refused(pages, request);
        }
        ContributionPeriods typed = new ContributionPeriods(kind, year, value, from, to);
        Optional<Period> period = RoyaltiesController.period(typed, clock);
        Map<String, Object> model = new HashMap<>();
        if (period.isEmpty()) {
            model.put("alert", RoyaltiesController.BAD_PERIOD);
            model.put("picker", typed);
            return pages.page(request, HttpStatus.BAD_REQUEST, "reports/royalty-assessment", model);
        }
        if (thongbao != null && thongbao.matches("da-cham-\\d{1,18}")) {
            model.put("notice", "Đã lưu nhuận bút của tin bài.");
            model.put("saved", Long.valueOf(thongbao.substring(8)));
        }
        return page(request, tenant, me, HttpStatus.OK, period.get(), model);
    }

    @Post(value = "/{itemId}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> assess(HttpRequest<?> request, Tenant tenant, StaffAccount me, long itemId, @Body AssessmentForm form) {
        Period period = new ContributionPeriods("custom", null, null, form.from(), form.to()).period()
                .or(() -> RoyaltiesController.period(new ContributionPeriods(null, null, null, null, null), clock)).orElseThrow();
        if (!mayAssess(me)) {
            Map<String, Object> model = new HashMap<>();
            model.put("alert", "Chỉ Trưởng ban biên tập (Tổng biên tập) quyết định thể loại và hệ số nhuận bút (Điều 7.3 Quy chế 001).");
            return page(request, tenant, me, HttpStatus.FORBIDDEN, period, model);
        }
        return royalties.assess(tenant, me.id(), itemId, form.entry())
                .map(saved -> HttpResponse.<String>status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION,
                        PAGE + "?from=" + period.from() + "&to=" + period.to() + "&thongbao=da-cham-" + itemId + "#tin-" + itemId))
                .onErrorResume(RoyaltyRejected.class, e -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("failed", itemId);
                    model.put("form", form);
                    model.put("errors", e.problems());
                    model.put("alert", "Chưa lưu được nhuận bút: " + String.join(" ", e.problems().values()));
                    return page(request, tenant, me, HttpStatus.BAD_REQUEST, period, model);
                })
                .onErrorResume(ContentNotFound.class, e -> pages.page(request, HttpStatus.NOT_FOUND, "error", Map.of(
                        "title", "Không tìm thấy tin bài", "message", "Tin bài không tồn tại trong cổng này.",
                        "linkHref", PAGE, "linkText", "Về danh sách chấm nhuận bút")));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, Tenant tenant, StaffAccount me, HttpStatus status, Period period,
                                                   Map<String, Object> model) {
        return royalties.items(tenant, period).zipWith(rates.table(tenant)).flatMap(t -> {
            model.put("picker", ContributionPeriods.of(period));
            model.put("period", period);
            model.put("items", t.getT1());
            model.put("rates", t.getT2());
            model.put("unassessed", t.getT1().stream().filter(a -> !a.assessed()).count());
            model.put("usual", usualGenres(t.getT1(), t.getT2()));
            model.putIfAbsent("errors", Map.of());
            model.put("mayAssess", mayAssess(me));
            model.put("query", "?from=" + period.from() + "&to=" + period.to());
            return pages.page(request, status, "reports/royalty-assessment", model);
        });
    }

    /** For each item not yet assessed, the genre first offered: the one usual for its classification. */
    private static Map<Long, Long> usualGenres(java.util.List<Assessment> items, vn.cong.reports.royalties.RateTable rates) {
        Map<Long, Long> usual = new HashMap<>();
        items.forEach(a -> rates.usualFor(a.classificationGenre()).ifPresent(g -> usual.put(a.itemId(), a.assessed() ? a.genreId() : g.id())));
        return usual;
    }

}
