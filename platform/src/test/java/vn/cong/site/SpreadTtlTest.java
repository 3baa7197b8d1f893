package vn.cong.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadTtlTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    @Test
    void entriesWrittenTogetherExpireOverTheLastQuarterOfTheTtlNeverAfterIt() {
        AtomicLong now = new AtomicLong();
        Ticker ticker = now::get;
        Cache<Integer, String> cache = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run)
                .expireAfter(new SpreadTtl(TTL).<Integer, String>expiry()).build();
        for (int i = 0; i < 2_000; i++) {
            cache.put(i, "page " + i);
        }
        now.set(TTL.toNanos() * 3 / 4 - 1);
        cache.cleanUp();
        assertEquals(2_000, cache.estimatedSize(), "none expires before three quarters of the ttl");

        now.set(TTL.toNanos() * 7 / 8);
        cache.cleanUp();
        long left = cache.estimatedSize();
        assertTrue(left > 500 && left < 1_500, "about half are gone half-way through the spread, not all at once: " + left);

        now.set(TTL.toNanos());
        cache.cleanUp();
        assertEquals(0, cache.estimatedSize(), "none outlives the configured ttl");
    }

    @Test
    void readingDoesNotExtendAnEntry() {
        AtomicLong now = new AtomicLong();
        Cache<String, String> cache = Caffeine.newBuilder().ticker(now::get).executor(Runnable::run)
                .expireAfter(new SpreadTtl(TTL).<String, String>expiry()).build();
        cache.put("home", "v1");
        for (long t = 0; t <= TTL.toNanos(); t += TTL.toNanos() / 10) {
            now.set(t);
            cache.getIfPresent("home");
        }
        cache.cleanUp();
        assertEquals(null, cache.getIfPresent("home"));
    }

    @Test
    void redisMillisStayWithinTheSameBounds() {
        SpreadTtl ttl = new SpreadTtl(TTL);
        long min = Long.MAX_VALUE, max = 0;
        for (int i = 0; i < 1_000; i++) {
            long ms = ttl.nextMillis();
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }
        assertTrue(min >= TTL.toMillis() * 3 / 4 && max <= TTL.toMillis(), min + ".." + max);
        assertTrue(max - min > TTL.toMillis() / 8, "spread, not one value: " + min + ".." + max);
    }
}
