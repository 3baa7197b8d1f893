package vn.cong.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;
import vn.cong.accounts.SecondFactor;
import vn.cong.onboarding.Onboarding;
import vn.cong.onboarding.OnboardingAudit;
import vn.cong.onboarding.TenantLimitsOverview;
import vn.cong.onboarding.TenantOverview;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.RegulationPreset;
import vn.cong.workflow.RegulationProfiles;
import vn.cong.tenancy.Tenant.TenantStatus;
import vn.cong.tenancy.MinistryFederation;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.TenantLifecycle;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.web.CsrfForm;
import vn.cong.web.CsrfProtected;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tenants at the console: the list, one tenant with its lifecycle, and onboarding from a YAML manifest. */
@Controller(Console.ROOT)
@Secured(SecurityRule.IS_ANONYMOUS)
@CsrfProtected
class ConsoleTenantsController {

    private static final int MAX_MANIFEST = 512 * 1024;

    private final TenantOverview overview;
    private final TenantLifecycle lifecycle;
    private final Onboarding onboarding;
    private final OperatorAudit audit;
    private final ConsolePages pages;
    private final TenantRegistry registry;
    private final SecondFactor secondFactor;
    private final TenantLimitsOverview limits;
    private final RegulationProfiles profiles;
    private final vn.cong.ops.backup.ClusterOverview clusters;
    private final MinistryFederation federation;

    ConsoleTenantsController(TenantOverview overview, TenantLifecycle lifecycle, Onboarding onboarding, OperatorAudit audit,
                             ConsolePages pages, TenantRegistry registry, SecondFactor secondFactor, TenantLimitsOverview limits,
                             RegulationProfiles profiles, vn.cong.ops.backup.ClusterOverview clusters, MinistryFederation federation) {
        this.clusters = clusters;
        this.federation = federation;
        this.limits = limits;
        this.profiles = profiles;
        this.registry = registry;
        this.secondFactor = secondFactor;
        this.overview = overview;
        this.lifecycle = lifecycle;
        this.onboarding = onboarding;
        this.audit = audit;
        this.pages = pages;
    }

    @Serdeable
    record StatusForm(@Nullable String status, @Nullable String notice, @Nullable String csrfToken) implements CsrfForm {
    }

    @Get(value = "/cong", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> list(HttpRequest<?> request) {
        return overview.list().collectList().flatMap(tenants -> pages.page(request, "tenants", Map.of("tenants", tenants,
                // a lost schema is said first: the portal answers 503 until it is restored
                "lost", tenants.stream().filter(t -> "missing".equals(t.migrationStatus())).toList(),
                // schemas this node is still migrating after its start-up (TenantSchemaUpgrade): cached pages only meanwhile
                "upgrading", tenants.stream().filter(t -> "upgrading".equals(t.migrationStatus())).toList())));
    }

    @Get(value = "/cong/moi", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> onboardForm(HttpRequest<?> request) {
        return onboardPage(request, HttpStatus.OK, "", List.of(), null);
    }

    /** The onboarding form, with the clusters a new tenant may go to (the configured default chosen unless another was typed). */
    private Mono<MutableHttpResponse<String>> onboardPage(HttpRequest<?> request, HttpStatus status, String manifest,
                                                          List<vn.cong.tenancy.manifest.FieldError> errors, @Nullable String cluster) {
        return clusters.forNewTenants().flatMap(choices -> pages.page(request, status, "onboard", Map.of("manifest", manifest,
                "errors", errors, "clusters", choices, "cluster", cluster == null ? "" : cluster, "fewest", clusters.placesByCount())));
    }

    /** The manifest pasted into the form, or uploaded as a file (which wins when both are given). */
    @Post(value = "/cong/moi", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> onboard(HttpRequest<?> request, @Part("manifest") @Nullable String manifest,
                                              @Part("file") @Nullable CompletedFileUpload file, @Part("csrfToken") @Nullable String csrfToken,
                                              @Part("cluster") @Nullable String cluster) {
        String text;
        try {
            text = file != null && file.getSize() > 0 ? new String(file.getBytes(), StandardCharsets.UTF_8) : manifest == null ? "" : manifest;
        } catch (IOException e) {
            return onboardPage(request, HttpStatus.UNPROCESSABLE_ENTITY, manifest == null ? "" : manifest,
                    List.of(new vn.cong.tenancy.manifest.FieldError("file", "Không đọc được tệp tải lên: " + e.getMessage())), cluster);
        }
        if (text.isBlank() || text.length() > MAX_MANIFEST) {
            return onboardPage(request, HttpStatus.UNPROCESSABLE_ENTITY, text,
                    List.of(new vn.cong.tenancy.manifest.FieldError("", text.isBlank()
                            ? "Hãy dán nội dung tệp khai báo (YAML) hoặc chọn tệp để tải lên."
                            : "Tệp khai báo dài quá " + MAX_MANIFEST / 1024 + " KiB.")), cluster);
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        String pasted = text;
        return onboarding.onboard(ManifestReader.parse(text), cluster)
                .flatMap(report -> audit.record(who, "ops.tenant.onboard", report.code(),
                        report.isValid() ? OperatorAudit.Outcome.OK : OperatorAudit.Outcome.REFUSED, OnboardingAudit.details(report)).thenReturn(report))
                .flatMap(report -> report.isValid()
                        ? pages.page(request, report.created() ? HttpStatus.CREATED : HttpStatus.OK, "onboarded", Map.of("report", report))
                        : onboardPage(request, HttpStatus.UNPROCESSABLE_ENTITY, pasted, report.errors(), cluster));
    }

    @Get(value = "/cong/{code}", produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> show(HttpRequest<?> request, @PathVariable String code) {
        return detail(request, HttpStatus.OK, code, null);
    }

    @Post(value = "/cong/{code}/trang-thai", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> changeStatus(HttpRequest<?> request, @PathVariable String code, @Body StatusForm form) {
        TenantStatus to = Arrays.stream(TenantStatus.values()).filter(s -> s.db().equals(form.status())).findFirst().orElse(null);
        if (to == null) {
            return detail(request, HttpStatus.UNPROCESSABLE_ENTITY, code, "Hãy chọn trạng thái mới.");
        }
        String notice = form.notice() == null || form.notice().isBlank() ? null : form.notice().strip();
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return lifecycle.change(code, to, notice, who.name())
                .flatMap(result -> audit.record(who, "ops.tenant.status", code, OnboardingAudit.outcomeOf(result),
                        OnboardingAudit.details(result)).thenReturn(result))
                .flatMap(result -> switch (result.outcome()) {
                    case UNKNOWN_TENANT -> notFound(request, code);
                    case NOT_ALLOWED -> detail(request, HttpStatus.CONFLICT, code, "Không thể chuyển cổng từ «"
                            + StatusLabels.of(result.from().db()) + "» sang «" + StatusLabels.of(to.db()) + "».");
                    case CHANGED, UNCHANGED -> Mono.just(Console.seeOther(Console.ROOT + "/cong/" + code));
                });
    }

    @Serdeable
    record PresetForm(@Nullable String preset, @Nullable String csrfToken) implements CsrfForm {
    }

    /** The operator makes the tenant follow another agency's regulation: every value back to that preset's (both audit trails). */
    @Post(value = "/cong/{code}/quy-dinh", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> choosePreset(HttpRequest<?> request, @PathVariable String code, @Body PresetForm form) {
        Tenant tenant = registry.findByCode(code).filter(Tenant::isServing).orElse(null);
        if (tenant == null) {
            return notFound(request, code);
        }
        var preset = RegulationPreset.of(form.preset() == null ? "" : form.preset().strip());
        if (preset.isEmpty()) {
            return detail(request, HttpStatus.UNPROCESSABLE_ENTITY, code, "Hãy chọn một bộ quy định trong danh sách.");
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return profiles.choose(tenant, preset.get(), null)
                .flatMap(changed -> audit.record(who, "ops.tenant.profile", code, OperatorAudit.Outcome.OK,
                        Map.of("preset", preset.get().code(), "changed", changed)))
                .thenReturn(Console.seeOther(Console.ROOT + "/cong/" + code + "#quy-dinh"));
    }

    @Serdeable
    record ResetForm(@Nullable String username, @Nullable String csrfToken) implements CsrfForm {
    }

    /** A tenant admin lost the device: the operator switches that admin's second factor off (both audit trails). */
    @Post(value = "/cong/{code}/dat-lai-hai-buoc", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> resetSecondFactor(HttpRequest<?> request, @PathVariable String code, @Body ResetForm form) {
        Tenant tenant = registry.findByCode(code).orElse(null);
        if (tenant == null || !tenant.isServing()) {
            return notFound(request, code);
        }
        String username = form.username() == null ? "" : form.username().strip();
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return secondFactor.resetTenantAdmin(tenant, username, who.name())
                .flatMap(reset -> audit.record(who, "ops.tenant.mfa-reset", code, reset ? OperatorAudit.Outcome.OK : OperatorAudit.Outcome.REFUSED,
                                Map.of("username", OperatorAuthentication.truncated(username)))
                        .then(reset ? Mono.just(Console.seeOther(Console.ROOT + "/cong/" + code + "?dat-lai=1"))
                                : detail(request, HttpStatus.NOT_FOUND, code, "Cổng không có quản trị cổng «"
                                        + OperatorAuthentication.truncated(username) + "».")));
    }

    @Serdeable
    record LimitsForm(@Nullable String requestsPerMinute, @Nullable String mediaMegabytes, @Nullable String csrfToken) implements CsrfForm {
    }

    /**
     * The operator sets a tenant's limits (noisy neighbours): requests a minute and storage in MB, each empty for the
     * platform default. Bad input re-shows the page with the message and what was typed.
     */
    @Post(value = "/cong/{code}/gioi-han", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    Mono<MutableHttpResponse<String>> setLimits(HttpRequest<?> request, @PathVariable String code, @Body LimitsForm form) {
        List<String> errors = new java.util.ArrayList<>();
        Long perMinute = whole(form.requestsPerMinute(), "Số yêu cầu mỗi phút", errors);
        Long megabytes = whole(form.mediaMegabytes(), "Dung lượng lưu trữ tệp (MB)", errors);
        Long bytes = megabytes == null ? null : megabytes * 1024 * 1024;
        if (errors.isEmpty()) {
            TenantLimitsOverview.check(perMinute, bytes).forEach(e -> errors.add(e.message()));
        }
        if (!errors.isEmpty()) {
            return detail(request, HttpStatus.UNPROCESSABLE_ENTITY, code, String.join(" ", errors), form);
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return limits.set(code, perMinute, bytes).flatMap(before -> before.isEmpty() ? notFound(request, code)
                : audit.record(who, "ops.tenant.limits", code, OperatorAudit.Outcome.OK, TenantLimitsOverview.auditDetails(perMinute, bytes))
                        .then(Mono.just(Console.seeOther(Console.ROOT + "/cong/" + code + "?gioi-han=1#gioi-han"))));
    }

    /** A whole number typed in a form (spaces and Vietnamese thousands dots allowed); null when left empty. */
    private static Long whole(@Nullable String typed, String label, List<String> errors) {
        String digits = typed == null ? "" : typed.replace(".", "").replace(" ", "").strip();
        if (digits.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            errors.add(label + " phải là một số nguyên (hoặc để trống để dùng mức chung).");
            return null;
        }
    }

    private Mono<MutableHttpResponse<String>> detail(HttpRequest<?> request, HttpStatus status, String code, @Nullable String error) {
        return detail(request, status, code, error, null);
    }

    private Mono<MutableHttpResponse<String>> detail(HttpRequest<?> request, HttpStatus status, String code, @Nullable String error,
                                                     @Nullable LimitsForm typed) {
        Mono<java.util.Optional<RegulationProfiles.Profile>> followed = registry.findByCode(code).filter(Tenant::isServing)
                .map(t -> profiles.profile(t).map(java.util.Optional::of)).orElse(Mono.just(java.util.Optional.empty()));
        Mono<MinistryFederation.Choices> federated = registry.findByCode(code).map(federation::choices)
                .orElse(Mono.just(MinistryFederation.Choices.NONE));
        return overview.find(code).flatMap(detail -> Mono.zip(limits.find(code).map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty()), followed, federated).flatMap(found -> {
                    var limitsView = found.getT1();
                    TenantStatus current = TenantStatus.of(detail.tenant().status());
                    List<TenantStatus> next = Arrays.stream(TenantStatus.values())
                            .filter(s -> s != current && TenantLifecycle.allowed(current, s)).toList();
                    Map<String, Object> model = new HashMap<>();
                    model.put("detail", detail);
                    model.put("next", next);
                    model.put("labels", StatusLabels.ALL);
                    if (error != null) {
                        model.put("error", error);
                    }
                    limitsView.ifPresent(view -> model.put("limits", view));
                    found.getT2().ifPresent(profile -> model.put("profile", profile));
                    model.put("presets", Arrays.asList(RegulationPreset.values()));
                    model.put("federation", found.getT3());
                    model.put("rootPortal", registry.findByCode(code).map(Tenant::isMinistry).orElse(false));
                    model.put("limitsSaved", request.getParameters().contains("gioi-han"));
                    if (typed != null) {
                        model.put("limitsTyped", typed);
                    }
                    return pages.page(request, status, "tenant", model);
                }))
                .switchIfEmpty(Mono.defer(() -> notFound(request, code)));
    }

    private Mono<MutableHttpResponse<String>> notFound(HttpRequest<?> request, String code) {
        return pages.page(request, HttpStatus.NOT_FOUND, "not-found", Map.of("message", "Không có cổng mã «" + code + "»."));
    }
}
