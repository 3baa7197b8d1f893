package vn.cong.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import vn.cong.system.RedisConnector;
import vn.cong.tenancy.HostNames;
import vn.cong.tenancy.TenantRequests;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The staff area's gate, before Micronaut Security's filter and only under {@code /quan-tri}
 * (public pages never pass here). Synchronous on purpose: it never reads the body.
 * <ul>
 *   <li>Redis (the session store) known to be down: 503 with a clear message, at once.</li>
 *   <li>POST/PUT/PATCH/DELETE must come from a page of the same host ({@code Origin}, else
 *       {@code Referer}) and go to a {@link CsrfProtected} route, whose token is then checked
 *       after binding by {@link CsrfInterceptor}; otherwise 403.</li>
 *   <li>Responses get no-store caching and framing/content-type/referrer protections; a 500 gets
 *       the pre-rendered staff error page.</li>
 * </ul>
 */
@ServerFilter({"/quan-tri", "/quan-tri/**"})
final class StaffAreaFilter implements Ordered {

    static final String ASSETS = "/quan-tri/tai-nguyen/";
    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final RedisConnector redis;
    private final AdminErrorPages errors;

    StaffAreaFilter(RedisConnector redis, AdminErrorPages errors) {
        this.redis = redis;
        this.errors = errors;
    }

    static boolean isStateChanging(HttpMethod method) {
        return STATE_CHANGING.contains(method);
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
        if (!isStateChanging(request.getMethod())) {
            return null;
        }
        if (!fromSameHost(request)) {
            return errors.csrfRejected();
        }
        boolean checked = RouteAttributes.getRouteMatch(request)
                .map(route -> route.getAnnotationMetadata().hasAnnotation(CsrfProtected.class))
                .orElse(true); // no route: the router answers 404/405 and nothing runs
        return checked ? null : errors.csrfRejected();
    }

    @ResponseFilter
    void protect(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() == HttpStatus.INTERNAL_SERVER_ERROR.getCode()) {
            // whatever failed (database, Redis, a template), staff see the pre-rendered page, never
            // Micronaut's JSON, and nothing is rendered while answering for a failure
            response.body(errors.unexpectedBody()).contentType(AdminPages.HTML);
        }
        var headers = response.getHeaders();
        if (!headers.contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
        if (!headers.contains("Referrer-Policy")) {
            response.header("Referrer-Policy", "same-origin");
        }
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        if (!headers.contains("Content-Security-Policy")) {
            // a theme preview brings the policy of the public page it shows (its inline theme styles by hash)
            response.header("Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
        }
    }

    /** Browsers send Origin with every form POST; Referer is the fallback for the few that do not. */
    private static boolean fromSameHost(HttpRequest<?> request) {
        Optional<String> host = TenantRequests.host(request);
        if (host.isEmpty()) {
            return false;
        }
        String origin = request.getHeaders().get("Origin");
        String source = origin != null ? origin : request.getHeaders().get("Referer");
        return source != null && hostOf(source).map(host.get()::equals).orElse(false);
    }

    private static Optional<String> hostOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            return HostNames.normalize(uri.getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
