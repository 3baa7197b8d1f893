package vn.cong.ops;

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
import vn.cong.tenancy.TenantRequests;
import vn.cong.web.ApiErrors;
import vn.cong.web.ProxiedRequests;

/**
 * Guards the operator API: it exists only on the operator host (404 elsewhere, revealing nothing)
 * and only for the configured platform operator. Staff security ({@code /quan-tri/**}) is separate:
 * operators are not accounts of any tenant.
 */
@ServerFilter({OperatorApiFilter.TENANTS, OperatorApiFilter.TENANTS + "/**",
        OperatorApiFilter.INTEGRITY, OperatorApiFilter.INTEGRITY + "/**",
        OperatorApiFilter.MAINTENANCE, OperatorApiFilter.MAINTENANCE + "/**",
        OperatorApiFilter.HOLIDAYS, OperatorApiFilter.HOLIDAYS + "/**",
        OperatorApiFilter.CLUSTERS, OperatorApiFilter.CLUSTERS + "/**"})
final class OperatorApiFilter implements Ordered {

    static final String TENANTS = "/api/v1/tenants";
    static final String INTEGRITY = "/api/v1/integrity";
    static final String MAINTENANCE = "/api/v1/maintenance";
    static final String HOLIDAYS = "/api/v1/holidays";
    static final String CLUSTERS = "/api/v1/clusters";

    private final OperatorAuthentication authentication;
    private final OperatorAudit audit;
    private final ProxiedRequests proxied;

    OperatorApiFilter(OperatorAuthentication authentication, OperatorAudit audit, ProxiedRequests proxied) {
        this.authentication = authentication;
        this.audit = audit;
        this.proxied = proxied;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order(); // after the tenant filter has classified the host
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> guard(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        if (TenantRequests.hostKind(request) != HostKind.OPERATOR) {
            return Mono.just(HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE).body("Not Found"));
        }
        String address = proxied.clientAddress(request);
        return authentication.authenticate(request, address).flatMap(attempt -> switch (attempt.verdict()) {
            case ACCEPTED -> {
                request.setAttribute(OperatorAuthentication.OPERATOR, authentication.username());
                request.setAttribute(OperatorAuthentication.ACTOR,
                        new OperatorActor(authentication.username(), address, OperatorActor.Channel.API));
                yield Mono.from(next.proceed());
            }
            case NOT_CONFIGURED -> Mono.just(error(HttpStatus.SERVICE_UNAVAILABLE,
                    "operator not configured: chưa cấu hình tài khoản vận hành (cong.operator.username, cong.operator.password-hash)"));
            case REJECTED -> refused(request, address, "wrong credentials").then(Mono.just(unauthorized()));
            case THROTTLED -> refused(request, address, "throttled").then(Mono.just(
                    error(HttpStatus.TOO_MANY_REQUESTS, attempt.throttling().message())
                            .header(HttpHeaders.RETRY_AFTER, String.valueOf(attempt.throttling().retryAfterSeconds()))));
            case MISSING -> Mono.just(unauthorized());
        });
    }

    private Mono<Void> refused(HttpRequest<?> request, String address, String reason) {
        return audit.record(new OperatorActor(OperatorAuthentication.basicUsername(request), address, OperatorActor.Channel.API),
                "ops.login.failed", null, OperatorAudit.Outcome.REFUSED, java.util.Map.of("path", request.getPath(), "reason", reason));
    }

    private static MutableHttpResponse<?> unauthorized() {
        return error(HttpStatus.UNAUTHORIZED, "Cần đăng nhập bằng tài khoản vận hành nền tảng.")
                .header("WWW-Authenticate", "Basic realm=\"Cong operator\", charset=\"UTF-8\"");
    }

    private static MutableHttpResponse<?> error(HttpStatus status, String message) {
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ApiErrors.of(message));
    }
}
