package vn.cong.admin.accounts;

import vn.cong.system.VietnamTime;
import io.micronaut.core.annotation.Nullable;
import vn.cong.accounts.Account;
import vn.cong.accounts.Role;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** An account as the admin pages show it: labels and formatted times, no java.time in templates. */
record AccountView(
        long id,
        String username,
        String fullName,
        String email,
        String unit,
        String jobTitle,
        String phone,
        List<String> roleNames,
        List<String> roleLabels,
        String statusLabel,
        boolean active,
        @Nullable String lockedUntil,
        boolean hasPassword) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(VietnamTime.ZONE);

    static AccountView of(Account a) {
        List<Role> roles = a.sortedRoles();
        return new AccountView(a.id(), a.username(), a.fullName(), a.email(), a.unit(), a.jobTitle(), a.phone(),
                roles.stream().map(Role::db).toList(), roles.stream().map(Role::label).toList(),
                a.status().label(), a.isActive(),
                a.isLockedAt(Instant.now()) ? TIME.format(a.lockedUntil()) : null, a.hasPassword());
    }

    AccountForm toForm() {
        return new AccountForm(username, fullName, email, unit, jobTitle, phone, roleNames, "link", "", null);
    }
}
