package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    static final String COLUMNS = """
            id, tenant_code, trigger, status, phase, path, coalesce(size_bytes, 0) AS size_bytes, error, verification_status,
            verification_detail, requested_by, started_at, finished_at, verified_at, deleted_at IS NOT NULL AS deleted""";

    public Path folder() {
        return Path.of(path);
    }

    /** Finished, kept, and not being verified right now: it can be verified or restored. */
    public boolean usable() {
        return "succeeded".equals(status) && phase == null && !deleted;
    }

    static BackupRun of(ResultSet rs) throws SQLException {
        return new BackupRun(rs.getLong("id"), rs.getString("tenant_code"), rs.getString("trigger"), rs.getString("status"),
                rs.getString("phase"), rs.getString("path"), rs.getLong("size_bytes"), rs.getString("error"),
                rs.getString("verification_status"), rs.getString("verification_detail"), rs.getString("requested_by"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getObject("verified_at", OffsetDateTime.class), rs.getBoolean("deleted"));
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
