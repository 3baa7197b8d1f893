package vn.cong.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import vn.cong.web.ProxiedRequests;

/**
 * The console's session cookie: host-only (no Domain: only admin.<base> ever gets it), limited to
 * {@code /van-hanh}, HttpOnly, SameSite=Strict (an operator never arrives from a link elsewhere
 * with a live session), and Secure whenever the browser came over HTTPS.
 */
@Singleton
class ConsoleCookies {

    static final String NAME = "CONG_OPERATOR";

    private final ProxiedRequests proxied;

    ConsoleCookies(ProxiedRequests proxied) {
        this.proxied = proxied;
    }

    <T> MutableHttpResponse<T> attach(HttpRequest<?> request, MutableHttpResponse<T> response, String sessionId) {
        return response.cookie(cookie(request, sessionId));
    }

    <T> MutableHttpResponse<T> clear(HttpRequest<?> request, MutableHttpResponse<T> response) {
        return response.cookie(cookie(request, "").maxAge(0));
    }

    private Cookie cookie(HttpRequest<?> request, String value) {
        return Cookie.of(NAME, value).path(Console.ROOT).httpOnly(true).sameSite(SameSite.Strict).secure(proxied.isHttps(request));
    }
}
