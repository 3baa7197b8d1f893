package vn.cong.ops;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import vn.cong.system.LogTags;
import vn.cong.tenancy.TenantRequests;

/**
 * Once the tenant filter has resolved the host: adds {@code tenant} (its code) to the log MDC next
 * to the request id, and counts the request per tenant and status class
 * ({@code cong_tenant_requests_total{tenant="…",status="2xx"}}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class TenantTaggingFilter implements Ordered {

    static final String MDC_TENANT = "tenant";

    private final TenantRequestCounts counts;

    TenantTaggingFilter(TenantRequestCounts counts) {
        this.counts = counts;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after() + 1; // right after TenantFilter
    }

    @RequestFilter
    void tagLogs(HttpRequest<?> request, MutablePropagatedContext context) {
        TenantRequests.tenant(request).ifPresent(tenant -> LogTags.tag(context, MDC_TENANT, tenant.code()));
    }

    @ResponseFilter
    void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        TenantRequests.tenant(request).ifPresent(tenant -> counts.count(tenant.code(), response.code()));
    }
}
