package vn.cong.console;

import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.ops.maintenance.MaintenanceRequest;
import vn.cong.ops.maintenance.MaintenanceWindow;
import vn.cong.ops.maintenance.MaintenanceWindows;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.manifest.FieldError;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;
import vn.cong.web.TokenOnlyForm;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;

/** Maintenance windows at the console: the current, upcoming and recent ones; announce one; cancel one. */
@Controller(Console.ROOT + "/bao-tri")
@Secured(SecurityRule.IS_ANONYMOUS)
@CsrfProtected
class ConsoleMaintenanceController {

    private static final Duration RECENT = Duration.ofDays(30);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VietnamTime.ZONE);

    private final MaintenanceWindows windows;
    private final TenantRegistry registry;
    private final OperatorAudit audit;
    private final ConsolePages pages;
    private final Clock clock;

    ConsoleMaintenanceController(MaintenanceWindows windows, TenantRegistry registry, OperatorAudit audit, ConsolePages pages, Clock clock) {
        this.clock = clock;
        this.windows = windows;
        this.registry = registry;
        this.audit = audit;
        this.pages = pages;
    }

    /** The announce form as posted; times from {@code datetime-local} inputs are Vietnam time. */
    @Serdeable
    public record AnnounceForm(@Nullable String allTenants, @Nullable List<String> tenants, @Nullable String startsAt, @Nullable String endsAt,
                        @Nullable String messageVi, @Nullable String messageEn, @Nullable String csrfToken) implements CsrfForm {

        static AnnounceForm empty() {
            return new AnnounceForm(null, List.of(), "", "", "", "", null);
        }

        public boolean all() {
            return allTenants != null;
        }

        public List<String> chosen() {
            return tenants == null ? List.of() : tenants;
        }

        Map<String, Object> asRequest() {
            Map<String, Object> body = new HashMap<>();
            body.put("tenants", all() ? "all" : chosen());
            body.put("startsAt", startsAt == null ? "" : startsAt);
            body.put("endsAt", endsAt == null ? "" : endsAt);
            body.put("message", Map.of("vi", messageVi == null ? "" : messageVi, "en", messageEn == null ? "" : messageEn));
            return body;
        }
    }

    /** One window as the list shows it. */
    public record WindowRow(MaintenanceWindow window, String portals, String from, String to, boolean over) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request) {
        return page(request, HttpStatus.OK, AnnounceForm.empty(), List.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> announce(HttpRequest<?> request, @Body AnnounceForm form) {
        MaintenanceRequest.Checked checked = MaintenanceRequest.check(form.asRequest(), code -> registry.findByCode(code).isPresent(),
                clock.instant());
        OperatorActor who = OperatorAuthentication.actorOf(request);
        if (checked.request() == null) {
            return audit.record(who, "ops.maintenance.announce", null, OperatorAudit.Outcome.REFUSED,
                            Map.of("errors", checked.errors().stream().map(e -> e.field() + ": " + e.message()).toList()))
                    .then(page(request, HttpStatus.UNPROCESSABLE_ENTITY, form, checked.errors()));
        }
        return windows.announce(checked.request(), who.name(), clock.instant())
                .flatMap(w -> audit.record(who, "ops.maintenance.announce", null, OperatorAudit.Outcome.OK, MaintenanceWindows.details(w)))
                .thenReturn(Console.seeOther(Console.ROOT + "/bao-tri"));
    }

    @Post(value = "/{id}/huy", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> cancel(HttpRequest<?> request, @PathVariable long id, @Body TokenOnlyForm form) {
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return windows.cancel(id, who.name())
                .flatMap(cancelled -> audit.record(who, "ops.maintenance.cancel", null,
                        cancelled ? OperatorAudit.Outcome.OK : OperatorAudit.Outcome.REFUSED, Map.of("window", id)).thenReturn(cancelled))
                .flatMap(cancelled -> cancelled ? Mono.just(Console.seeOther(Console.ROOT + "/bao-tri"))
                        : pages.page(request, HttpStatus.NOT_FOUND, "not-found",
                        Map.of("message", "Không có khung bảo trì #" + id + " (hoặc đã huỷ).")));
    }

    private Mono<MutableHttpResponse<String>> page(HttpRequest<?> request, HttpStatus status, AnnounceForm form, List<FieldError> errors) {
        Instant now = clock.instant();
        return windows.endingAfter(now.minus(RECENT)).map(w -> row(w, now)).collectList().flatMap(rows -> {
            Map<String, Object> model = new HashMap<>();
            model.put("windows", rows);
            model.put("tenants", registry.all());
            model.put("form", form);
            model.put("errors", errors);
            model.put("errorFields", errors.stream().map(FieldError::field).toList());
            return pages.page(request, status, "maintenance", model);
        });
    }

    private WindowRow row(MaintenanceWindow w, Instant now) {
        String portals = w.allTenants() ? "Tất cả các cổng" : String.join(", ", w.tenantCodes());
        return new WindowRow(w, portals, WHEN.format(w.startsAt()), WHEN.format(w.endsAt()), !w.endsAt().isAfter(now));
    }
}
