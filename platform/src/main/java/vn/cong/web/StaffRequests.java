package vn.cong.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import vn.cong.tenancy.HostNames;
import vn.cong.tenancy.TenantRequests;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/** Where the staff area and the operator console leave the browser's session on a request (set while their filters run). */
public final class StaffRequests {

    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private static final String SESSION = "cong.staff.session";

    private StaffRequests() {
    }

    /** POST, PUT, PATCH and DELETE: the methods that need a same-host origin and the CSRF token. */
    public static boolean isStateChanging(HttpMethod method) {
        return STATE_CHANGING.contains(method);
    }

    /** True for the staff area's paths ({@code /quan-tri} and below). */
    public static boolean isStaffPath(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals(SessionCookies.PATH) || path.startsWith(SessionCookies.PATH + "/");
    }

    /** The browser's session in this tenant, logged in or not. */
    public static Optional<StaffSession> session(HttpRequest<?> request) {
        return request.getAttribute(SESSION, StaffSession.class);
    }

    /**
     * Puts the session an area's own filter found (the staff area's, the operator console's) on the
     * request, so that {@link CsrfProtected} and {@link PageTemplates} work the same in both.
     */
    public static void useSession(HttpRequest<?> request, StaffSession session) {
        request.setAttribute(SESSION, session);
    }

    /** Takes the session off the request again (its account was revoked: the session has ended). */
    public static void forgetSession(HttpRequest<?> request) {
        request.removeAttribute(SESSION, StaffSession.class);
    }

    /** Browsers send Origin with every form POST; Referer is the fallback for the few that do not. */
    public static boolean fromSameHost(HttpRequest<?> request) {
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

    /** The CSRF token every state-changing form must send back as field {@code csrfToken}. */
    @Nullable
    public static String csrfToken(HttpRequest<?> request) {
        return session(request).map(StaffSession::csrfToken).orElse(null);
    }
}
