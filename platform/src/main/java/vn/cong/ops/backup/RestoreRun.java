package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.r2dbc.spi.Readable;

import java.time.OffsetDateTime;

/**
 * A restore the operator started: backup {@code backupRunId} of {@code tenantCode}, into the same
 * tenant ({@code mode} same, after safety backup {@code safetyRunId}) or as {@code targetCode}
 * (mode new, named {@code nameVi}/{@code nameEn}). {@code status}: running, succeeded, failed.
 * {@code safetySkipped} says why no safety backup was taken (the tenant's schema was already gone).
 */
@Serdeable
public record RestoreRun(long id, long backupRunId, String tenantCode, String mode, String targetCode,
                         @Nullable String abbreviation, String status, @Nullable Long safetyRunId, @Nullable String error,
                         String requestedBy, OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt,
                         @Nullable String nameVi, @Nullable String nameEn, @Nullable String safetySkipped) {

    public boolean running() {
        return "running".equals(status);
    }

    static RestoreRun of(Readable r) {
        return new RestoreRun(r.get("id", Long.class), r.get("backup_run_id", Long.class), r.get("tenant_code", String.class),
                r.get("mode", String.class), r.get("target_code", String.class), r.get("abbreviation", String.class),
                r.get("status", String.class), r.get("safety_run_id", Long.class), r.get("error", String.class),
                r.get("requested_by", String.class), r.get("started_at", OffsetDateTime.class),
                r.get("finished_at", OffsetDateTime.class), r.get("name_vi", String.class), r.get("name_en", String.class),
                r.get("safety_skipped", String.class));
    }
}
