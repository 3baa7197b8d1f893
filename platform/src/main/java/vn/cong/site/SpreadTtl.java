package vn.cong.site;

import com.github.benmanes.caffeine.cache.Expiry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A time to live that differs a little for each entry: between three quarters of the configured one and all of it,
 * never longer. Pages and tenant structures filled at the same moment (a node's first minutes, a rotation over
 * thousands of portals) would otherwise all expire in the same second and be loaded again together, a burst of
 * renders and queries every {@code page-ttl} (seen as one slow 182 req/s round of the 2,020-portal rotation,
 * load-tests/bench 2026-12-05).
 */
final class SpreadTtl {

    /** The share of the time to live over which expiry is spread. */
    static final double SPREAD = 0.25;

    private final long nanos;

    SpreadTtl(Duration ttl) {
        this.nanos = ttl.toNanos();
    }

    /** One entry's time to live, in nanoseconds. */
    long nextNanos() {
        return nanos - (long) (nanos * SPREAD * ThreadLocalRandom.current().nextDouble());
    }

    /** One entry's time to live, in milliseconds (Redis's PX), at least one. */
    long nextMillis() {
        return Math.max(1, nextNanos() / 1_000_000);
    }

    /**
     * For Caffeine: as {@link #expiry()}, counted from when the value was made ({@code madeAt}, epoch milliseconds) rather
     * than from when it was written, so a copy of something made elsewhere earlier (a page from Redis) lives only what is
     * left of its time; none when that is over.
     */
    <K, V> Expiry<K, V> expiry(java.util.function.ToLongFunction<V> madeAt) {
        return new Expiry<>() {
            private long left(V value) {
                // never a negative age: another node's clock may be a little ahead
                long age = Math.max(0, System.currentTimeMillis() - madeAt.applyAsLong(value));
                return Math.max(0, nextNanos() - java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(age));
            }

            @Override
            public long expireAfterCreate(K key, V value, long currentTime) {
                return left(value);
            }

            @Override
            public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
                return left(value);
            }

            @Override
            public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }

    /** For Caffeine: each entry gets its own time to live when written, reading does not extend it. */
    <K, V> Expiry<K, V> expiry() {
        return expiry(value -> System.currentTimeMillis());
    }
}
