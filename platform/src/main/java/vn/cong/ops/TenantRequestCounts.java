package vn.cong.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests answered for each tenant's hosts, by status class ({@code cong_tenant_requests_total{tenant="…",status="2xx"}}):
 * counted by {@link TenantTaggingFilter} for requests through the routes and by the page shortcut for pages it answers
 * straight from the cache, so the figures do not depend on which path answered.
 */
@Singleton
public class TenantRequestCounts {

    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    @Nullable
    private final MeterRegistry meters;
    /** Per tenant, one counter per status class: looked up without allocating on every request. */
    private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

    TenantRequestCounts(@Nullable MeterRegistry meters) {
        this.meters = meters;
    }

    public void count(String tenant, int status) {
        if (meters == null) {
            return;
        }
        int statusClass = Math.min(Math.max(status / 100, 1), 5) - 1;
        Counter[] byStatus = counters.computeIfAbsent(tenant, code -> new Counter[STATUS_CLASSES.length]);
        Counter counter = byStatus[statusClass];
        if (counter == null) {
            // a race here is harmless: the registry hands both threads the same counter
            counter = Counter.builder("cong.tenant.requests")
                    .description("HTTP requests answered for a tenant's hosts")
                    .tag("tenant", tenant)
                    .tag("status", STATUS_CLASSES[statusClass])
                    .register(meters);
            byStatus[statusClass] = counter;
        }
        counter.increment();
    }
}
