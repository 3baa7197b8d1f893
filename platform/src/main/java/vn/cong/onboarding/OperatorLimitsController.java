package vn.cong.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.tenancy.manifest.FieldError;
import vn.cong.web.ApiErrors;
import vn.cong.web.JsonObjects;

import java.util.List;
import java.util.Map;

/**
 * The operator API for a tenant's limits (noisy neighbours): {@code GET} shows its own values, the platform
 * defaults, what applies and the storage its files use; {@code POST} with
 * {@code {"requestsPerMinute": 600, "mediaBytes": 524288000}} sets them ({@code null} for the platform default).
 * Audited as {@code ops.tenant.limits}.
 */
@Controller("/api/v1/tenants/{code}/limits")
@Secured(SecurityRule.IS_ANONYMOUS)
class OperatorLimitsController {

    private final TenantLimitsOverview limits;
    private final OperatorAudit audit;
    private final JsonMapper json;

    OperatorLimitsController(TenantLimitsOverview limits, OperatorAudit audit, JsonMapper json) {
        this.limits = limits;
        this.audit = audit;
        this.json = json;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> show(@PathVariable String code) {
        return limits.find(code).<HttpResponse<?>>map(HttpResponse::ok).defaultIfEmpty(notFound(code));
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Mono<HttpResponse<?>> set(HttpRequest<?> request, @PathVariable String code, @Body @Nullable String body) {
        Map<String, Object> values = JsonObjects.read(json, body);
        if (values == null) {
            return Mono.just(HttpResponse.badRequest(ApiErrors.of("Nội dung phải là một đối tượng JSON, ví dụ "
                    + "{\"requestsPerMinute\": 600, \"mediaBytes\": 524288000}.")));
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        Long perMinute = number(values, "requestsPerMinute", errors);
        Long bytes = number(values, "mediaBytes", errors);
        errors.addAll(TenantLimitsOverview.check(perMinute, bytes));
        if (!errors.isEmpty()) {
            return Mono.just(HttpResponse.unprocessableEntity().body(new ApiErrors(errors)));
        }
        OperatorActor who = OperatorAuthentication.actorOf(request);
        return limits.find(code).flatMap(current -> limits.set(code, perMinute, bytes)
                        .flatMap(before -> audit.record(who, "ops.tenant.limits", code, OperatorAudit.Outcome.OK,
                                TenantLimitsOverview.auditDetails(perMinute, bytes)))
                        .then(limits.find(code)))
                .<HttpResponse<?>>map(HttpResponse::ok)
                .defaultIfEmpty(notFound(code));
    }

    private static Long number(Map<String, Object> values, String field, List<FieldError> errors) {
        Object raw = values.get(field);
        if (raw == null) {
            return null;
        }
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        errors.add(new FieldError(field, "«" + field + "» phải là một số nguyên, hoặc null để dùng mức chung của nền tảng."));
        return null;
    }

    private static HttpResponse<?> notFound(String code) {
        return HttpResponse.notFound(ApiErrors.of("code", "không có cổng mã «" + code + "»"));
    }
}
