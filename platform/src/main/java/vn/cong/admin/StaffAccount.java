package vn.cong.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import vn.cong.accounts.Account;
import vn.cong.accounts.Role;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The logged-in person on a staff request, as read from the database on this very request (roles
 * and revocation take effect at once). A controller gets it as a parameter:
 * {@code Mono<…> edit(StaffAccount me, Tenant tenant, …)} on a route under {@code @Secured}.
 */
public record StaffAccount(long id, String username, String fullName, Set<Role> roles, String tenantCode) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }

    /** The request attribute the staff area's authentication puts the logged-in account in. */
    static final String ATTRIBUTE = "cong.staff.account";
    /** Set when the signed-in account's password breaks today's rules and must be changed first. */
    static final String PASSWORD_CHANGE_DUE = "cong.staff.password-change-due";

    /** Set when the tenant requires a second factor of the account's roles and it has none yet. */
    static final String MFA_ENROLMENT_DUE = "cong.staff.mfa-enrolment-due";
    /** Set when the account has not yet acknowledged the security briefing. */
    static final String BRIEFING_DUE = "cong.staff.briefing-due";

    /** True when the signed-in account must change its password before anything else. */
    static boolean passwordChangeDue(HttpRequest<?> request) {
        return request.getAttribute(PASSWORD_CHANGE_DUE, Boolean.class).orElse(false);
    }

    /** The logged-in account, if any (only on requests under {@code /quan-tri}). */
    public static Optional<StaffAccount> signedIn(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, StaffAccount.class);
    }

    static StaffAccount of(Account account, String tenantCode) {
        return new StaffAccount(account.id(), account.username(), account.fullName(), account.roles(), tenantCode);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public boolean isTenantAdmin() {
        return hasRole(Role.TENANT_ADMIN);
    }

    /** The tenant's head (trưởng ban biên tập): approves changes of the portal's look. */
    public boolean isHead() {
        return hasRole(Role.HEAD);
    }

    /** Roles in the order of {@link Role}, for display. */
    public List<Role> sortedRoles() {
        return roles.stream().sorted().toList();
    }

    /** The name to greet with: the full name, or the username when none was given. */
    public String displayName() {
        return fullName.isBlank() ? username : fullName;
    }

    Authentication toAuthentication() {
        return Authentication.build(username, roles.stream().map(Role::db).toList(),
                Map.of("accountId", id, "tenant", tenantCode, "fullName", fullName));
    }
}
