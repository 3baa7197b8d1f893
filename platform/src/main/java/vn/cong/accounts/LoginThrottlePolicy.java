package vn.cong.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How password guessing is slowed down, the same for staff, the console and the operator API
 * ({@link LoginThrottle}): after {@code freeFailures} failures for one username, each further attempt
 * waits 2^(n−freeFailures) seconds, at most {@code maxDelay}; failures are forgotten after
 * {@code accountMemory} without one. An address with {@code addressFailures} failures within
 * {@code addressWindow}, whatever the usernames, is refused until the oldest of them leaves the window.
 */
@ConfigurationProperties("cong.accounts.login-throttle")
public record LoginThrottlePolicy(
        @Bindable(defaultValue = "5") int freeFailures,
        @Bindable(defaultValue = "60s") Duration maxDelay,
        @Bindable(defaultValue = "15m") Duration accountMemory,
        @Bindable(defaultValue = "20") int addressFailures,
        @Bindable(defaultValue = "10m") Duration addressWindow) {

    /** How long an account waits after its {@code failures}-th consecutive failure (zero before the free ones are spent). */
    Duration delayAfter(long failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        long exponent = failures - freeFailures;
        long seconds = exponent >= 31 ? Long.MAX_VALUE : 1L << exponent;
        return seconds >= maxDelay.toSeconds() ? maxDelay : Duration.ofSeconds(seconds);
    }
}
