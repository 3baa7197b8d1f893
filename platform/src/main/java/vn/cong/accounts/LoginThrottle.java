package vn.cong.accounts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.system.RedisUnavailableException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Slows password guessing without handing anyone a lock-out switch ({@link LoginThrottlePolicy}), for
 * staff logins, the operator console and the operator API alike. Asked before a password is checked, it
 * answers at once (nobody sleeps on a connection):
 * <ul>
 *   <li>an address with too many failures in the window, whatever the usernames, waits for the window;</li>
 *   <li>an address with no failure in the window always goes ahead, so the right password from a clean
 *       address works even while the account is being guessed at from elsewhere;</li>
 *   <li>otherwise a username with too many consecutive failures waits 2^(n−5) s, at most a minute.</li>
 * </ul>
 * Counts are kept per username typed, whether or not such an account exists, so neither the answer nor its
 * shape tells which usernames exist. They live in Redis, where every node sees them; while Redis is
 * unreachable each node counts in its own memory, so guessing stays throttled and nobody is locked out.
 */
@Singleton
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginThrottlePolicy policy;
    private final RedisThrottleCounters shared;
    private final LocalThrottleCounters local;
    private final Clock clock;
    private final AtomicBoolean onLocalCounters = new AtomicBoolean();

    LoginThrottle(LoginThrottlePolicy policy, RedisThrottleCounters shared, LocalThrottleCounters local, Clock clock) {
        this.policy = policy;
        this.shared = shared;
        this.local = local;
        this.clock = clock;
    }

    /** Whether an attempt at {@code username} in {@code scope} (a tenant, or the operator) from {@code address} may go ahead. */
    public Mono<Throttling> check(String scope, String username, @Nullable String address) {
        Instant now = clock.instant();
        return counters(c -> c.read(addressKey(address), accountKey(scope, username), now, policy.addressWindow()))
                .map(state -> decide(state, now));
    }

    public Mono<Void> failed(String scope, String username, @Nullable String address) {
        Instant now = clock.instant();
        return counters(c -> c.failed(addressKey(address), accountKey(scope, username), now,
                policy.addressWindow(), policy.accountMemory()));
    }

    public Mono<Void> succeeded(String scope, String username) {
        return counters(c -> c.succeeded(accountKey(scope, username)));
    }

    Throttling decide(ThrottleState state, Instant now) {
        if (state.addressFailures() >= policy.addressFailures() && state.oldestAddressFailure() != null) {
            return new Throttling(Duration.between(now, state.oldestAddressFailure().plus(policy.addressWindow())), true);
        }
        if (state.addressFailures() == 0 || state.lastAccountFailure() == null
                || Duration.between(state.lastAccountFailure(), now).compareTo(policy.accountMemory()) > 0) {
            return Throttling.ALLOWED;
        }
        Instant until = state.lastAccountFailure().plus(policy.delayAfter(state.accountFailures()));
        return now.isBefore(until) ? new Throttling(Duration.between(now, until), false) : Throttling.ALLOWED;
    }

    /** Redis when it answers; this node's memory while it does not (never "no throttle", never "nobody in"). */
    private <T> Mono<T> counters(Function<ThrottleCounters, Mono<T>> work) {
        if (shared.isKnownDown()) {
            return fallBack(work, null);
        }
        return work.apply(shared)
                .doOnSuccess(x -> {
                    if (onLocalCounters.compareAndSet(true, false)) {
                        LOG.info("Login throttle counts in Redis again");
                    }
                })
                .onErrorResume(RedisUnavailableException.class, e -> fallBack(work, e));
    }

    private <T> Mono<T> fallBack(Function<ThrottleCounters, Mono<T>> work, @Nullable RedisUnavailableException cause) {
        if (onLocalCounters.compareAndSet(false, true)) {
            LOG.warn("Redis is unreachable{}: the login throttle counts on this node only until it is back",
                    cause == null ? "" : " (" + cause.getMessage() + ")");
        }
        return work.apply(local);
    }

    private static String addressKey(@Nullable String address) {
        return address == null || address.isBlank() ? "unknown" : address;
    }

    /** A digest, so whatever someone types as a username costs a bounded key. */
    private static String accountKey(String scope, String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((scope + "\n" + username).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
