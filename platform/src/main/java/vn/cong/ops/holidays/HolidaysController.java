package vn.cong.ops.holidays;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.web.ApiErrors;
import vn.cong.web.JsonObjects;
import vn.cong.workflow.deadline.CalendarWarnings;
import vn.cong.workflow.deadline.HolidayCalendar;
import vn.cong.workflow.deadline.HolidayYearCheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The holiday calendar on the operator API, twin of the console's screen: every year with where it comes
 * from and the warnings; a year added or replaced ({@code PUT /api/v1/holidays/2028}, 422 listing every
 * problem), audited. {@code OperatorApiFilter} has already checked the host and the credentials.
 */
@Controller("/api/v1/holidays")
@Secured(SecurityRule.IS_ANONYMOUS)
class HolidaysController {

    private final HolidayCalendar calendar;
    private final OperatorAudit audit;
    private final JsonMapper json;
    private final Clock clock;

    HolidaysController(HolidayCalendar calendar, OperatorAudit audit, JsonMapper json, Clock clock) {
        this.calendar = calendar;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Serdeable
    record EntryView(String from, String to, String name, boolean provisional) {
    }

    @Serdeable
    record WorkingDayView(String date, String name) {
    }

    @Serdeable
    record YearView(int year, String source, List<EntryView> holidays, List<WorkingDayView> workingDays, @Nullable String updatedBy) {

        static YearView of(HolidayCalendar.Year y) {
            return new YearView(y.year(), y.source().name().toLowerCase(java.util.Locale.ROOT),
                    y.holidays().stream().map(e -> new EntryView(e.from().toString(), e.to().toString(), e.name(), e.provisional())).toList(),
                    y.workingDays().stream().map(e -> new WorkingDayView(e.from().toString(), e.name())).toList(), y.updatedBy());
        }
    }

    @Serdeable
    record CalendarView(List<YearView> years, List<String> warnings) {
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    CalendarView list() {
        return new CalendarView(calendar.years().values().stream().map(YearView::of).toList(),
                CalendarWarnings.on(calendar.calendar(), LocalDate.ofInstant(clock.instant(), calendar.calendar().zone())));
    }

    /** Body: {@code {"replacesBundled": false, "holidays": [{"from", "to", "name", "provisional"}], "workingDays": [{"date", "name"}]}}. */
    @Put(uri = "/{year}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> save(HttpRequest<?> request, @PathVariable String year, @Body @Nullable String body) {
        Map<String, Object> fields = JsonObjects.read(json, body);
        if (fields == null) {
            return Mono.just(HttpResponse.badRequest(ApiErrors.of(
                    "Nội dung phải là một đối tượng JSON: replacesBundled, holidays [{from, to, name, provisional}], workingDays [{date, name}].")));
        }
        HolidayYearCheck.Checked checked = HolidayYearCheck.check(year, Boolean.TRUE.equals(fields.get("replacesBundled")),
                given(fields.get("holidays"), "holidays", "from"), given(fields.get("workingDays"), "workingDays", "date"), calendar::isBundled);
        OperatorActor who = OperatorAuthentication.actorOf(request);
        if (checked.year() == null) {
            return audit.record(who, "ops.holidays.save", null, OperatorAudit.Outcome.REFUSED,
                            Map.of("year", year, "errors", checked.errors().stream().map(e -> e.field() + ": " + e.message()).toList()))
                    .thenReturn(HttpResponse.unprocessableEntity().body(new ApiErrors(checked.errors())));
        }
        return calendar.save(checked.year(), who.name())
                .flatMap(saved -> audit.record(who, "ops.holidays.save", null, OperatorAudit.Outcome.OK, saved.auditDetails())
                        .thenReturn(HttpResponse.ok(YearView.of(saved))));
    }

    private static List<HolidayYearCheck.Given> given(@Nullable Object list, String field, String fromKey) {
        List<HolidayYearCheck.Given> given = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                Map<?, ?> m = l.get(i) instanceof Map<?, ?> x ? x : Map.of();
                given.add(new HolidayYearCheck.Given(field + "[" + i + "]", text(m.get(fromKey)), m.get("to") == null ? null : text(m.get("to")),
                        text(m.get("name")), Boolean.TRUE.equals(m.get("provisional"))));
            }
        }
        return given;
    }

    private static String text(@Nullable Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
