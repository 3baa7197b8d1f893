package vn.cong.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.tenancy.manifest.FieldError;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.workflow.deadline.CalendarWarnings;
import vn.cong.workflow.deadline.HolidayCalendar;
import vn.cong.workflow.deadline.HolidayEntry;
import vn.cong.workflow.deadline.HolidayYearCheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The holiday calendar at the console: every year with where it comes from and its provisional entries,
 * the warnings (each linking to the year's form), and a year added, or a bundled year replaced.
 */
@Controller(Console.ROOT + "/lich-nghi-le")
@Secured(SecurityRule.IS_ANONYMOUS)
@CsrfProtected
class ConsoleHolidaysController {

    static final String PATH = Console.ROOT + "/lich-nghi-le";

    private final HolidayCalendar calendar;
    private final OperatorAudit audit;
    private final ConsolePages pages;
    private final Clock clock;

    ConsoleHolidaysController(HolidayCalendar calendar, OperatorAudit audit, ConsolePages pages, Clock clock) {
        this.calendar = calendar;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    /** The year form as posted: the year, whether it replaces the bundled one, one entry a line. */
    @Serdeable
    public record YearForm(@Nullable String year, @Nullable String replacesBundled, @Nullable String holidays, @Nullable String workingDays,
                           @Nullable String csrfToken) implements CsrfForm {

        public boolean replaces() {
            return replacesBundled != null;
        }

        static YearForm of(HolidayCalendar.Year y, boolean bundled) {
            return new YearForm(String.valueOf(y.year()), bundled ? "on" : null, lines(y.holidays()), lines(y.workingDays()), null);
        }

        private static String lines(List<HolidayEntry> entries) {
            return entries.stream().map(HolidayYearCheck::line).collect(Collectors.joining("\n"));
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, @QueryValue @Nullable Integer nam) {
        YearForm form = nam == null ? new YearForm(String.valueOf(nextMissing()), null, "", "", null)
                : calendar.year(nam).map(y -> YearForm.of(y, calendar.isBundled(nam)))
                .orElseGet(() -> new YearForm(String.valueOf(nam), null, "", "", null));
        return page(request, HttpStatus.OK, form, List.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> save(HttpRequest<?> request, @Body YearForm form) {
        HolidayYearCheck.Checked checked = HolidayYearCheck.form(form.year(), form.replaces(), form.holidays(), form.workingDays(),
                calendar::isBundled);
        OperatorActor who = OperatorAuthentication.actorOf(request);
        if (checked.year() == null) {
            return audit.record(who, "ops.holidays.save", null, OperatorAudit.Outcome.REFUSED,
                            Map.of("year", form.year() == null ? "" : form.year(),
                                    "errors", checked.errors().stream().map(e -> e.field() + ": " + e.message()).toList()))
                    .then(page(request, HttpStatus.UNPROCESSABLE_ENTITY, form, checked.errors()));
        }
        return calendar.save(checked.year(), who.name())
                .flatMap(saved -> audit.record(who, "ops.holidays.save", null, OperatorAudit.Outcome.OK, saved.auditDetails()))
                .thenReturn(Console.seeOther(PATH + "#nam-" + checked.year().year()));
    }

    /** The first year from this one on that the calendar lacks: what the operator most likely adds next. */
    private int nextMissing() {
        int year = today().getYear();
        while (calendar.years().containsKey(year)) {
            year++;
        }
        return year;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.calendar().zone());
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, HttpStatus status, YearForm form, List<FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("years", List.copyOf(calendar.years().values()));
        model.put("warnings", CalendarWarnings.warnings(calendar.calendar(), today()));
        model.put("today", today());
        model.put("form", form);
        model.put("errors", errors);
        model.put("errorFields", errors.stream().map(FieldError::field).toList());
        return pages.page(request, status, "holidays", model);
    }
}
