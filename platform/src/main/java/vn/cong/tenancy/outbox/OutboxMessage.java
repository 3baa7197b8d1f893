package vn.cong.tenancy.outbox;

import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;

/**
 * One message of the outbox as stored: whose it is ({@code tenantCode}, null for the platform's own),
 * its kind and JSON payload, and how its delivery stands.
 */
public record OutboxMessage(long id, @Nullable String tenantCode, String kind, String payload, OutboxStatus status, int attempts,
                            OffsetDateTime nextAt, @Nullable OffsetDateTime doneAt, @Nullable String lastError,
                            OffsetDateTime createdAt) {

    static final String COLUMNS = "id, tenant_code, kind, payload::text, status, attempts, next_at, done_at, last_error, created_at";

    static OutboxMessage of(io.r2dbc.spi.Readable r) {
        return new OutboxMessage(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                OutboxStatus.parse(r.get(4, String.class)), r.get(5, Integer.class), r.get(6, OffsetDateTime.class),
                r.get(7, OffsetDateTime.class), r.get(8, String.class), r.get(9, OffsetDateTime.class));
    }
}
