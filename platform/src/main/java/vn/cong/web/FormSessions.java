package vn.cong.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;

/**
 * Pages that anonymous people fill in (login, set password) still need a session to hold their
 * CSRF token: the browser's current one, or a short-lived new one whose cookie goes out with the page.
 */
@Singleton
public class FormSessions {

    private static final String STARTED = "cong.staff.sessionStarted";

    private final StaffSessions sessions;
    private final SessionCookies cookies;

    FormSessions(StaffSessions sessions, SessionCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    public Mono<StaffSession> ensure(HttpRequest<?> request, Tenant tenant) {
        return StaffRequests.session(request).map(Mono::just).orElseGet(() -> sessions.startAnonymous(tenant)
                .doOnNext(session -> {
                    StaffRequests.useSession(request, session);
                    request.setAttribute(STARTED, session);
                }));
    }

    public <T> MutableHttpResponse<T> withCookie(HttpRequest<?> request, MutableHttpResponse<T> response) {
        return request.getAttribute(STARTED, StaffSession.class)
                .map(session -> cookies.attach(request, response, session))
                .orElse(response);
    }
}
