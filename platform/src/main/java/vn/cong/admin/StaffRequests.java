package vn.cong.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.util.Optional;

/** Where the staff area leaves its findings on a request (set while the security filter runs). */
public final class StaffRequests {

    static final String SESSION = "cong.staff.session";
    static final String ACCOUNT = "cong.staff.account";

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

    /** The browser's session in this tenant, logged in or not. */
    public static Optional<StaffSession> session(HttpRequest<?> request) {
        return request.getAttribute(SESSION, StaffSession.class);
    }

    /** The CSRF token every state-changing form must send back as field {@code csrfToken}. */
    @Nullable
    public static String csrfToken(HttpRequest<?> request) {
        return session(request).map(StaffSession::csrfToken).orElse(null);
    }
}
