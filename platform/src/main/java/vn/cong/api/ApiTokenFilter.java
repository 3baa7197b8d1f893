package vn.cong.api;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.HostKind;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRequests;
import vn.cong.web.ApiErrors;

import java.util.Optional;

/**
 * Guards the tenant API: only on a tenant's own hosts (404 elsewhere) and only with a Bearer token of
 * one of that tenant's accounts (401 otherwise). The token's account becomes the request's actor.
 */
@ServerFilter({WorkflowApiController.BASE, WorkflowApiController.BASE + "/**", WorkflowApiController.QUEUE,
        DeadlinePreviewController.BASE + "/**"})
final class ApiTokenFilter implements Ordered {

    static final String ACTOR = "cong.api.actor";

    private final ApiTokens tokens;

    ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> guard(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        Optional<Tenant> tenant = TenantRequests.tenant(request);
        if (TenantRequests.hostKind(request) != HostKind.TENANT || tenant.isEmpty()) {
            return Mono.just(HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE).body("Not Found"));
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.just(unauthorized("Cần mã truy cập API (Authorization: Bearer …) do quản trị cổng cấp."));
        }
        return tokens.authenticate(tenant.get(), header.substring(7).strip()).flatMap(actor -> {
            if (actor.isEmpty()) {
                return Mono.just(unauthorized("Mã truy cập API không hợp lệ, đã bị thu hồi hoặc không thuộc cổng này."));
            }
            request.setAttribute(ACTOR, actor.get());
            return Mono.from(next.proceed());
        });
    }

    private static MutableHttpResponse<?> unauthorized(String message) {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(ApiErrors.of(message))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Cong\", charset=\"UTF-8\"");
    }
}
