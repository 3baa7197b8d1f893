package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What the throttle's counters hold for one attempt: the address's failures inside the window (and the
 * oldest of them), and the username's consecutive failures (and the last one).
 */
record ThrottleState(long addressFailures, @Nullable Instant oldestAddressFailure,
                     long accountFailures, @Nullable Instant lastAccountFailure) {

    static final ThrottleState EMPTY = new ThrottleState(0, null, 0, null);
}
