package vn.cong.system;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The platform's one clock. Code that asks "what time is it" injects this {@link Clock} instead of
 * calling {@code now()}, so tests of expiry, throttling and deadlines replace it (with
 * {@code @Replaces} or a mutable test clock) instead of sleeping.
 */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
