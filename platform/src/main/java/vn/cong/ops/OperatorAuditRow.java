package vn.cong.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.OffsetDateTime;

/** A row of {@code platform.operator_audit} (its JSON details read as text). */
@MappedEntity(value = "operator_audit", schema = "platform")
record OperatorAuditRow(
        @Id @GeneratedValue Long id,
        OffsetDateTime at,
        String actor,
        String action,
        @Nullable String tenantCode,
        String details,
        String outcome,
        @Nullable String remoteAddress,
        String channel) {
}
