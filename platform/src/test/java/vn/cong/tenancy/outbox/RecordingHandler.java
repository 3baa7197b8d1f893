package vn.cong.tenancy.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A kind of message for the outbox's tests: records every delivery (message id → the tenant it was
 * delivered for) across the nodes of a test, and fails while {@link #failing} is set.
 */
@Singleton
@Requires(property = "outbox-test.recording", value = "true")
class RecordingHandler implements OutboxHandler {

    static final String KIND = "test.recording";
    static final Map<Long, List<String>> DELIVERIES = new ConcurrentHashMap<>();
    static volatile boolean failing;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Delivered> deliver(@Nullable Tenant tenant, OutboxMessage message) {
        if (failing) {
            return Mono.error(new IllegalStateException("máy nhận không trả lời"));
        }
        // a short pause widens the window in which two nodes could take the same message
        return Mono.delay(Duration.ofMillis(3)).then(Mono.fromCallable(() -> {
            DELIVERIES.computeIfAbsent(message.id(), id -> new CopyOnWriteArrayList<>()).add(tenant == null ? "" : tenant.code());
            return Delivered.SENT;
        }));
    }
}
