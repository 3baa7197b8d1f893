package vn.cong.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.SecondFactor;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.Tenant.TenantStatus;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.TenantLifecycle;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.workflow.RegulationPreset;
import vn.cong.workflow.RegulationProfiles;
import vn.cong.web.ApiErrors;
import vn.cong.web.JsonObjects;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operator API on {@code admin.<base-domain>}: onboard a tenant from a JSON manifest, list and
 * inspect tenants, move one through its lifecycle. {@code OperatorApiFilter} has already checked
 * the host and the operator's credentials; micronaut-security does not cover these paths.
 */
@Controller("/api/v1/tenants")
@Secured(SecurityRule.IS_ANONYMOUS)
class OperatorTenantController {

    private final Onboarding onboarding;
    private final TenantOverview overview;
    private final TenantLifecycle lifecycle;
    private final JsonMapper json;
    private final OperatorAudit audit;
    private final TenantRegistry registry;
    private final SecondFactor secondFactor;
    private final RegulationProfiles profiles;

    OperatorTenantController(Onboarding onboarding, TenantOverview overview, TenantLifecycle lifecycle, JsonMapper json,
                             OperatorAudit audit, TenantRegistry registry, SecondFactor secondFactor, RegulationProfiles profiles) {
        this.profiles = profiles;
        this.registry = registry;
        this.secondFactor = secondFactor;
        this.onboarding = onboarding;
        this.overview = overview;
        this.lifecycle = lifecycle;
        this.json = json;
        this.audit = audit;
    }

    /** 201 when the tenant was created, 200 when it existed (the report says what changed), 422 listing every error. */
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> onboard(HttpRequest<?> request, @Body @Nullable String body) {
        Map<String, Object> manifest = JsonObjects.read(json, body);
        if (manifest == null) {
            return Mono.just(HttpResponse.badRequest(ApiErrors.of("Nội dung phải là một đối tượng JSON (khai báo cổng).")));
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        // "cluster": where a new tenant's schema goes (not a manifest key: the operator's choice, not the tenant's)
        Map<String, Object> fields = new java.util.LinkedHashMap<>(manifest);
        Object cluster = fields.remove("cluster");
        return onboarding.onboard(ManifestReader.fromMap(fields), cluster == null ? null : cluster.toString()).flatMap(report -> audit.record(who, "ops.tenant.onboard",
                        report.code(), report.isValid() ? OperatorAudit.Outcome.OK : OperatorAudit.Outcome.REFUSED, OnboardingAudit.details(report))
                .thenReturn(report))
                .map(report -> {
                    if (!report.isValid()) {
                        return HttpResponse.unprocessableEntity().body(new ApiErrors(report.errors()));
                    }
                    return report.created()
                            ? HttpResponse.created(report, URI.create("/api/v1/tenants/" + report.code()))
                            : HttpResponse.ok(report);
                });
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    Flux<TenantOverview.TenantView> list() {
        return overview.list();
    }

    @Get(uri = "/{code}", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> show(@PathVariable String code) {
        return overview.find(code).<HttpResponse<?>>map(HttpResponse::ok)
                .defaultIfEmpty(notFound(code));
    }

    /** Body: {@code {"status": "suspended", "notice": "…"}}; the notice is shown on the portal while it is not active. */
    @Post(uri = "/{code}/status", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> changeStatus(HttpRequest<?> request, @PathVariable String code, @Body @Nullable String body) {
        Map<String, Object> change = JsonObjects.read(json, body);
        TenantStatus status = change == null ? null : statusOf(change.get("status"));
        if (status == null) {
            return Mono.just(HttpResponse.unprocessableEntity().body(ApiErrors.of("status",
                    "trạng thái phải là một trong: " + Arrays.stream(TenantStatus.values()).map(TenantStatus::db)
                            .collect(Collectors.joining(", ")))));
        }
        Object notice = change.get("notice");
        String text = notice == null || notice.toString().isBlank() ? null : notice.toString().strip();
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return lifecycle.change(code, status, text, who.name())
                .flatMap(result -> audit.record(who, "ops.tenant.status", code, OnboardingAudit.outcomeOf(result),
                        OnboardingAudit.details(result)).thenReturn(result))
                .flatMap(result -> switch (result.outcome()) {
            case UNKNOWN_TENANT -> Mono.just(notFound(code));
            case NOT_ALLOWED -> Mono.just(HttpResponse.status(HttpStatus.CONFLICT).body(ApiErrors.of("status",
                    "không thể chuyển cổng từ trạng thái «" + result.from().db() + "» sang «" + status.db() + "»")));
            case CHANGED, UNCHANGED -> {
                yield overview.find(code).<HttpResponse<?>>map(HttpResponse::ok).defaultIfEmpty(notFound(code));
            }
        });
    }

    /**
     * The operator chooses the regulation preset a tenant follows. Body: {@code {"preset": "moha"}}; every
     * value goes back to the preset's (in the tenant's audit log and the operator audit). 200 with
     * {@code {"code", "preset", "changed"}}, 422 for an unknown preset, 404 without such a tenant.
     */
    @Post(uri = "/{code}/profile", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> chooseProfile(HttpRequest<?> request, @PathVariable String code, @Body @Nullable String body) {
        Tenant tenant = registry.findByCode(code).filter(Tenant::isServing).orElse(null);
        if (tenant == null) {
            return Mono.just(notFound(code));
        }
        Map<String, Object> change = JsonObjects.read(json, body);
        Object named = change == null ? null : change.get("preset");
        var preset = named == null ? java.util.Optional.<RegulationPreset>empty() : RegulationPreset.of(named.toString());
        if (preset.isEmpty()) {
            return Mono.just(HttpResponse.unprocessableEntity().body(ApiErrors.of("preset", "bộ quy định phải là một trong: "
                    + Arrays.stream(RegulationPreset.values()).map(RegulationPreset::code).collect(Collectors.joining(", ")))));
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return profiles.choose(tenant, preset.get(), null)
                .flatMap(changed -> audit.record(who, "ops.tenant.profile", code, OperatorAudit.Outcome.OK,
                                Map.of("preset", preset.get().code(), "changed", changed))
                        .thenReturn(HttpResponse.ok(Map.of("code", code, "preset", preset.get().code(), "changed", changed))));
    }

    /**
     * A tenant admin lost the device: switches that admin's second factor off (audited here and in the
     * tenant's audit log). 200 with {@code {"username", "reset": true}}, 404 without such a tenant or admin.
     */
    @Post(uri = "/{code}/admins/{username}/mfa-reset", produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> resetSecondFactor(HttpRequest<?> request, @PathVariable String code, @PathVariable String username) {
        Tenant tenant = registry.findByCode(code).filter(Tenant::isServing).orElse(null);
        if (tenant == null) {
            return Mono.just(notFound(code));
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return secondFactor.resetTenantAdmin(tenant, username, who.name())
                .flatMap(reset -> audit.record(who, "ops.tenant.mfa-reset", code, reset ? OperatorAudit.Outcome.OK : OperatorAudit.Outcome.REFUSED,
                                Map.of("username", OperatorAuthentication.truncated(username)))
                        .thenReturn(reset ? HttpResponse.ok(Map.of("username", username, "reset", true))
                                : HttpResponse.notFound(ApiErrors.of("username", "cổng không có quản trị cổng «"
                                        + OperatorAuthentication.truncated(username) + "»"))));
    }

    private static TenantStatus statusOf(Object raw) {
        if (raw == null) {
            return null;
        }
        return Arrays.stream(TenantStatus.values())
                .filter(s -> s.db().equals(raw.toString().trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    private static HttpResponse<?> notFound(String code) {
        return HttpResponse.notFound(ApiErrors.of("code", "không có cổng mã «" + code + "»"));
    }
}
