package vn.cong.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import vn.cong.system.RedisConnector;
import vn.cong.web.CsrfProtected;
import vn.cong.web.StaffErrorPages;
import vn.cong.web.StaffRequests;
import vn.cong.web.StaffResponses;


/**
 * The staff area's gate, before Micronaut Security's filter and only under {@code /quan-tri}
 * (public pages never pass here). Synchronous on purpose: it never reads the body.
 * <ul>
 *   <li>Redis (the session store) known to be down: 503 with a clear message, at once.</li>
 *   <li>POST/PUT/PATCH/DELETE must come from a page of the same host ({@code Origin}, else
 *       {@code Referer}) and go to a {@link CsrfProtected} route, whose token is then checked
 *       after binding by the CSRF interceptor; otherwise 403.</li>
 *   <li>Responses get no-store caching and framing/content-type/referrer protections; a 500 gets
 *       the pre-rendered staff error page.</li>
 * </ul>
 */
@ServerFilter({"/quan-tri", "/quan-tri/**"})
final class StaffAreaFilter implements Ordered {

    static final String ASSETS = "/quan-tri/tai-nguyen/";

    private final RedisConnector redis;
    private final StaffErrorPages errors;
    private final StaffResponses responses;

    StaffAreaFilter(RedisConnector redis, StaffErrorPages errors, StaffResponses responses) {
        this.redis = redis;
        this.errors = errors;
        this.responses = responses;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> guard(HttpRequest<?> request) {
        if (request.getPath().startsWith(ASSETS)) {
            return null;
        }
        if (redis.isKnownDown()) {
            return errors.loginUnavailable();
        }
        if (!StaffRequests.isStateChanging(request.getMethod())) {
            return null;
        }
        if (!StaffRequests.fromSameHost(request)) {
            return errors.csrfRejected();
        }
        boolean checked = RouteAttributes.getRouteMatch(request)
                .map(route -> route.getAnnotationMetadata().hasAnnotation(CsrfProtected.class))
                .orElse(true); // no route: the router answers 404/405 and nothing runs
        return checked ? null : errors.csrfRejected();
    }

    @ResponseFilter
    void protect(HttpRequest<?> request, MutableHttpResponse<?> response) {
        responses.protect(response);
    }
}
