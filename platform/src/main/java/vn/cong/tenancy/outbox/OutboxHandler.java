package vn.cong.tenancy.outbox;

import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;

import java.time.Duration;

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

    /** Delivers one message of {@code tenant} (null: a platform message); an error is a failed attempt. */
    Mono<Delivered> deliver(@Nullable Tenant tenant, OutboxMessage message);
}
