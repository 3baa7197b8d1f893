package vn.cong.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.RedisConnector;

import java.time.Duration;

/**
 * Slows down password guessing at the console: {@code max-failures} failed logins from one address
 * within {@code lockout} lock that address out for the rest of that time. Per address, not per
 * username, so someone guessing cannot lock the one real operator out from everywhere.
 */
@Singleton
class ConsoleLockout {

    private final RedisConnector redis;
    private final int maxFailures;
    private final Duration lockout;

    ConsoleLockout(RedisConnector redis, @Value("${cong.console.max-failures:5}") int maxFailures,
                   @Value("${cong.console.lockout:15m}") Duration lockout) {
        this.redis = redis;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    Mono<Boolean> isLocked(@Nullable String address) {
        String key = key(address);
        return redis.run(r -> r.get(key)).map(n -> Long.parseLong(n) >= maxFailures).defaultIfEmpty(false);
    }

    /** Counts a failure; emits true when this one locked the address. */
    Mono<Boolean> failed(@Nullable String address) {
        String key = key(address);
        return redis.run(r -> r.incr(key).flatMap(n -> n == 1 ? r.expire(key, lockout.toSeconds()).thenReturn(n) : Mono.just(n)))
                .map(n -> n >= maxFailures);
    }

    Mono<Void> succeeded(@Nullable String address) {
        String key = key(address);
        return redis.run(r -> r.del(key)).then();
    }

    Duration lockout() {
        return lockout;
    }

    private String key(@Nullable String address) {
        return redis.key("console-login-failures:" + (address == null ? "unknown" : address));
    }
}
