package vn.cong.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * An address no route answers gets the tenant's themed 404 page (a bare one on hosts without a
 * tenant); under {@code /quan-tri}, the staff area's pre-rendered one. Routes that answer 404
 * themselves keep their answer.
 * <p>
 * Deliberately not a global {@code @Error(status = NOT_FOUND)} route: Micronaut sends every 4xx a
 * route returns through such a status route, re-entering its execution flow after a reactive route
 * has finished on another thread. Micronaut 4.10's reactive flows are mutable and shared there
 * (micronaut-core PR #12950), and a staff POST whose article did not exist was re-run in a loop until
 * the stack overflowed: the request hung. A response filter only sees the finished response.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class NotFoundPages implements Ordered {

    private final PublicNotFoundPage pages;
    private final StaffErrorPages staffPages;

    NotFoundPages(PublicNotFoundPage pages, StaffErrorPages staffPages) {
        this.pages = pages;
        this.staffPages = staffPages;
    }

    @Override
    public int getOrder() {
        // inside the tenant filter (the themed page needs the tenant) and the staff area's filter, so
        // their response side (headers, counting) sees the page chosen here
        return ServerFilterPhase.RENDERING.order();
    }

    @ResponseFilter
    Publisher<? extends HttpResponse<?>> pageForMissingRoute(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() != HttpStatus.NOT_FOUND.getCode() || RouteAttributes.getRouteMatch(request).isPresent()) {
            return Mono.just(response);
        }
        if (StaffRequests.isStaffPath(request)) {
            return Mono.just(staffPages.notFound());
        }
        return pages.notFound(request);
    }
}
