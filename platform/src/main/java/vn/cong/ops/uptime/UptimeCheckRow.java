package vn.cong.ops.uptime;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.OffsetDateTime;

/** A row of {@code platform.uptime_checks}: one probe of one target in one round. */
@MappedEntity(value = "uptime_checks", schema = "platform")
record UptimeCheckRow(
        @Id @GeneratedValue Long id,
        OffsetDateTime slot,
        String target,
        @Nullable String tenantCode,
        String url,
        boolean ok,
        @Nullable Integer status,
        @Nullable Integer latencyMs,
        @Nullable String error,
        OffsetDateTime at) {
}
