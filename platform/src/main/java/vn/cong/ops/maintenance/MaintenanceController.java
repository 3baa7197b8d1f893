package vn.cong.ops.maintenance;

import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.web.ApiErrors;
import vn.cong.web.JsonObjects;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.time.Clock;

/**
 * Maintenance windows on the operator host: announce one (422 listing every problem), list the
 * current, upcoming and recent ones, cancel one. {@code OperatorApiFilter} has already checked the
 * host and the operator's credentials.
 */
@Controller("/api/v1/maintenance")
@Secured(SecurityRule.IS_ANONYMOUS)
class MaintenanceController {

    private static final Duration RECENT = Duration.ofDays(30);

    private final MaintenanceWindows windows;
    private final TenantRegistry registry;
    private final JsonMapper json;
    private final OperatorAudit audit;
    private final Clock clock;

    MaintenanceController(MaintenanceWindows windows, TenantRegistry registry, JsonMapper json, OperatorAudit audit, Clock clock) {
        this.clock = clock;
        this.windows = windows;
        this.registry = registry;
        this.json = json;
        this.audit = audit;
    }

    /** A window as the API shows it; times ISO-8601 in Vietnam time. */
    @Serdeable
    record WindowView(long id, boolean allTenants, List<String> tenants, String startsAt, String endsAt,
                      Message message, String createdBy, String createdAt) {

        static WindowView of(MaintenanceWindow w) {
            return new WindowView(w.id(), w.allTenants(), w.tenantCodes(), iso(w.startsAt()), iso(w.endsAt()),
                    new Message(w.messageVi(), w.messageEn()), w.createdBy(), iso(w.createdAt()));
        }
    }

    @Serdeable
    record Message(String vi, String en) {
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> announce(HttpRequest<?> request, @Body @Nullable String body) {
        Map<String, Object> fields = JsonObjects.read(json, body);
        if (fields == null) {
            return Mono.just(HttpResponse.badRequest(ApiErrors.of(
                    "Nội dung phải là một đối tượng JSON: tenants, startsAt, endsAt, message {vi, en}.")));
        }
        MaintenanceRequest.Checked checked = MaintenanceRequest.check(fields, code -> registry.findByCode(code).isPresent(), clock.instant());
        OperatorActor who = OperatorAuthentication.actorOf(request);
        if (checked.request() == null) {
            return audit.record(who, "ops.maintenance.announce", null, OperatorAudit.Outcome.REFUSED,
                            Map.of("errors", checked.errors().stream().map(e -> e.field() + ": " + e.message()).toList()))
                    .thenReturn(HttpResponse.unprocessableEntity().body(new ApiErrors(checked.errors())));
        }
        return windows.announce(checked.request(), who.name(), clock.instant())
                .flatMap(w -> audit.record(who, "ops.maintenance.announce", null, OperatorAudit.Outcome.OK, MaintenanceWindows.details(w))
                        .thenReturn(HttpResponse.created(WindowView.of(w), URI.create("/api/v1/maintenance/" + w.id()))));
    }

    /** Current and upcoming windows, and those that ended in the last 30 days. */
    @Get(produces = MediaType.APPLICATION_JSON)
    Flux<WindowView> list() {
        return windows.endingAfter(clock.instant().minus(RECENT)).map(WindowView::of);
    }

    @Delete(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> cancel(HttpRequest<?> request, @PathVariable long id) {
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return windows.cancel(id, who.name())
                .flatMap(cancelled -> audit.record(who, "ops.maintenance.cancel", null,
                        cancelled ? OperatorAudit.Outcome.OK : OperatorAudit.Outcome.REFUSED, Map.of("window", id)).thenReturn(cancelled))
                .map(cancelled -> cancelled ? HttpResponse.noContent()
                        : HttpResponse.notFound(ApiErrors.of("id", "không có khung bảo trì mã " + id + " (hoặc đã huỷ)")));
    }

    private static String iso(Instant t) {
        return t.atZone(VietnamTime.ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
