package vn.cong.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

/**
 * The staff session cookie: host-only (no Domain, so another tenant's host never receives it),
 * limited to {@code /quan-tri} (public pages never see it), HttpOnly, SameSite=Lax, and Secure
 * whenever the browser came over HTTPS.
 */
@Singleton
public class SessionCookies {

    static final String PATH = "/quan-tri";

    private final SessionSettings settings;
    private final ProxiedRequests proxied;

    SessionCookies(SessionSettings settings, ProxiedRequests proxied) {
        this.settings = settings;
        this.proxied = proxied;
    }

    public <T> MutableHttpResponse<T> attach(HttpRequest<?> request, MutableHttpResponse<T> response, StaffSession session) {
        return response.cookie(cookie(request, session.id()));
    }

    public <T> MutableHttpResponse<T> clear(HttpRequest<?> request, MutableHttpResponse<T> response) {
        return response.cookie(cookie(request, "").maxAge(0));
    }

    private Cookie cookie(HttpRequest<?> request, String value) {
        return Cookie.of(settings.cookieName(), value)
                .path(PATH)
                .httpOnly(true)
                .sameSite(SameSite.Lax)
                .secure(proxied.isHttps(request));
    }
}
