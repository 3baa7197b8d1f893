package vn.cong.accounts;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The throttle's counts in this node's memory, used only while Redis is unreachable: guessing is still
 * slowed down (per node rather than across the cluster) and nobody is locked out. What is counted here is
 * forgotten when Redis answers again. Bounded: past {@link #MAX_ENTRIES} keys, stale ones are dropped.
 */
@Singleton
class LocalThrottleCounters implements ThrottleCounters {

    static final int MAX_ENTRIES = 100_000;

    private final Map<String, Deque<Instant>> addresses = new ConcurrentHashMap<>();
    private final Map<String, AccountCount> accounts = new ConcurrentHashMap<>();

    private record AccountCount(long failures, Instant last) {
    }

    @Override
    public Mono<ThrottleState> read(String address, String account, Instant now, Duration window) {
        return Mono.fromSupplier(() -> {
            Instant since = now.minus(window);
            long count = 0;
            Instant oldest = null;
            Deque<Instant> times = addresses.get(address);
            if (times != null) {
                synchronized (times) {
                    for (Instant t : times) {
                        if (t.isAfter(since)) {
                            count++;
                            oldest = oldest == null || t.isBefore(oldest) ? t : oldest;
                        }
                    }
                }
            }
            AccountCount a = accounts.get(account);
            return new ThrottleState(count, oldest, a == null ? 0 : a.failures(), a == null ? null : a.last());
        });
    }

    @Override
    public Mono<Void> failed(String address, String account, Instant now, Duration window, Duration memory) {
        return Mono.fromRunnable(() -> {
            if (addresses.size() + accounts.size() > MAX_ENTRIES) {
                dropStale(now, window, memory);
            }
            Deque<Instant> times = addresses.computeIfAbsent(address, k -> new ArrayDeque<>());
            synchronized (times) {
                while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                    times.pollFirst();
                }
                times.addLast(now);
            }
            accounts.compute(account, (k, a) -> a == null || Duration.between(a.last(), now).compareTo(memory) > 0
                    ? new AccountCount(1, now) : new AccountCount(a.failures() + 1, now));
        });
    }

    @Override
    public Mono<Void> succeeded(String account) {
        return Mono.fromRunnable(() -> accounts.remove(account));
    }

    private void dropStale(Instant now, Duration window, Duration memory) {
        accounts.values().removeIf(a -> Duration.between(a.last(), now).compareTo(memory) > 0);
        addresses.values().removeIf(times -> {
            synchronized (times) {
                return times.isEmpty() || !times.peekLast().isAfter(now.minus(window));
            }
        });
    }
}
