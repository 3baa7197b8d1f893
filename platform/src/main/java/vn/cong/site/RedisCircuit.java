package vn.cong.site;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps page requests away from a Redis that is down: after a failure every request skips Redis
 * until the retry interval has passed; then exactly one request probes it, and a success closes
 * the circuit again. Pages are rendered from PostgreSQL meanwhile.
 */
final class RedisCircuit {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCircuit.class);
    private static final long CLOSED = Long.MIN_VALUE;

    private final long retryNanos;
    private final AtomicLong openUntil = new AtomicLong(CLOSED);

    RedisCircuit(Duration retryInterval) {
        this.retryNanos = retryInterval.toNanos();
    }

    /** Whether this request may use Redis: always while closed; once per interval while open. */
    boolean allowRequest() {
        long until = openUntil.get();
        if (until == CLOSED) {
            return true;
        }
        long now = System.nanoTime();
        return now - until >= 0 && openUntil.compareAndSet(until, now + retryNanos);
    }

    void succeeded() {
        if (openUntil.get() != CLOSED && openUntil.getAndSet(CLOSED) != CLOSED) {
            LOG.info("Redis page cache reachable again");
        }
    }

    void failed(Throwable cause) {
        if (openUntil.getAndSet(System.nanoTime() + retryNanos) == CLOSED) {
            LOG.warn("Redis page cache unreachable ({}); pages are rendered without it, next try in {} ms",
                    cause.toString(), retryNanos / 1_000_000);
        }
    }

    boolean isOpen() {
        return openUntil.get() != CLOSED;
    }
}
