package vn.cong.ops.backup;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.SchemaMigrations;
import vn.cong.tenancy.Tenant;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves a backup restorable: its files match the manifest, and a restore of its rows into a scratch
 * database holds the same tables, row counts and row digests the manifest recorded. The result is
 * recorded on the run (and alerted when it fails).
 */
@Singleton
public class BackupVerification {

    private static final Logger LOG = LoggerFactory.getLogger(BackupVerification.class);
    static final String RESTORING = "đang khôi phục thử vào cơ sở dữ liệu tạm (pg_restore)";
    static final String BUILDING = "đang dựng lại thử các bảng trong cơ sở dữ liệu tạm (COPY)";
    static final String COMPARING = "đang so số dòng và tổng kiểm với bản kê";

    private final BackupRuns runs;
    private final BackupManifests manifests;
    private final ScratchDatabases scratch;
    private final PgTools pg;
    private final MeteredSteps steps;
    private final PlatformDatabase db;
    private final BackupThreads threads;
    private final BackupHeartbeat heartbeat;
    private final BackupAlerts alerts;
    private final Clock clock;
    private final SchemaMigrations migrations;

    BackupVerification(BackupRuns runs, BackupManifests manifests, ScratchDatabases scratch, PgTools pg, MeteredSteps steps, PlatformDatabase db,
                       BackupThreads threads, BackupHeartbeat heartbeat, BackupAlerts alerts, Clock clock, SchemaMigrations migrations) {
        this.migrations = migrations;
        this.runs = runs;
        this.manifests = manifests;
        this.scratch = scratch;
        this.pg = pg;
        this.steps = steps;
        this.db = db;
        this.threads = threads;
        this.heartbeat = heartbeat;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Verifies backup {@code runId} of the tenant; emits the run with its verification recorded. */
    public Mono<BackupRun> verify(Tenant tenant, long runId) {
        Mono<BackupRun> work = db.mono(tx -> runs.startVerification(tx.forTenant(tenant), runId, clock.instant()))
                .switchIfEmpty(Mono.error(() -> new BackupFailure("Không có bản sao lưu số " + runId)))
                .flatMap(run -> threads.call(() -> problems(run)))
                .flatMap(problems -> {
                    String detail = problems.isEmpty() ? "Khôi phục thử thành công; số dòng và tổng kiểm khớp với bản kê."
                            : String.join("; ", problems);
                    return db.mono(tx -> runs.recordVerification(tx.forTenant(tenant), runId, problems.isEmpty() ? "passed" : "failed", detail))
                            .doOnNext(run -> {
                                if (!problems.isEmpty()) {
                                    LOG.error("ALERT backup {} of tenant {} failed verification: {}", runId, tenant.code(), detail);
                                    alerts.verificationFailed(tenant.code(), runId, detail);
                                }
                            });
                });
        return heartbeat.whileWorkingOn(runId, work);
    }

    /** Blocking: the files against the manifest, then (when they match) a scratch restore against it. */
    private List<String> problems(BackupRun run) {
        List<String> problems = new ArrayList<>();
        try {
            BackupManifest manifest = manifests.read(run);
            problems.addAll(steps.fileProblems(run, manifest));
            if (problems.isEmpty()) {
                problems.addAll(compareRestored(run, manifest));
            }
        } catch (Exception e) {
            problems.add("không khôi phục được bản sao lưu: " + e.getMessage());
        }
        return problems;
    }

    private List<String> compareRestored(BackupRun run, BackupManifest manifest) throws Exception {
        String database = scratch.borrow();
        try {
            if (manifest.rowsFormat() == BackupFormat.COPY) {
                DatabaseConfiguration where = scratch.withPlatform(database, migrations);
                steps.step(run.tenantCode(), BUILDING, () -> {
                    SchemaTables.rebuild(migrations, where, manifest.schema(), run.folder(), manifest, pg.maintenanceWorkMem());
                    return null;
                });
            } else {
                steps.step(run.tenantCode(), RESTORING, () -> {
                    pg.restore(run.folder().resolve(BackupManifests.DUMP), database);
                    return null;
                });
            }
            try (Connection c = scratch.open(database)) {
                SchemaMeasures recorded = new SchemaMeasures(manifest.rowCounts(), manifest.tableDigests());
                return recorded.differencesFrom(steps.step(run.tenantCode(), COMPARING, () -> SchemaMeasures.of(c, manifest.schema(),
                        SchemaMeasures.Columns.of(manifest.digestColumns()))));
            }
        } finally {
            scratch.giveBack(database);
        }
    }
}
