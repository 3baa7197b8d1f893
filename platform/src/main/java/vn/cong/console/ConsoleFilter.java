package vn.cong.console;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.web.router.RouteAttributes;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAuthentication;
import vn.cong.system.RedisConnector;
import vn.cong.tenancy.HostKind;
import vn.cong.tenancy.TenantRequests;
import vn.cong.web.CsrfProtected;
import vn.cong.web.ProxiedRequests;
import vn.cong.web.StaffErrorPages;
import vn.cong.web.StaffRequests;
import vn.cong.web.StaffResponses;
import vn.cong.web.StaffSession;
import vn.cong.web.StaffSessions;

import java.util.Set;

/**
 * The console's gate, for everything under {@code /van-hanh}:
 * <ul>
 *   <li>only on the operator host: anywhere else a bare 404, as for any unknown address;</li>
 *   <li>state-changing requests must come from a page of this host and go to a {@link CsrfProtected}
 *       route (whose token the staff area's interceptor checks after binding), else 403;</li>
 *   <li>the operator's session (cookie {@code CONG_OPERATOR}) is looked up in the console's own scope
 *       of the session store and must carry the operator's current credential stamp; without one,
 *       only the login page answers and everything else leads there.</li>
 * </ul>
 */
@ServerFilter({Console.ROOT, Console.ROOT + "/**"})
final class ConsoleFilter implements Ordered {

    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final StaffSessions sessions;
    private final OperatorAuthentication operator;
    private final RedisConnector redis;
    private final StaffErrorPages errors;
    private final StaffResponses responses;
    private final ProxiedRequests proxied;

    ConsoleFilter(StaffSessions sessions, OperatorAuthentication operator, RedisConnector redis, StaffErrorPages errors,
                  StaffResponses responses, ProxiedRequests proxied) {
        this.sessions = sessions;
        this.operator = operator;
        this.redis = redis;
        this.errors = errors;
        this.responses = responses;
        this.proxied = proxied;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order(); // after the tenant filter has classified the host
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> guard(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        if (TenantRequests.hostKind(request) != HostKind.OPERATOR) {
            return Mono.just(HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN_TYPE).body("Not Found"));
        }
        if (request.getPath().startsWith(Console.ASSETS)) {
            return next.proceed();
        }
        if (redis.isKnownDown()) {
            return Mono.just(errors.loginUnavailable());
        }
        if (STATE_CHANGING.contains(request.getMethod()) && !(StaffRequests.fromSameHost(request) && csrfProtectedRoute(request))) {
            return Mono.just(errors.csrfRejected());
        }
        String id = request.getCookies().findCookie(ConsoleCookies.NAME).map(Cookie::getValue).orElse("");
        return sessions.find(StaffSessions.OPERATOR_SCOPE, id)
                .doOnNext(session -> StaffRequests.useSession(request, session))
                .filter(this::signedInNow)
                .map(session -> {
                    request.setAttribute(OperatorAuthentication.ACTOR,
                            new OperatorActor(operator.username(), proxied.clientAddress(request), OperatorActor.Channel.CONSOLE));
                    return true;
                })
                .defaultIfEmpty(false)
                .flatMap(signedIn -> signedIn || request.getPath().equals(Console.LOGIN) || request.getPath().equals(Console.SECOND_STEP)
                        ? Mono.from(next.proceed())
                        : Mono.just(toLogin(request)));
    }

    @ResponseFilter
    void protect(MutableHttpResponse<?> response) {
        responses.protect(response);
    }

    /** Signed in, and with the operator's credentials as they are now (a changed password ends every session). */
    private boolean signedInNow(StaffSession session) {
        return session.isSignedIn() && session.securityStamp() != null
                && session.securityStamp().equals(ConsoleLoginController.stampOf(operator.credentialStamp()));
    }

    private static boolean csrfProtectedRoute(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .map(route -> route.getAnnotationMetadata().hasAnnotation(CsrfProtected.class))
                .orElse(true); // no route: the router answers 404/405 and nothing runs
    }

    private static MutableHttpResponse<?> toLogin(HttpRequest<?> request) {
        UriBuilder login = UriBuilder.of(Console.LOGIN);
        if (request.getMethod() == HttpMethod.GET && !Console.ROOT.equals(request.getPath())) {
            login.queryParam("tiep", request.getPath());
        }
        return HttpResponse.seeOther(login.build());
    }
}
