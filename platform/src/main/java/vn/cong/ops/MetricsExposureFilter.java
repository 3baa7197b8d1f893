package vn.cong.ops;

import io.micronaut.core.order.Ordered;
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

/**
 * Metrics name every tenant and reveal traffic: never served on a portal's (or the public status
 * page's) host; elsewhere only to {@link NodeInspection} (internal addresses, or the operator with HTTP
 * Basic on the operator host). Unknown hosts and bare IPs from outside get the same bare 404 as any
 * unknown address; the operator host asks for the operator's credentials.
 */
@ServerFilter("/prometheus")
final class MetricsExposureFilter implements Ordered {

    private final NodeInspection inspection;

    MetricsExposureFilter(NodeInspection inspection) {
        this.inspection = inspection;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order(); // after the tenant filter has classified the host
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> onlyForOperators(HttpRequest<?> request,
                                                      FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        HostKind kind = TenantRequests.hostKind(request);
        if (kind == HostKind.TENANT || kind == HostKind.STATUS) {
            return Mono.just(notFound());
        }
        return inspection.allowed(request).flatMapMany(allowed -> {
            if (allowed) {
                return next.proceed();
            }
            return Mono.just(kind == HostKind.OPERATOR ? unauthorized() : notFound());
        });
    }

    private static MutableHttpResponse<?> notFound() {
        return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE).body("Not Found");
    }

    private static MutableHttpResponse<?> unauthorized() {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_PLAIN_TYPE)
                .header("WWW-Authenticate", "Basic realm=\"Cong operator\", charset=\"UTF-8\"")
                .body("Cần đăng nhập bằng tài khoản vận hành nền tảng.");
    }
}
