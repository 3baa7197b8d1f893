package vn.cong.workflow;

import vn.cong.accounts.Role;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/** The person acting on an item, as the workflow needs them: who (for the event log) and with which roles. */
public record Actor(long id, String name, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean hasAny(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public boolean hasAny(Role... wanted) {
        return hasAny(Arrays.asList(wanted));
    }

    String[] roleNames() {
        return roles.stream().map(Role::db).toArray(String[]::new);
    }
}
