package vn.cong.workflow;

import vn.cong.accounts.Role;

import java.util.Set;
import java.util.stream.Collectors;

/** One level of a policy (Wagtail's Task): its place in the order, its name, the roles that act at it. */
public record ApprovalLevel(int position, String name, Set<Role> roles) {

    public ApprovalLevel {
        roles = Set.copyOf(roles);
    }

    public String rolesText() {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }
}
