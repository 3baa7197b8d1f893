package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.OperatorAudit;
import vn.cong.system.Sql;
import vn.cong.tenancy.ClusterLinks;
import vn.cong.tenancy.DatabaseClusters;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.SchemaMigrations;
import vn.cong.tenancy.SchemaNames;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves a tenant's schema to another database cluster: prepare the target, freeze the source (writes refused
 * with 503 from then on: the registry's {@code moving_to} at the edge, {@code cluster_local.frozen_schemas} in
 * the database for every other path), copy its tables once every write in flight has finished, build and load it on the target,
 * compare row counts and row digests of every table, switch the registry (every node reloads: publish nudge or
 * poll), then, after a grace period, rename the old schema away (or drop it). Any failure before the switch
 * unfreezes the source and removes the half-made copy: the tenant stays where it was, nothing lost. Every move is
 * a row of {@code platform.tenant_moves} (phase, outcome, read-only time) and an operator audit entry.
 */
@Singleton
public class TenantMoves {

    private static final Logger LOG = LoggerFactory.getLogger(TenantMoves.class);

    /** One move as the console and the CLI show it. */
    @io.micronaut.serde.annotation.Serdeable
    public record Move(long id, String tenantCode, String from, String to, String status, String phase, String requestedBy,
                       OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt, @Nullable Long readOnlyMs,
                       @Nullable Long rowsCopied, @Nullable String oldSchema, @Nullable String error) {

        static Move of(Readable r) {
            return new Move(r.get("id", Long.class), r.get("tenant_code", String.class), r.get("from_database", String.class),
                    r.get("to_database", String.class), r.get("status", String.class), r.get("phase", String.class),
                    r.get("requested_by", String.class), r.get("started_at", OffsetDateTime.class),
                    r.get("finished_at", OffsetDateTime.class), r.get("read_only_ms", Long.class), r.get("rows_copied", Long.class),
                    r.get("old_schema", String.class), r.get("error", String.class));
        }

        /** The phase in Vietnamese, for the console and the CLI. */
        public String phaseVi() {
            return switch (phase) {
                case "queued" -> "đang chờ";
                case "preparing" -> "chuẩn bị cụm đích";
                case "copying" -> "sao chép (chỉ đọc)";
                case "verifying" -> "đối chiếu (chỉ đọc)";
                case "switching" -> "chuyển sổ đăng ký";
                case "cleaning" -> "dọn bản cũ";
                case "done" -> "xong";
                default -> phase;
            };
        }
    }

    private static final String COLUMNS = """
            id, tenant_code, from_database, to_database, status, phase, requested_by, started_at, finished_at,
            read_only_ms, rows_copied, old_schema, error""";

    private final PlatformDatabase platform;
    private final TenantRegistry registry;
    private final DatabaseClusters clusters;
    private final ClusterLinks links;
    private final SchemaMigrations migrations;
    private final PublicChanges changes;
    private final PgTools pg;
    private final BackupThreads threads;
    private final BackupConfiguration backups;
    private final OperatorAudit audit;
    private final TenantDatabase tenantDb;

    TenantMoves(PlatformDatabase platform, TenantRegistry registry, DatabaseClusters clusters, ClusterLinks links,
                SchemaMigrations migrations, PublicChanges changes, PgTools pg, BackupThreads threads, BackupConfiguration backups,
                OperatorAudit audit, TenantDatabase tenantDb) {
        this.tenantDb = tenantDb;
        this.platform = platform;
        this.registry = registry;
        this.clusters = clusters;
        this.links = links;
        this.migrations = migrations;
        this.changes = changes;
        this.pg = pg;
        this.threads = threads;
        this.backups = backups;
        this.audit = audit;
    }

    /**
     * Checks and records a move of {@code tenant} to cluster {@code target}; emits its row (status running, phase
     * queued) or fails with {@link IllegalArgumentException} and a Vietnamese message. {@link #run} does the work.
     */
    public Mono<Move> start(Tenant tenant, String target, OperatorActor who) {
        Tenant current = registry.findByCode(tenant.code()).orElse(tenant);
        if (current.moving()) {
            return Mono.error(new IllegalArgumentException("Cổng " + current.code() + " đang được chuyển sang cụm «" + current.movingTo() + "»."));
        }
        if (current.database().equals(target)) {
            return Mono.error(new IllegalArgumentException("Cổng " + current.code() + " đã ở cụm «" + target + "»."));
        }
        if (current.migrationStatus() != Tenant.MigrationStatus.OK) {
            return Mono.error(new IllegalArgumentException("Lược đồ của cổng " + current.code() + " chưa ở trạng thái tốt ("
                    + current.migrationStatus().db() + "): hãy khắc phục trước khi chuyển."));
        }
        return clusters.find(target)
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("Không có cụm cơ sở dữ liệu «" + target + "».")))
                .flatMap(cluster -> platform.mono(c -> c.one("""
                                INSERT INTO platform.tenant_moves (tenant_code, from_database, to_database, requested_by)
                                VALUES ($1, $2, $3, $4)""" + " RETURNING " + COLUMNS, Move::of,
                        current.code(), current.database(), target, who.name())))
                .onErrorMap(e -> e.getMessage() != null && e.getMessage().contains("tenant_moves_one_running"),
                        e -> new IllegalArgumentException("Cổng " + current.code() + " đang được chuyển."))
                .flatMap(move -> audit.record(who, "ops.tenant.move.start", current.code(), OperatorAudit.Outcome.OK,
                        Map.of("move", move.id(), "from", move.from(), "to", move.to())).thenReturn(move));
    }

    /** Runs a started move to its end; emits its final row (done or failed). Never errors. */
    public Mono<Move> run(Move move, OperatorActor who) {
        Tenant tenant = registry.findByCode(move.tenantCode()).orElseThrow();
        Path folder = backups.root().resolve(".moves").resolve(tenant.code() + "-" + UUID.randomUUID());
        State state = new State();
        return phase(move, "preparing")
                .then(threads.run(() -> {
                    links.prepareIfStale(move.to(), migrations.platformVersion());
                    if (migrations.schemaExists(clusters.jdbc(move.to()), tenant.schema())) {
                        throw new IllegalStateException("Cụm «" + move.to() + "» đã có lược đồ " + tenant.schema()
                                + " (bản cũ của một lần chuyển trước?): hãy xoá hoặc đổi tên nó trước.");
                    }
                }))
                .then(freeze(tenant, move, state))
                .then(phase(move, "copying"))
                .then(threads.call(() -> copy(tenant, move, folder, state)))
                .flatMap(rows -> phase(move, "switching").then(switchRegistry(tenant, move)).thenReturn(rows))
                .flatMap(rows -> {
                    long readOnlyMs = (System.nanoTime() - state.frozenAt) / 1_000_000;
                    LOG.info("Tenant {} moved {} -> {}: {} rows, writes refused for {} ms", tenant.code(), move.from(), move.to(), rows, readOnlyMs);
                    return phase(move, "cleaning")
                            .then(tenantDb.analyse(tenant)) // the copy's tables were loaded row by row (COPY), never analysed there
                            .then(Mono.delay(clusters.configuration().oldCopyGrace()))
                            .then(threads.call(() -> retireOldCopy(tenant, move)))
                            .map(old -> new Outcome(rows, readOnlyMs, old, null))
                            .onErrorResume(e -> Mono.just(new Outcome(rows, readOnlyMs, tenant.schema(),
                                    "đã chuyển xong, nhưng chưa dọn được bản cũ trên cụm «" + move.from() + "»: " + e.getMessage())));
                })
                .flatMap(outcome -> finish(move, "done", outcome.rows(), outcome.readOnlyMs(), outcome.oldSchema(), outcome.warning())
                        .flatMap(done -> audit.record(who, "ops.tenant.move", tenant.code(), OperatorAudit.Outcome.OK,
                                Map.of("move", move.id(), "from", move.from(), "to", move.to(), "rows", outcome.rows(),
                                        "readOnlyMs", outcome.readOnlyMs())).thenReturn(done)))
                .onErrorResume(e -> {
                    LOG.error("ALERT tenant {}: move {} to {} failed; the tenant stays on {}", tenant.code(), move.id(), move.to(), move.from(), e);
                    String message = e.getMessage() == null ? e.toString() : e.getMessage();
                    return undo(tenant, move, state)
                            .then(finish(move, "failed", null, state.frozenAt == 0 ? null : (System.nanoTime() - state.frozenAt) / 1_000_000, null, message))
                            .flatMap(failed -> audit.record(who, "ops.tenant.move", tenant.code(), OperatorAudit.Outcome.FAILED,
                                    Map.of("move", move.id(), "to", move.to(), "error", message)).thenReturn(failed));
                })
                .doFinally(signal -> {
                    try {
                        vn.cong.system.Folders.deleteTree(folder);
                    } catch (RuntimeException e) {
                        LOG.warn("Could not delete {}", folder);
                    }
                });
    }

    /** Starts the move and runs it in the background; emits the started row at once. */
    public Mono<Move> startInBackground(Tenant tenant, String target, OperatorActor who) {
        return start(tenant, target, who).doOnNext(move -> run(move, who).subscribe());
    }

    public Mono<Move> find(long id) {
        return platform.mono(c -> c.one("SELECT " + COLUMNS + " FROM platform.tenant_moves WHERE id = $1", Move::of, id));
    }

    /** The newest moves first (every tenant's: for the operator only). */
    public Mono<List<Move>> recent(int limit) {
        return platform.flux(c -> c.query("SELECT " + COLUMNS + " FROM platform.tenant_moves ORDER BY id DESC LIMIT $1", Move::of, limit))
                .collectList();
    }

    private static final class State {
        volatile long frozenAt;
        volatile OffsetDateTime frozenVisibleAt;
        volatile boolean restored;
    }

    private record Outcome(long rows, long readOnlyMs, String oldSchema, @Nullable String warning) {
    }

    /** Writes stop: at the edge on every node (the registry says moving), and in the source database itself. */
    private Mono<Void> freeze(Tenant tenant, Move move, State state) {
        return platform.mono(c -> c.update("UPDATE platform.tenants SET moving_to = $2 WHERE code = $1", tenant.code(), move.to()))
                .then(threads.run(() -> {
                    DatabaseConfiguration source = clusters.jdbc(move.from());
                    try (Connection c = source.openJdbc(source.name()); var s = c.prepareStatement(
                            "INSERT INTO cluster_local.frozen_schemas (schema_name, reason) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                        s.setString(1, tenant.schema());
                        s.setString(2, "chuyển sang cụm " + move.to() + " (lần chuyển " + move.id() + ")");
                        s.executeUpdate();
                        // committed (autocommit): a transaction begun from now on sees the mark and is read-only
                        try (var now = c.createStatement(); ResultSet rs = now.executeQuery("SELECT clock_timestamp()")) {
                            rs.next();
                            state.frozenVisibleAt = rs.getObject(1, OffsetDateTime.class);
                        }
                    }
                    state.frozenAt = System.nanoTime();
                }))
                .then(changes.refreshEveryNode());
    }

    /**
     * Blocking: writes the frozen schema's tables ({@link SchemaTables}: the schema alone, not the source database's
     * whole catalogue as pg_dump would read it) once every transaction that could still write to it has finished
     * ({@link #waitForEarlierWriters}), builds the schema on the target with the tenant migrations up to the same
     * version and loads them, and compares every table's row count and digest on both sides. Emits the number of rows
     * copied.
     */
    private long copy(Tenant tenant, Move move, Path folder, State state) throws SQLException, IOException {
        DatabaseConfiguration source = clusters.jdbc(move.from());
        DatabaseConfiguration target = clusters.jdbc(move.to());
        Files.createDirectories(folder);
        waitForEarlierWriters(source, tenant, state);
        SchemaMeasures before;
        SchemaTables.Exported tables;
        String version;
        try (Connection c = source.openJdbc(source.name())) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            before = SchemaMeasures.of(c, tenant.schema());
            version = SchemaDump.migrationVersion(c, tenant);
            if (!SchemaDump.rebuildable(c, tenant, version, migrations)) {
                throw new IllegalStateException("Lược đồ " + tenant.schema() + " còn thiếu một bước nâng cấp dưới phiên bản " + version
                        + ": khởi động lại một nút để nâng cấp các lược đồ rồi chuyển lại.");
            }
            tables = SchemaTables.export(c, tenant.schema(), folder);
            c.commit();
        }
        state.restored = true;
        migrations.migrateTenantTo(target, tenant.schema(), version);
        try (Connection c = target.openJdbc(target.name())) {
            SchemaTables.load(c, tenant.schema(), folder, tables.columns(), tables.sequences(), SchemaTables.LARGE_FILE, pg.maintenanceWorkMem());
        }
        try (Connection c = target.openJdbc(target.name());
             var thaw = c.prepareStatement("DELETE FROM cluster_local.frozen_schemas WHERE schema_name = ?")) {
            thaw.setString(1, tenant.schema()); // a mark left by an earlier move away from this cluster
            thaw.executeUpdate();
        }
        SchemaMeasures after;
        try (Connection c = target.openJdbc(target.name())) {
            after = SchemaMeasures.of(c, tenant.schema());
        }
        List<String> differences = before.differencesFrom(after);
        if (!differences.isEmpty()) {
            throw new IllegalStateException("Bản chép trên cụm «" + move.to() + "» khác bản gốc: " + String.join("; ", differences));
        }
        return before.rowCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Blocking: waits until every transaction that began before the freeze was visible, and could therefore still
     * write, has ended: tenant transactions (each holds a lock on {@code cluster_local.frozen_schemas}, read when its
     * search_path was set) and any other session holding a write lock on a table of the schema. Transactions begun
     * after it are read-only. Bounded by {@code cong.clusters.writer-wait}: the move fails (and thaws) past it.
     */
    private void waitForEarlierWriters(DatabaseConfiguration source, Tenant tenant, State state) throws SQLException {
        long deadline = System.nanoTime() + clusters.configuration().writerWait().toNanos();
        try (Connection c = source.openJdbc(source.name()); var q = c.prepareStatement("""
                SELECT count(DISTINCT l.pid) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                LEFT JOIN pg_class r ON r.oid = l.relation
                WHERE l.pid <> pg_backend_pid() AND a.xact_start < ?
                  AND (l.relation = 'cluster_local.frozen_schemas'::regclass
                       OR (r.relnamespace = to_regnamespace(?) AND l.mode IN ('RowExclusiveLock', 'ShareRowExclusiveLock',
                           'ExclusiveLock', 'AccessExclusiveLock', 'ShareUpdateExclusiveLock')))""")) {
            q.setObject(1, state.frozenVisibleAt);
            q.setString(2, tenant.schema());
            while (true) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Sau " + clusters.configuration().writerWait().toSeconds()
                            + " giây vẫn còn giao dịch ghi bắt đầu trước khi khoá; thử chuyển lại sau");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(50).toNanos());
            }
        }
    }

    /** The registry points at the new copy and writes are allowed again; every node reloads. */
    private Mono<Void> switchRegistry(Tenant tenant, Move move) {
        return platform.mono(c -> c.update("""
                        UPDATE platform.tenants SET database_name = $2, moving_to = NULL, updated_at = now()
                        WHERE code = $1 AND moving_to = $2""", tenant.code(), move.to()))
                .flatMap(n -> n == 1 ? changes.refreshEveryNode()
                        : Mono.error(new IllegalStateException("Sổ đăng ký của cổng " + tenant.code() + " đã đổi trong lúc chuyển")));
    }

    /** Blocking: the old copy, still frozen, is renamed away (kept for a while) or dropped; emits its new name. */
    private String retireOldCopy(Tenant tenant, Move move) throws SQLException {
        DatabaseConfiguration source = clusters.jdbc(move.from());
        try (Connection c = source.openJdbc(source.name())) {
            c.setAutoCommit(false);
            String old;
            try (Statement s = c.createStatement()) {
                if (clusters.configuration().dropOldCopy()) {
                    s.execute("DROP SCHEMA " + SchemaNames.quoted(tenant.schema()) + " CASCADE");
                    old = "";
                } else {
                    old = "moved_" + tenant.schema() + "_" + (System.currentTimeMillis() / 1000);
                    s.execute("ALTER SCHEMA " + SchemaNames.quoted(tenant.schema()) + " RENAME TO " + SchemaNames.quoted(old));
                }
            }
            try (var u = c.prepareStatement(old.isEmpty() ? "DELETE FROM cluster_local.frozen_schemas WHERE schema_name = ?"
                    : "UPDATE cluster_local.frozen_schemas SET schema_name = ?, reason = reason || ' — bản cũ, giữ lại' WHERE schema_name = ?")) {
                if (old.isEmpty()) {
                    u.setString(1, tenant.schema());
                } else {
                    u.setString(1, old);
                    u.setString(2, tenant.schema());
                }
                u.executeUpdate();
            }
            c.commit();
            return old;
        }
    }

    /** After a failure before the switch: the half-made copy goes, the source thaws, the registry forgets the move. */
    private Mono<Void> undo(Tenant tenant, Move move, State state) {
        return threads.run(() -> {
                    if (state.restored) {
                        DatabaseConfiguration target = clusters.jdbc(move.to());
                        try (Connection c = target.openJdbc(target.name()); Statement s = c.createStatement()) {
                            s.execute("DROP SCHEMA IF EXISTS " + SchemaNames.quoted(tenant.schema()) + " CASCADE");
                        }
                    }
                    DatabaseConfiguration source = clusters.jdbc(move.from());
                    try (Connection c = source.openJdbc(source.name());
                         var d = c.prepareStatement("DELETE FROM cluster_local.frozen_schemas WHERE schema_name = ?")) {
                        d.setString(1, tenant.schema());
                        d.executeUpdate();
                    }
                })
                .onErrorResume(e -> {
                    LOG.error("ALERT tenant {}: undoing move {} left something behind: {}", tenant.code(), move.id(), e.getMessage());
                    return Mono.empty();
                })
                .then(platform.mono(c -> c.update("UPDATE platform.tenants SET moving_to = NULL WHERE code = $1 AND database_name = $2",
                        tenant.code(), move.from())))
                .then(changes.refreshEveryNode())
                .onErrorResume(e -> Mono.empty());
    }

    private Mono<Void> phase(Move move, String phase) {
        return platform.mono(c -> c.update("UPDATE platform.tenant_moves SET phase = $2 WHERE id = $1", move.id(), phase)).then();
    }

    private Mono<Move> finish(Move move, String status, @Nullable Long rows, @Nullable Long readOnlyMs, @Nullable String oldSchema,
                              @Nullable String error) {
        return platform.mono(c -> c.one("""
                        UPDATE platform.tenant_moves SET status = $2, phase = CASE WHEN $2 = 'done' THEN 'done' ELSE phase END,
                            finished_at = now(), rows_copied = $3, read_only_ms = $4, old_schema = $5, error = $6
                        WHERE id = $1""" + " RETURNING " + COLUMNS, Move::of, move.id(), status, Sql.orNull(rows, Long.class),
                Sql.orNull(readOnlyMs, Long.class), Sql.orNull(oldSchema, String.class), Sql.orNull(error, String.class)));
    }
}
