package vn.cong.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Tenant-independent account rules.
 *
 * @param setPasswordValidity how long a one-time set-password link works
 */
@ConfigurationProperties("cong.accounts")
public record AccountSettings(@Bindable(defaultValue = "3d") Duration setPasswordValidity) {
}
