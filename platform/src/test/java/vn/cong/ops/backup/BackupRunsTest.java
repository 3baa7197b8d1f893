package vn.cong.ops.backup;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.Tenant;
import vn.cong.testing.MutableClock;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backup runs' one store and their heartbeat: a node stamps the runs it works on; a run whose node
 * stopped is marked failed, with the reason, by the backup job once its heartbeat is older than the
 * limit; and one tenant's runs are out of another tenant's reach. Time moves by the injected clock.
 */
@MicronautTest(transactional = false)
class BackupRunsTest extends PlatformTestSupport {

    private static final Duration LIMIT = Duration.ofMinutes(10);

    // on whole microseconds, as PostgreSQL keeps them, so a stamped heartbeat reads back equal
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    BackupRuns runs;
    @Inject
    BackupHeartbeat heartbeat;
    @Inject
    BackupScheduler scheduler;
    @Inject
    TenantBackups backups;
    @Inject
    BackupHistory history;
    @Inject
    PlatformDatabase db;

    private final DataFolders data = DataFolders.temporary("cong-backup-runs-test");
    private TwoPortals portals;

    @Override
    protected Map<String, String> extraProperties() {
        return data.properties("cong.backup.heartbeat.limit", LIMIT.toMinutes() + "m"); // the heartbeat job is off: the test beats by hand
    }

    @BeforeAll
    void onboard() {
        portals = TwoPortals.onboard(context);
    }

    private long recordRun(Tenant tenant, BackupPhase phase) {
        return db.mono(tx -> runs.insert(tx.forTenant(tenant), "manual", phase, "test", clock.instant())).block();
    }

    private BackupRun run(Tenant tenant, long id) {
        return history.find(tenant, id).block();
    }

    private Instant heartbeatOf(long id) {
        try (var c = jdbc(); var rs = c.createStatement().executeQuery("SELECT heartbeat_at FROM platform.backup_runs WHERE id = " + id)) {
            assertTrue(rs.next(), "no run " + id);
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theNodeStampsExactlyTheRunsItWorksOn() {
        Tenant alpha = portals.alpha();
        long working = recordRun(alpha, BackupPhase.DUMPING);
        long elsewhere = recordRun(alpha, BackupPhase.DUMPING);
        Instant recorded = heartbeatOf(elsewhere);
        Disposable work = heartbeat.whileWorkingOn(working, Mono.never()).subscribe();
        try {
            clock.advance(Duration.ofSeconds(30));
            assertEquals(1, heartbeat.beat(clock.instant()).block());
            assertEquals(clock.instant(), heartbeatOf(working));
            assertEquals(recorded, heartbeatOf(elsewhere), "a run this node does not work on is not stamped by it");
        } finally {
            work.dispose();
        }
        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, heartbeat.beat(clock.instant()).block(), "work that ended is no longer kept alive");
    }

    @Test
    void runsCutOffByAStoppedNodeAreMarkedFailedByTheBackupJobOnceTheirHeartbeatIsOlderThanTheLimit() {
        Tenant alpha = portals.alpha();
        Tenant beta = portals.beta();
        scheduler.ensureSchedules(BackupSchedulePreset.TWICE_A_WEEK.cron()).block();
        long cutOff = recordRun(alpha, BackupPhase.DUMPING);           // its node died while dumping
        long alive = recordRun(beta, BackupPhase.DUMPING);             // this node works on it
        BackupRun verifiedElsewhere = backups.backup(alpha, "manual").block();
        db.mono(tx -> runs.queueVerification(tx.forTenant(alpha), verifiedElsewhere.id(), clock.instant())).block(); // that node died too
        RestoreRun restoreCutOff = db.mono(tx -> runs.insertRestore(tx.forTenant(alpha), verifiedElsewhere.id(), "new", "alpha_two",
                "alphatwo", "test", "Alpha hai", "Alpha two", clock.instant())).block();
        Disposable work = heartbeat.whileWorkingOn(alive, Mono.never()).subscribe();
        try {
            clock.advance(LIMIT.minusMinutes(1));
            heartbeat.beat(clock.instant()).block();
            scheduler.tick(clock.instant()).block();
            assertEquals("running", run(alpha, cutOff).status(), "within the limit a silent run is still given time");

            clock.advance(Duration.ofMinutes(2));
            heartbeat.beat(clock.instant()).block();
            scheduler.tick(clock.instant()).block();

            BackupRun failed = run(alpha, cutOff);
            assertEquals("failed", failed.status());
            assertNull(failed.phase(), "no longer shown as under way");
            assertNotNull(failed.finishedAt());
            assertTrue(failed.error().contains("đã dừng giữa chừng"), failed.error());

            BackupRun stillRunning = run(beta, alive);
            assertEquals("running", stillRunning.status(), "a run whose node still beats is left alone");
            assertEquals(BackupPhase.DUMPING.db(), stillRunning.phase());

            BackupRun calledOff = run(alpha, verifiedElsewhere.id());
            assertEquals("succeeded", calledOff.status(), "an interrupted verification does not fail the backup");
            assertNull(calledOff.verificationStatus());
            assertTrue(calledOff.usable(), "it can be verified again");
            assertTrue(calledOff.verificationDetail().contains("đã dừng giữa chừng"), calledOff.verificationDetail());

            RestoreRun restore = history.restore("alpha", restoreCutOff.id()).block();
            assertEquals("failed", restore.status());
            assertTrue(restore.error().contains("đã dừng giữa chừng"), restore.error());
        } finally {
            work.dispose();
        }
    }

    @Test
    void oneTenantsRunsAreOutOfAnotherTenantsReach() {
        Tenant alpha = portals.alpha();
        Tenant beta = portals.beta();
        long alphaRun = recordRun(alpha, BackupPhase.QUEUED);
        assertNull(db.mono(tx -> runs.find(tx.forTenant(beta), alphaRun)).block(), "beta does not find alpha's run");
        assertEquals(0L, db.mono(tx -> runs.phase(tx.forTenant(beta), alphaRun, BackupPhase.MEDIA)).block(), "nor change it");
        assertNull(db.mono(tx -> runs.queueVerification(tx.forTenant(beta), alphaRun, clock.instant())).block());
        assertTrue(history.runs("beta", 50).filter(r -> r.id() == alphaRun).collectList().block().isEmpty(), "nor list it");
        assertEquals(BackupPhase.QUEUED.db(), run(alpha, alphaRun).phase(), "alpha's run is as alpha left it");
    }

}
