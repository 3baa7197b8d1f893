package vn.cong.accounts;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;

/** Where {@link LoginThrottle} keeps its counts: Redis, shared by every node, or one node's memory. */
interface ThrottleCounters {

    /** The address's failures after {@code now − window} and the username's failure count. */
    Mono<ThrottleState> read(String address, String account, Instant now, Duration window);

    /**
     * Counts a failure for the address (dropping those older than the window) and for the username
     * (starting again from one when its last failure is older than {@code memory}).
     */
    Mono<Void> failed(String address, String account, Instant now, Duration window, Duration memory);

    /** A right password: the username's count starts again. The address's count stays. */
    Mono<Void> succeeded(String account);
}
