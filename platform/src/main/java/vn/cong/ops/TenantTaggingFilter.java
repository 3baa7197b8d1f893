package vn.cong.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import vn.cong.tenancy.TenantRequests;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Once the tenant filter has resolved the host: adds {@code tenant} (its code) to the log MDC next
 * to the request id, and counts the request per tenant and status class
 * ({@code cong_tenant_requests_total{tenant="…",status="2xx"}}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class TenantTaggingFilter implements Ordered {

    static final String MDC_TENANT = "tenant";
    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    @Nullable
    private final MeterRegistry meters;
    /** Per tenant, one counter per status class: looked up without allocating on every request. */
    private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

    TenantTaggingFilter(@Nullable MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after() + 1; // right after TenantFilter
    }

    @RequestFilter
    void tagLogs(HttpRequest<?> request, MutablePropagatedContext context) {
        TenantRequests.tenant(request).ifPresent(tenant -> {
            var current = context.getContext().find(MdcPropagationContext.class);
            Map<String, String> mdc = new HashMap<>(current.map(MdcPropagationContext::state).orElse(Map.of()));
            mdc.put(MDC_TENANT, tenant.code());
            if (current.isPresent()) {
                context.replace(current.get(), new MdcPropagationContext(mdc));
            } else {
                context.add(new MdcPropagationContext(mdc));
            }
        });
    }

    @ResponseFilter
    void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (meters == null) {
            return;
        }
        TenantRequests.tenant(request).ifPresent(tenant -> {
            int statusClass = Math.min(Math.max(response.code() / 100, 1), 5) - 1;
            Counter[] byStatus = counters.computeIfAbsent(tenant.code(), code -> new Counter[STATUS_CLASSES.length]);
            Counter counter = byStatus[statusClass];
            if (counter == null) {
                // a race here is harmless: the registry hands both threads the same counter
                counter = Counter.builder("cong.tenant.requests")
                        .description("HTTP requests answered for a tenant's hosts")
                        .tag("tenant", tenant.code())
                        .tag("status", STATUS_CLASSES[statusClass])
                        .register(meters);
                byStatus[statusClass] = counter;
            }
            counter.increment();
        });
    }
}
