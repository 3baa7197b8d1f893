package vn.cong.ops.uptime;

import io.micronaut.core.annotation.Nullable;

/** One probe of one target: up when it answered 2xx or 3xx in time. */
public record CheckResult(ProbeTarget target, boolean ok, @Nullable Integer status, long latencyMs, @Nullable String error) {
}
