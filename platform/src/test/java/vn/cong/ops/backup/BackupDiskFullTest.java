package vn.cong.ops.backup;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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

    private final Path dataRoot = tempDir();
    private final List<String> alerts = new CopyOnWriteArrayList<>();
    private final HttpServer webhook = webhook(alerts);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.backup-disk-full", "true",
                "cong.media.root", dataRoot.resolve("media").toString(),
                "cong.backup.root", dataRoot.resolve("backups").toString(),
                "cong.alerts.webhook-url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/canh-bao");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    @AfterAll
    void stopWebhook() {
        webhook.stop(0);
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
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts.stream()
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

    private static HttpServer webhook(List<String> received) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/canh-bao", exchange -> {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("cong-backup-disk-full");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
