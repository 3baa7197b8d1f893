package vn.cong.tenancy.outbox;

import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;

import java.time.Duration;
import java.util.List;

/**
 * Delivers the messages of one kind (a bean; one per kind). {@link Outbox} claims a message, calls
 * {@link #deliver} outside any transaction and records the outcome: {@link Delivered#SENT} or
 * {@link Delivered#SKIPPED} as emitted, an error as a failed attempt (retried with back-off, then failed).
 */
public interface OutboxHandler {

    /** What a delivery came to. */
    enum Delivered { SENT, SKIPPED }

    /** The kind this handler delivers, as stored in {@code platform.outbox.kind}. */
    String kind();

    /** Whether messages of this kind can be delivered now (e.g. SMTP configured); until then they wait untouched. */
    default boolean ready() {
        return true;
    }

    /** A message older than this when its turn comes is marked expired instead of delivered late; null: never. */
    @Nullable
    default Duration maxAge() {
        return null;
    }

    /**
     * This kind's own waits after failed attempts 1, 2, … (then failed after one attempt more than there are
     * waits); empty: the outbox's {@code retry-delay} doubled each time, up to {@code max-attempts}.
     */
    default List<Duration> retryDelays() {
        return List.of();
    }

    /** Called once when a message of this kind is marked failed after its last attempt (e.g. to raise an alert). */
    default Mono<Void> gaveUp(@Nullable Tenant tenant, OutboxMessage message, Throwable lastError) {
        return Mono.empty();
    }

    /** Delivers one message of {@code tenant} (null: a platform message); an error is a failed attempt. */
    Mono<Delivered> deliver(@Nullable Tenant tenant, OutboxMessage message);
}
