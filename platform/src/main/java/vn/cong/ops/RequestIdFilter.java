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

import java.util.Optional;

/**
 * Gives every request an id, first of all filters: the proxy's {@code X-Request-Id} when it is a
 * sane token, else a fresh one. The id is echoed in the response and put in the log MDC
 * ({@code requestId}); Micronaut's propagated context carries the MDC across Reactor threads.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIdFilter implements Ordered {

    static final String HEADER = RequestIds.HEADER;
    static final String MDC_REQUEST_ID = "requestId";
    private static final String ATTRIBUTE = "cong.requestId";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = RequestIds.idFor(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        LogTags.tag(context, MDC_REQUEST_ID, id);
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        requestId(request).ifPresent(id -> response.getHeaders().set(HEADER, id));
    }

    static Optional<String> requestId(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }
}
