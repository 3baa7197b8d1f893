package vn.cong.ops.backup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.AlertWebhook;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 item 7(c): the backup disk fills up in the middle of a backup. The backup fails, the
 * operator is alerted, and the partial backup is never usable: not verified, not restored.
 */
@MicronautTest(transactional = false)
class BackupDiskFullTest extends PlatformTestSupport {

    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantBackups backups;
    @Inject
    BackupVerification verification;
    @Inject
    TenantRestore restore;

    private final DataFolders data = DataFolders.temporary("cong-backup-disk-full");
    private final AlertWebhook webhook = AlertWebhook.start();

    @Override
    protected Map<String, String> extraProperties() {
        // the full disk is simulated under pg_dump's archive (FullDiskPgTools); the copy format's files fail the same way
        return data.properties("test.backup-disk-full", "true", "cong.alerts.webhook-url", webhook.url(), "cong.backup.format", "pg-dump");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    @AfterAll
    void stopWebhook() {
        webhook.stop();
        FullDiskPgTools.FREE.set(Long.MAX_VALUE);
    }

    @Test
    void aBackupThatFillsTheDiskFailsWithAnAlertAndIsNeverUsable() throws IOException {
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        FullDiskPgTools.FREE.set(4096);
        BackupRun run = backups.backup(alpha, "manual").block();

        assertEquals("failed", run.status());
        assertTrue(run.error() != null && run.error().contains("No space left on device"), String.valueOf(run.error()));
        assertFalse(run.usable());
        await().atMost(Duration.ofSeconds(20)).until(() -> webhook.received().stream()
                .anyMatch(a -> a.contains("\"backup.failed\"") && a.contains("\"backup\":" + run.id())));
        Path folder = Path.of(run.path());
        assertTrue(Files.exists(folder.resolve(BackupManifests.DUMP)), "the disk really took a partial dump");
        assertFalse(Files.exists(folder.resolve(BackupManifests.MANIFEST)), "a partial backup has no manifest");

        BackupRun verified = verification.verify(alpha, run.id()).block();
        assertNotEquals("passed", verified.verificationStatus());
        assertEquals("failed", verified.status());
        assertThrows(BackupFailure.class, () -> restore.restoreAsNewTenant(run.id(), alpha, "khoiphuc", "khoiphuc", "Khôi phục", "Khoi phuc").block());
        assertTrue(registry.findByCode("khoiphuc").isEmpty());

        FullDiskPgTools.FREE.set(Long.MAX_VALUE);
        BackupRun afterSpaceIsFreed = backups.backup(alpha, "manual").block();
        assertEquals("succeeded", afterSpaceIsFreed.status(), String.valueOf(afterSpaceIsFreed.error()));
        assertEquals("passed", verification.verify(alpha, afterSpaceIsFreed.id()).block().verificationStatus());
    }
}
