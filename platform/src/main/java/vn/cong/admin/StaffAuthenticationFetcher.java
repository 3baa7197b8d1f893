package vn.cong.admin;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import vn.cong.accounts.StaffLogin;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRequests;
import vn.cong.web.ProxiedRequests;
import vn.cong.web.SessionSettings;
import vn.cong.web.StaffRequests;
import vn.cong.web.StaffSession;
import vn.cong.web.StaffSessions;

/**
 * Who is asking, for Micronaut Security's filter (which runs only under {@code /quan-tri}): the
 * session named by the cookie, looked up in THIS tenant, and its account re-read from the tenant's
 * schema on every request. A revoked account, a changed password or a session from another tenant's
 * host all mean anonymous. Leaves the session and account on the request ({@link StaffRequests}).
 */
@Singleton
final class StaffAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private final StaffSessions sessions;
    private final StaffLogin login;
    private final SessionSettings settings;
    private final ProxiedRequests proxied;

    StaffAuthenticationFetcher(StaffSessions sessions, StaffLogin login, SessionSettings settings, ProxiedRequests proxied) {
        this.sessions = sessions;
        this.login = login;
        this.settings = settings;
        this.proxied = proxied;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Tenant tenant = TenantRequests.tenant(request).orElse(null);
        String id = request.getCookies().findCookie(settings.cookieName()).map(Cookie::getValue).orElse(null);
        if (tenant == null || id == null || request.getPath().startsWith(StaffAreaFilter.ASSETS)) {
            return Mono.empty();
        }
        return sessions.find(tenant, id).flatMap(session -> {
            StaffRequests.useSession(request, session);
            if (!session.isSignedIn()) {
                return Mono.empty();
            }
            return login.stillSignedIn(tenant, session.accountId(), session.securityStamp())
                    // the list of one's sessions is an extra: a failure to note this use never fails the request
                    .flatMap(account -> sessions.seen(tenant.code(), session, proxied.clientAddress(request),
                            request.getHeaders().get(HttpHeaders.USER_AGENT)).onErrorResume(e -> Mono.empty()).thenReturn(account))
                    .map(account -> {
                        StaffAccount staff = StaffAccount.of(account, tenant.code());
                        request.setAttribute(StaffAccount.ATTRIBUTE, staff);
                        if (account.mustChangePassword()) {
                            request.setAttribute(StaffAccount.PASSWORD_CHANGE_DUE, true);
                        }
                        if (account.mfaEnrolmentDue()) {
                            request.setAttribute(StaffAccount.MFA_ENROLMENT_DUE, true);
                        }
                        if (account.briefingDue()) {
                            request.setAttribute(StaffAccount.BRIEFING_DUE, true);
                        }
                        return staff.toAuthentication();
                    })
                    .switchIfEmpty(Mono.defer(() -> {
                        // the account was revoked or its password changed: this session is over for good
                        StaffRequests.forgetSession(request);
                        return sessions.end(tenant, session.id()).then(Mono.empty());
                    }));
        });
    }
}
