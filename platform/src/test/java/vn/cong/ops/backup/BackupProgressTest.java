package vn.cong.ops.backup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.system.Folders;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class BackupProgressTest extends PlatformTestSupport {

    /** Larger than one copy chunk (8 MiB), so the media step reports more than once. */
    private static final int MEDIA_BYTES = 9 * 1024 * 1024 + 7;

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
    @Inject
    BackupProgress progress;

    private final DataFolders data = DataFolders.temporary("cong-backup-progress-test");
    private byte[] media;

    @Override
    protected Map<String, String> extraProperties() {
        return data.properties();
    }

    @BeforeAll
    void onboardTenantsWithMedia() throws IOException {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        media = new byte[MEDIA_BYTES];
        new Random(7).nextBytes(media);
        Files.write(Files.createDirectories(mediaOf("alpha").resolve("2026")).resolve("lon.bin"), media);
    }

    private Path mediaOf(String code) {
        return data.root().resolve("media").resolve(code);
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    /** Every stage event of {@code code} heard while {@code work} runs. */
    private List<BackupProgress.Stage> heard(String code, Runnable work) throws Exception {
        List<BackupProgress.Stage> stages = Collections.synchronizedList(new ArrayList<>());
        try (AutoCloseable listening = progress.listen(s -> {
            if (s.tenantCode().equals(code)) {
                stages.add(s);
            }
        })) {
            work.run();
        }
        return List.copyOf(stages);
    }

    private static List<String> labelsInOrder(List<BackupProgress.Stage> stages) {
        List<String> labels = new ArrayList<>();
        stages.forEach(s -> {
            if (labels.isEmpty() || !labels.get(labels.size() - 1).equals(s.label())) {
                labels.add(s.label());
            }
        });
        return labels;
    }

    private static void assertCountsUpTo(List<BackupProgress.Stage> stages, String label, long total) {
        List<Long> done = stages.stream().filter(s -> s.label().equals(label)).map(BackupProgress.Stage::done).toList();
        assertTrue(done.size() >= 3, label + ": reported as it goes, not once: " + done);
        for (int i = 1; i < done.size(); i++) {
            assertTrue(done.get(i) >= done.get(i - 1), label + ": bytes never go back: " + done);
        }
        assertEquals(total, done.get(done.size() - 1), label + ": ends with every byte counted");
        assertTrue(stages.stream().filter(s -> s.label().equals(label)).allMatch(s -> s.total() == total), label + ": its total is known from the start");
    }

    @Test
    void aBackupReportsDumpMediaAndChecksumsInOrderWithTheirBytes() throws Exception {
        List<BackupProgress.Stage> stages = heard("alpha", () -> assertEquals("succeeded", backups.backup(tenant("alpha"), "manual").block().status()));

        assertEquals(List.of(BackupPhase.DUMPING.label(), BackupPhase.MEDIA.label(), BackupPhase.MANIFEST.label()), labelsInOrder(stages));
        assertCountsUpTo(stages, BackupPhase.MEDIA.label(), MEDIA_BYTES);
        BackupProgress.Stage dumped = stages.stream().filter(s -> s.label().equals(BackupPhase.DUMPING.label())).reduce((a, b) -> b).orElseThrow();
        assertTrue(dumped.done() > 0, "pg_dump's bytes are measured: " + dumped);
        long manifestReads = stages.stream().filter(s -> s.label().equals(BackupPhase.MANIFEST.label())).findFirst().orElseThrow().total();
        assertEquals(dumped.done(), manifestReads, "the manifest step reads only the dump: the media was checksummed as it was copied");
        assertTrue(progress.of("alpha").isEmpty(), "nothing shows once the backup is done");
    }

    @Test
    void verificationAndRestoreInPlaceShowTheirStepsAndTheMediaComesBackByteForByte() throws Exception {
        BackupRun run = backups.backup(tenant("alpha"), "manual").block();
        List<BackupProgress.Stage> verifying = heard("alpha", () ->
                assertEquals("passed", verification.verify(tenant("alpha"), run.id()).block().verificationStatus()));
        assertEquals(List.of(MeteredSteps.CHECKING, BackupVerification.BUILDING, BackupVerification.COMPARING), labelsInOrder(verifying));
        BackupProgress.Stage checked = verifying.stream().filter(s -> s.label().equals(MeteredSteps.CHECKING)).reduce((a, b) -> b).orElseThrow();
        assertEquals(100, checked.percent(), "the check ends at 100 %: every file but the manifest is read: " + checked);

        Files.write(mediaOf("alpha").resolve("2026/lon.bin"), new byte[]{1, 2, 3});
        List<BackupProgress.Stage> restoring = heard("alpha", () -> restore.restoreInPlace(run.id(), tenant("alpha")).block());

        List<String> labels = labelsInOrder(restoring);
        assertEquals(MeteredSteps.CHECKING, labels.get(0), "the backup's files are checked first: " + labels);
        assertTrue(labels.indexOf(BackupPhase.DUMPING.label()) < labels.indexOf(SchemaRestore.BUILDING), "the safety backup comes first: " + labels);
        assertTrue(labels.indexOf(SchemaRestore.MIGRATING) < labels.indexOf(SchemaRestore.ANALYSING),
                "the restored tables' planner statistics are taken once they are at the current version: " + labels);
        try (var c = jdbc(); var st = c.createStatement(); var r = st.executeQuery(
                "SELECT count(*) FILTER (WHERE last_analyze IS NULL) FROM pg_stat_user_tables WHERE schemaname = 't_alpha'")) {
            r.next();
            assertEquals(0, r.getLong(1), "every restored table of alpha analysed");
        }
        assertEquals(BackupPhase.MEDIA.label(), labels.get(labels.size() - 1), labels.toString());
        List<BackupProgress.Stage> lastCopy = restoring.subList(restoring.size() - 3, restoring.size());
        assertTrue(lastCopy.stream().allMatch(s -> s.label().equals(BackupPhase.MEDIA.label()) && s.total() == MEDIA_BYTES), lastCopy.toString());
        assertArrayEquals(media, Files.readAllBytes(mediaOf("alpha").resolve("2026/lon.bin")));
    }

    @Test
    void oneTenantsStepNeverShowsAsAnotherTenants() {
        try (BackupProgress.Meter meter = progress.start("beta", BackupPhase.MEDIA.label(), 4096)) {
            meter.add(1024);
            assertEquals(25, progress.of("beta").orElseThrow().percent());
            assertEquals("1 KB / 4 KB (25 %)", progress.of("beta").orElseThrow().shown());
            assertTrue(progress.of("gamma").isEmpty());
        }
        assertTrue(progress.of("beta").isEmpty());
    }

    @Test
    void theCommandsBackUpVerifyAndRestoreShowingEachStepOnStandardError() throws IOException {
        getProperties().forEach(System::setProperty);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertEquals(BackupCommand.OK, BackupCommand.run(new String[]{"backup", "beta"}, o, e), err.toString(StandardCharsets.UTF_8));
        String result = out.toString(StandardCharsets.UTF_8);
        assertTrue(result.contains("\"status\":\"succeeded\"") && result.contains("\"verification\":\"passed\""), result);
        String steps = err.toString(StandardCharsets.UTF_8);
        assertTrue(steps.indexOf(BackupPhase.DUMPING.label()) < steps.indexOf(BackupPhase.MANIFEST.label())
                && steps.contains(BackupVerification.BUILDING), steps);
        assertTrue(steps.contains("(100 %)"), "a step with a known size shows its percentage: " + steps);

        Matcher id = Pattern.compile("\"backup\":(\\d+)").matcher(result);
        assertTrue(id.find(), result);
        out.reset();
        assertEquals(BackupCommand.OK, BackupCommand.run(new String[]{"restore", "beta", id.group(1)}, o, e), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"status\":\"succeeded\""), out.toString(StandardCharsets.UTF_8));

        out.reset();
        assertEquals(BackupCommand.FAILED, BackupCommand.run(new String[]{"restore", "alpha", id.group(1)}, o, e),
                "a backup of beta is not found among alpha's");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"status\":\"refused\""), out.toString(StandardCharsets.UTF_8));
        assertEquals(BackupCommand.USAGE_ERROR, BackupCommand.run(new String[]{"backup", "khong_co"}, o, e));
        assertEquals(BackupCommand.USAGE_ERROR, BackupCommand.run(new String[]{"restore", "beta"}, o, e));
        assertTrue(Folders.size(data.backups().resolve("beta")) > 0);
    }
}
