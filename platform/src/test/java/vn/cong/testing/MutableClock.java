package vn.cong.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it: replaces the platform's {@link Clock} bean
 * ({@code @MockBean(Clock.class)}) so expiry and throttling are tested by moving time, never by sleeping.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Starts at the real time, so rows stamped by PostgreSQL's {@code now()} stay comparable. */
    public static MutableClock startingNow() {
        return new MutableClock(Instant.now());
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
