package vn.cong.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Brute-force protection, the same for every tenant: {@code maxFailures} failed logins for a username
 * within {@code window} lock the account for {@code duration}.
 */
@ConfigurationProperties("cong.accounts.lockout")
public record LockoutPolicy(
        @Bindable(defaultValue = "5") int maxFailures,
        @Bindable(defaultValue = "15m") Duration window,
        @Bindable(defaultValue = "15m") Duration duration) {
}
