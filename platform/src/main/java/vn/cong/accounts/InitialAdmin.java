package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;

/** What creating a tenant's first admin produced: a one-time set-password token when no password was given. */
public record InitialAdmin(String username, boolean created, @Nullable String setPasswordToken) {
}
