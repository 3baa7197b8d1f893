package vn.cong.tenancy;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Holds a tenant to its request limit ({@link RequestBudget}) for what costs work whatever the cache holds:
 * every write (staff forms, public forms, API calls) and every staff or API read. Public reads never pass
 * through here (the filters are declared for those methods and paths only, so a cached page costs nothing
 * more); the page service counts a public page when it has to render it.
 */
final class RequestBudgetFilters {

    /** The staff area's scripts and styles: static, and several per staff page. */
    private static final String STAFF_ASSETS = "/quan-tri/tai-nguyen/";

    private RequestBudgetFilters() {
    }

    static Publisher<MutableHttpResponse<?>> hold(RequestBudget budget, HttpRequest<?> request,
                                                  FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        Tenant tenant = TenantRequests.tenant(request).orElse(null);
        if (tenant == null || request.getPath().startsWith(STAFF_ASSETS)) {
            return next.proceed();
        }
        return budget.spend(tenant).flatMap(wait -> wait.isPresent()
                ? Mono.<MutableHttpResponse<?>>just(TooManyRequestsNotice.response(request, wait.get()))
                : Mono.from(next.proceed()));
    }

    /** Right after the tenant is known, before sessions, security and routing spend anything. */
    private static int order() {
        return ServerFilterPhase.TRACING.after() + 2;
    }

    /** Every write on any tenant host. */
    @ServerFilter(value = ServerFilter.MATCH_ALL_PATTERN,
            methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
    static final class Writes implements Ordered {

        private final RequestBudget budget;

        Writes(RequestBudget budget) {
            this.budget = budget;
        }

        @Override
        public int getOrder() {
            return order();
        }

        @RequestFilter
        Publisher<MutableHttpResponse<?>> hold(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
            return RequestBudgetFilters.hold(budget, request, next);
        }
    }

    /** Reads of the staff area and the APIs. */
    @ServerFilter(value = {"/quan-tri", "/quan-tri/**", "/api/**"}, methods = {HttpMethod.GET, HttpMethod.HEAD})
    static final class StaffAndApiReads implements Ordered {

        private final RequestBudget budget;

        StaffAndApiReads(RequestBudget budget) {
            this.budget = budget;
        }

        @Override
        public int getOrder() {
            return order();
        }

        @RequestFilter
        Publisher<MutableHttpResponse<?>> hold(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
            return RequestBudgetFilters.hold(budget, request, next);
        }
    }
}
