package vn.cong.ops.backup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class BackupSchedulerTest extends PlatformTestSupport {

    @Inject
    Onboarding onboarding;
    @Inject
    BackupScheduler scheduler;
    @Inject
    TenantRegistry registry;

    private final DataFolders data = DataFolders.temporary("cong-schedule-test");

    @Override
    protected Map<String, String> extraProperties() {
        return data.properties("cong.backup.scheduler.enabled", "false");
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private void makeDue(String code) throws SQLException {
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE platform.backup_schedules SET next_run_at = now() - interval '1 minute' WHERE tenant_code = '" + code + "'");
        }
    }

    private long scheduledRuns(String code) throws SQLException {
        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM platform.backup_runs WHERE trigger = 'scheduled' AND tenant_code = '" + code + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void twoNodesRacingForOneDueBackupRunItOnce() throws Exception {
        scheduler.schedule("alpha", "daily", 14, 12).block();
        makeDue("alpha");
        long before = scheduledRuns("alpha");
        CountDownLatch start = new CountDownLatch(1);
        List<BackupRun> runs = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> nodes = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            nodes.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                runs.addAll(scheduler.runDue(Instant.now()).block());
            }));
        }
        start.countDown();
        CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get();

        assertEquals(1, runs.size());
        assertEquals(before + 1, scheduledRuns("alpha"));
        assertEquals("succeeded", runs.get(0).status(), runs.get(0).error());
        assertEquals("passed", runs.get(0).verificationStatus(), runs.get(0).verificationDetail());
        // the slot moved on: nothing is due any more
        assertEquals(List.of(), scheduler.runDue(Instant.now()).block());
    }

    @Test
    void dueBackupsSpreadOverTheWindowAndEachIsClaimedAtItsOwnMoment() throws SQLException {
        // every tenant on the same daily cron: each gets its own moment in the hour after 03:00 (the default window)
        List<String> codes = new ArrayList<>();
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery("SELECT code FROM platform.tenants ORDER BY code")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        for (String code : codes) {
            scheduler.schedule(code, "0 0 3 * * *", 14, 12).block();
        }
        Map<String, Instant> slots = new java.util.TreeMap<>();
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery("SELECT tenant_code, next_run_at FROM platform.backup_schedules")) {
            while (rs.next()) {
                slots.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            }
        }
        for (Instant slot : slots.values()) {
            java.time.LocalTime at = slot.atZone(vn.cong.system.VietnamTime.ZONE).toLocalTime();
            assertTrue(!at.isBefore(java.time.LocalTime.of(3, 0)) && at.isBefore(java.time.LocalTime.of(4, 0)), "inside 03:00–04:00: " + at);
        }
        assertEquals(codes.size(), new java.util.HashSet<>(slots.values()).size(), "no two tenants start together: " + slots);

        // a tick just after the first tenant's moment claims that tenant alone; the others wait for theirs
        String first = slots.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Instant justAfter = slots.get(first).plusMillis(1);
        List<BackupRun> runs = scheduler.runDue(justAfter).block();
        assertEquals(List.of(first), runs.stream().map(BackupRun::tenantCode).toList());
        assertEquals(List.of(), scheduler.runDue(justAfter).block(), "claimed once");
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery(
                "SELECT tenant_code, next_run_at FROM platform.backup_schedules WHERE tenant_code <> '" + first + "'")) {
            while (rs.next()) {
                assertEquals(slots.get(rs.getString(1)), rs.getTimestamp(2).toInstant(), "not claimed yet: " + rs.getString(1));
            }
        }
    }

    @Test
    void everyTenantGetsTheTwiceAWeekPresetAndInvalidCronIsRefused() throws SQLException {
        scheduler.ensureSchedules(BackupSchedulePreset.TWICE_A_WEEK.cron()).block();
        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM platform.backup_schedules WHERE tenant_code = 'bo' AND cron = '0 30 1 * * MON,THU'")) {
            rs.next();
            assertEquals(1, rs.getLong(1));
        }
        assertThrows(IllegalArgumentException.class, () -> scheduler.schedule("bo", "not a cron", 14, 12).block());
    }

    @Test
    void retentionDeletesExactlyWhatThePolicySays() throws SQLException, IOException {
        Path oldFolder = Files.createDirectories(data.backups().resolve("alpha/old"));
        Path recentFolder = Files.createDirectories(data.backups().resolve("alpha/recent"));
        long oldId;
        long recentId;
        try (var c = jdbc(); var s = c.createStatement()) {
            var rs = s.executeQuery("INSERT INTO platform.backup_runs (tenant_code, status, path, started_at) VALUES ('alpha', 'succeeded', '"
                    + oldFolder + "', now() - interval '200 days') RETURNING id");
            rs.next();
            oldId = rs.getLong(1);
            rs = s.executeQuery("INSERT INTO platform.backup_runs (tenant_code, status, path, started_at) VALUES ('alpha', 'succeeded', '"
                    + recentFolder + "', now() - interval '1 day') RETURNING id");
            rs.next();
            recentId = rs.getLong(1);
        }
        Set<Long> deleted = scheduler.applyRetention(tenant("alpha"), RetentionPolicy.preset(), Instant.now()).block();
        assertTrue(deleted.contains(oldId));
        assertFalse(deleted.contains(recentId));
        assertFalse(Files.exists(oldFolder));
        assertTrue(Files.exists(recentFolder));
        // another tenant's backups are never touched by alpha's retention
        assertEquals(Set.of(), scheduler.applyRetention(tenant("bo"), new RetentionPolicy(0, 0, java.time.ZoneId.of("UTC")),
                Instant.now().minus(1000, ChronoUnit.DAYS)).block());
    }

}
