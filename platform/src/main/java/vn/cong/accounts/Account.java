package vn.cong.accounts;

import vn.cong.system.StoredCode;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A person's account in one tenant (the same username in another tenant is another person).
 * {@code mfaEnrolmentDue}: the tenant requires a second factor of this account's roles and it has none yet;
 * {@code briefingDue}: the account has not acknowledged the security briefing the tenant requires.
 */
public record Account(
        long id,
        String username,
        String email,
        String fullName,
        String unit,
        String jobTitle,
        String phone,
        Set<Role> roles,
        Status status,
        boolean hasPassword,
        UUID securityStamp,
        Instant createdAt,
        Instant updatedAt,
        boolean mustChangePassword,
        @Nullable Instant lastLoginAt,
        boolean mfaEnabled,
        boolean mfaEnrolmentDue,
        boolean briefingDue) {

    public Account {
        roles = Set.copyOf(roles);
    }

    /** The roles that need a second factor when the tenant's policy says so (on by default). */
    public static final Set<Role> LEADERS = Set.of(Role.TENANT_ADMIN, Role.HEAD, Role.DEPUTY_HEAD);

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Roles in the order of {@link Role}, for display. */
    public List<Role> sortedRoles() {
        return roles.stream().sorted().toList();
    }

    public enum Status implements StoredCode {
        ACTIVE("Đang hoạt động"),
        REVOKED("Đã thu hồi"),
        /** Unused for the tenant's dormancy period: disabled by the daily {@code DormantAccounts} job. */
        DORMANT("Tạm ngừng do lâu không dùng");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Status of(String db) {
            return StoredCode.of(Status.class, db);
        }
    }
}
