package vn.cong.ops.backup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Backup, verification and restore times for a tenant with 10,000 articles. A measurement, not a
 * gate: excluded from `mvn test`; run with
 * {@code mvn -B test -pl platform -Dtest=BackupBenchmark -Dcong.excludedTestGroups=none}.
 * Figures go to {@code platform/target/backup-benchmark.txt}.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class BackupBenchmark extends PlatformTestSupport {

    private static final int ARTICLES = 10_000;

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

    private final DataFolders data = DataFolders.temporary("cong-backup-bench");
    /** {@code -Dbench.backup.format=pg-dump} measures pg_dump archives; the default, the copy format. */
    private final String format = System.getProperty("bench.backup.format", "copy");

    @Override
    protected Map<String, String> extraProperties() {
        return data.properties("cong.backup.format", format);
    }

    @Test
    void measureBackupVerifyAndRestoreOfTenThousandArticles() throws Exception {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        try (var c = jdbc(); var s = c.createStatement()) {
            // realistic rows: Vietnamese title and summary, a ~3 KB body, spread over a year
            s.executeUpdate("""
                    INSERT INTO t_alpha.content_items (kind, section_id, language, slug, title, summary, body_html, state, published_at)
                    SELECT 'article', (SELECT id FROM t_alpha.sections LIMIT 1), 'vi', 'bai-viet-so-' || g,
                           'Bài viết số ' || g || ': hội nghị tổng kết công tác khoa học và công nghệ',
                           'Tóm tắt bài viết số ' || g || ' về hoạt động của đơn vị trong năm.',
                           repeat('<p>Sáng nay, đơn vị đã tổ chức hội nghị tổng kết công tác năm, đánh giá kết quả đạt được và đề ra phương hướng nhiệm vụ.</p>', 25),
                           'published', now() - (g || ' minutes')::interval
                    FROM generate_series(1, %d) g""".formatted(ARTICLES));
        }
        Tenant alpha = registry.findByCode("alpha").orElseThrow();

        long t0 = System.nanoTime();
        BackupRun run = backups.backup(alpha, "manual").block();
        long backupMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("succeeded", run.status(), run.error());

        t0 = System.nanoTime();
        BackupRun verified = verification.verify(alpha, run.id()).block();
        long verifyMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("passed", verified.verificationStatus(), verified.verificationDetail());

        t0 = System.nanoTime();
        restore.restoreAsNewTenant(run.id(), alpha, "alpha_copy", "alphacopy", "Bản sao Alpha", "Alpha copy").block();
        long restoreNewMs = (System.nanoTime() - t0) / 1_000_000;

        t0 = System.nanoTime();
        restore.restoreInPlace(run.id(), alpha).block();
        long restoreInPlaceMs = (System.nanoTime() - t0) / 1_000_000;

        String report = """
                Tenant with %d articles (plus onboarding sections/accounts); backup format %s, size %d bytes
                backup (rows + counts/digests from one snapshot + manifest): %d ms
                verification (checksums + schema rebuilt in a scratch database + compare): %d ms
                restore into a new tenant: %d ms
                restore into the same tenant (includes a fresh safety backup): %d ms
                load average: %s
                """.formatted(ARTICLES, format, run.sizeBytes(), backupMs, verifyMs, restoreNewMs, restoreInPlaceMs,
                Files.readString(Path.of("/proc/loadavg")).strip());
        Files.writeString(Path.of("target", "backup-benchmark-" + format + ".txt"), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

}
