package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.nio.file.Path;
import java.time.OffsetDateTime;

/**
 * One backup of one tenant: how it went, where it is, whether it has been proven restorable, and
 * (while it runs) what it is doing. {@code status}: running, succeeded, failed; {@code
 * verificationStatus}: null (not verified), passed, failed.
 */
@Serdeable
public record BackupRun(long id, String tenantCode, String trigger, String status, @Nullable String phase,
                        @Nullable String path, long sizeBytes, @Nullable String error,
                        @Nullable String verificationStatus, @Nullable String verificationDetail,
                        @Nullable String requestedBy, OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt,
                        @Nullable OffsetDateTime verifiedAt, boolean deleted) {

    public Path folder() {
        return Path.of(path);
    }

    /** Finished, kept, and not being verified right now: it can be verified or restored. */
    public boolean usable() {
        return "succeeded".equals(status) && phase == null && !deleted;
    }

    static BackupRun of(io.r2dbc.spi.Readable r) {
        return new BackupRun(r.get("id", Long.class), r.get("tenant_code", String.class), r.get("trigger", String.class),
                r.get("status", String.class), r.get("phase", String.class), r.get("path", String.class),
                r.get("size_bytes", Long.class), r.get("error", String.class), r.get("verification_status", String.class),
                r.get("verification_detail", String.class), r.get("requested_by", String.class),
                r.get("started_at", OffsetDateTime.class), r.get("finished_at", OffsetDateTime.class),
                r.get("verified_at", OffsetDateTime.class), Boolean.TRUE.equals(r.get("deleted", Boolean.class)));
    }
}
