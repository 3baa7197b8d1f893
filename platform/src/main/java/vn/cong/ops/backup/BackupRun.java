package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.nio.file.Path;

/** One backup of one tenant: where it is, and whether it has been proven restorable. */
@Serdeable
public record BackupRun(long id, String tenantCode, String status, @Nullable String path, long sizeBytes,
                        @Nullable String error, @Nullable String verificationStatus, @Nullable String verificationDetail) {

    public Path folder() {
        return Path.of(path);
    }
}
