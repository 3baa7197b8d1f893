package vn.cong.tenancy.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The outbox's delivery job and retry rules.
 *
 * @param enabled      whether this node ticks the delivery job (tests drive it by hand)
 * @param interval     how often due messages are delivered
 * @param initialDelay the first delivery after start-up
 * @param maxAttempts  attempts before a message is marked failed
 * @param retryDelay   wait after the first failed attempt; doubled after each further one
 * @param claimTimeout a message claimed by a node that died is claimed again after this (the only
 *                     case where a message may be delivered twice)
 * @param batch        messages one tenant's pass claims at a time
 * @param retention    how long a message that is done (sent, skipped, expired, failed) stays visible
 */
@ConfigurationProperties("cong.outbox")
public record OutboxConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "30s") Duration interval,
        @Bindable(defaultValue = "20s") Duration initialDelay,
        @Bindable(defaultValue = "5") int maxAttempts,
        @Bindable(defaultValue = "2m") Duration retryDelay,
        @Bindable(defaultValue = "10m") Duration claimTimeout,
        @Bindable(defaultValue = "50") int batch,
        @Bindable(defaultValue = "30d") Duration retention) {

    /** The wait after failed attempt number {@code attempt} (1, 2, …): retryDelay × 2^(attempt−1). */
    public Duration backOff(int attempt) {
        return retryDelay.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
    }
}
