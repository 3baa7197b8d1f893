package vn.cong.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import vn.cong.tenancy.HostKind;
import vn.cong.tenancy.TenantRequests;

/**
 * Metrics name every tenant and reveal traffic: scraped on the node's address or the operator host,
 * never served on a portal's (or the public status page's) host.
 */
@ServerFilter("/prometheus")
final class MetricsExposureFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after() + 1; // right after TenantFilter classified the host
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> onlyForOperators(HttpRequest<?> request) {
        HostKind kind = TenantRequests.hostKind(request);
        if (kind == HostKind.TENANT || kind == HostKind.STATUS) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE).body("Not Found");
        }
        return null;
    }
}
