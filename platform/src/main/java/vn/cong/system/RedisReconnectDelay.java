package vn.cong.system;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.micronaut.configuration.lettuce.ClientResourcesMutator;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Lettuce's reconnect back-off, capped: by default it doubles up to 30 s, so sessions and logins came back
 * about 8 s after Redis did. Capped at {@code cong.redis.max-reconnect-delay} (1 s) they are back within
 * about a second, at the price of one connection attempt a second while Redis is down.
 */
@Singleton
final class RedisReconnectDelay implements ClientResourcesMutator {

    private final Duration max;

    RedisReconnectDelay(@Value("${cong.redis.max-reconnect-delay:1s}") Duration max) {
        this.max = max;
    }

    @Override
    public void mutate(ClientResources.Builder builder, AbstractRedisConfiguration config) {
        builder.reconnectDelay(Delay.exponential(Duration.ofMillis(10), max, 2, TimeUnit.MILLISECONDS));
    }
}
