package vn.cong.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import vn.cong.tenancy.HostNames;
import vn.cong.tenancy.TenantRequests;

import java.net.URI;
import java.util.Optional;

/** Where the staff area leaves its findings on a request (set while the security filter runs). */
public final class StaffRequests {

    static final String SESSION = "cong.staff.session";
    static final String ACCOUNT = "cong.staff.account";
    /** Set when the signed-in account's password breaks today's rules and must be changed first. */
    static final String PASSWORD_CHANGE_DUE = "cong.staff.password-change-due";

    private StaffRequests() {
    }

    /** True for the staff area's paths ({@code /quan-tri} and below). */
    public static boolean isStaffPath(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals(SessionCookies.PATH) || path.startsWith(SessionCookies.PATH + "/");
    }

    /** The logged-in account, if any (only on requests under {@code /quan-tri}). */
    public static Optional<StaffAccount> account(HttpRequest<?> request) {
        return request.getAttribute(ACCOUNT, StaffAccount.class);
    }

    /** True when the signed-in account must change its password before anything else. */
    static boolean passwordChangeDue(HttpRequest<?> request) {
        return request.getAttribute(PASSWORD_CHANGE_DUE, Boolean.class).orElse(false);
    }

    /** The browser's session in this tenant, logged in or not. */
    public static Optional<StaffSession> session(HttpRequest<?> request) {
        return request.getAttribute(SESSION, StaffSession.class);
    }

    /**
     * Puts a session found by another area's own filter (the operator console) on the request, so
     * that {@link CsrfProtected} and {@link AdminPages} work there exactly as in the staff area.
     */
    public static void useSession(HttpRequest<?> request, StaffSession session) {
        request.setAttribute(SESSION, session);
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
