package vn.cong.ops.backup;

import jakarta.inject.Singleton;
import vn.cong.system.Folders;
import vn.cong.tenancy.Tenant;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The blocking steps of backups, verifications and restores that take long on a large tenant, each shown on
 * {@link BackupProgress} as it runs: bytes dumped, media bytes copied, bytes checksummed (pg_restore and Flyway show
 * their label alone). Blocking: call on the {@code backups} executor.
 */
@Singleton
class MeteredSteps {

    private final BackupProgress progress;
    private final SchemaDump dump;
    private final BackupManifests manifests;

    MeteredSteps(BackupProgress progress, SchemaDump dump, BackupManifests manifests) {
        this.progress = progress;
        this.dump = dump;
        this.manifests = manifests;
    }

    /** pg_dump of the tenant's schema into the folder, showing the bytes written so far. */
    SchemaDump.Dumped dump(Tenant tenant, Path folder) throws SQLException {
        Path file = folder.resolve(BackupManifests.DUMP);
        try (var meter = progress.measure(tenant.code(), BackupPhase.DUMPING.label(), () -> Folders.size(file))) {
            return dump.dump(tenant, file);
        }
    }

    /** Copies a media folder (streamed, file by file), showing bytes copied out of the folder's size. */
    void copyMedia(String tenantCode, Path from, Path to) {
        try (var meter = progress.start(tenantCode, BackupPhase.MEDIA.label(), Folders.size(from))) {
            Folders.copyTree(from, to, meter::add);
        }
    }

    /** Writes the manifest, showing the bytes checksummed out of the folder's size; gives the folder's size. */
    long writeManifest(Path folder, Tenant tenant, SchemaDump.Dumped dumped, OffsetDateTime at) throws IOException {
        try (var meter = progress.start(tenant.code(), BackupPhase.MANIFEST.label(), Folders.size(folder))) {
            return manifests.write(folder, tenant, dumped, at, meter::add);
        }
    }

    /** Every file of a backup missing, altered or added since its manifest, showing the bytes checksummed. */
    List<String> fileProblems(BackupRun run, BackupManifest manifest) {
        try (var meter = progress.start(run.tenantCode(), CHECKING, checksummed(run.folder()))) {
            return manifests.problems(run.folder(), manifest, meter::add);
        }
    }

    /** The manifest of a backup about to be restored, refused unless its files are intact (checksummed, shown). */
    BackupManifest readIntact(BackupRun run) {
        try (var meter = progress.start(run.tenantCode(), CHECKING, checksummed(run.folder()))) {
            return manifests.readIntact(run, meter::add);
        }
    }

    /** The bytes a check reads: every file of the folder but the manifest. */
    private static long checksummed(Path folder) {
        return Folders.size(folder) - folder.resolve(BackupManifests.MANIFEST).toFile().length();
    }

    /** A step whose size is not known in advance (pg_restore, Flyway): shown by its label while it runs. */
    <T> T step(String tenantCode, String label, Callable<T> work) throws Exception {
        try (var meter = progress.measure(tenantCode, label, () -> 0)) {
            return work.call();
        }
    }

    static final String CHECKING = "đang kiểm tổng kiểm SHA-256 của các tệp";
}
