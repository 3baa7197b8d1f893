package vn.cong.admin.accounts;

import vn.cong.accounts.Account;
import vn.cong.accounts.Role;

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
        boolean dormant,
        boolean hasPassword,
        boolean mfaEnabled) {

    static AccountView of(Account a) {
        List<Role> roles = a.sortedRoles();
        return new AccountView(a.id(), a.username(), a.fullName(), a.email(), a.unit(), a.jobTitle(), a.phone(),
                roles.stream().map(Role::db).toList(), roles.stream().map(Role::label).toList(),
                a.status().label(), a.isActive(), a.status() == Account.Status.DORMANT, a.hasPassword(),
                a.mfaEnabled());
    }

    AccountForm toForm() {
        return new AccountForm(username, fullName, email, unit, jobTitle, phone, roleNames, "link", "", null);
    }
}
