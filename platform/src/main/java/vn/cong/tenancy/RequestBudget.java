package vn.cong.tenancy;

import io.lettuce.core.ScriptOutputType;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.system.RedisConnector;
import vn.cong.system.RedisUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, per tenant and minute, the requests that make the platform work (noisy neighbours): one Redis
 * round trip, shared by every node, and only for a tenant that has a limit. A tenant without one costs
 * nothing here. While Redis cannot be reached, requests are let through (a limit protects the others; it
 * must not take the portal down with Redis) and the fact is logged once a minute.
 */
@Singleton
public class RequestBudget {

    private static final Logger LOG = LoggerFactory.getLogger(RequestBudget.class);

    /** Adds one to this minute's count (the key lives two minutes) and answers the new count. */
    private static final String SPEND = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n""";

    private final RedisConnector redis;
    private final LimitsConfiguration limits;
    private final Clock clock;
    private final AtomicLong lastWarning = new AtomicLong();

    public RequestBudget(RedisConnector redis, LimitsConfiguration limits, Clock clock) {
        this.redis = redis;
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts one request of {@code tenant}; fails with {@link OverRequestLimit} when it is over its limit. */
    public Mono<Void> charge(Tenant tenant) {
        return spend(tenant).flatMap(wait -> wait.isPresent()
                ? Mono.<Void>error(new OverRequestLimit(tenant.code(), wait.get())) : Mono.<Void>empty());
    }

    /**
     * Counts one request of {@code tenant}. Empty when it may go on; otherwise how long until the next
     * minute starts, when it may try again.
     */
    public Mono<Optional<Duration>> spend(Tenant tenant) {
        Integer perMinute = limits.of(tenant).requestsPerMinute();
        if (perMinute == null) {
            return Mono.just(Optional.empty());
        }
        long now = clock.millis();
        long minute = now / 60_000;
        String key = redis.key("requests:" + tenant.code() + ":" + minute);
        return redis.<Long>run(r -> r.<Long>eval(SPEND, ScriptOutputType.INTEGER, new String[] {key}, "120000").next())
                .map(count -> count <= perMinute ? Optional.<Duration>empty()
                        : Optional.of(Duration.ofMillis((minute + 1) * 60_000 - now)))
                .onErrorResume(RedisUnavailableException.class, e -> {
                    long last = lastWarning.get();
                    if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
                        LOG.warn("Request limits not counted while Redis is unavailable: {}", e.getMessage());
                    }
                    return Mono.just(Optional.empty());
                });
    }
}
