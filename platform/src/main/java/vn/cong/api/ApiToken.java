package vn.cong.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.OffsetDateTime;

/** A row of a tenant's {@code api_tokens}: only the token's SHA-256 is kept. */
@MappedEntity("api_tokens")
record ApiToken(
        @Id @GeneratedValue Long id,
        long accountId,
        String name,
        String tokenHash,
        @Nullable Long createdBy,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime lastUsedAt,
        @Nullable OffsetDateTime revokedAt) {
}
