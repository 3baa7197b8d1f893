package vn.cong.ops;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.management.health.indicator.HealthResult;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.Map;

/**
 * {@code /health} answers every host (a load balancer or a Kubernetes probe only needs its status
 * code: 200 UP, 503 DOWN), but its details (PostgreSQL version, disk space, Redis) only to
 * {@link NodeInspection}: anyone else gets {@code {"status":"UP"}} or {@code {"status":"DOWN"}}.
 */
@ServerFilter({"/health", "/health/**"})
final class HealthExposureFilter implements Ordered {

    private final NodeInspection inspection;

    HealthExposureFilter(NodeInspection inspection) {
        this.inspection = inspection;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order(); // after the tenant filter has classified the host
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> statusOnlyForOutsiders(HttpRequest<?> request,
                                                           FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        return inspection.allowed(request).flatMapMany(allowed -> allowed ? next.proceed()
                : Flux.from(next.proceed()).map(HealthExposureFilter::statusOnly));
    }

    private static MutableHttpResponse<?> statusOnly(MutableHttpResponse<?> response) {
        return response.getBody(HealthResult.class)
                .<MutableHttpResponse<?>>map(result -> response.body(Map.of("status", result.getStatus().getName())))
                .orElse(response);
    }
}
