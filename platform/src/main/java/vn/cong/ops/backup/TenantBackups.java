package vn.cong.ops.backup;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cong.media.MediaConfiguration;
import vn.cong.system.Folders;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.SchemaMigrations;
import vn.cong.tenancy.Tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Backs up a tenant (its schema with pg_dump, its media, its theme settings, a manifest), proves a
 * backup restorable by restoring it into a scratch database and comparing, and restores a tenant.
 * Blocking throughout: callers run it on a blocking executor or in a background job.
 */
@Singleton
public class TenantBackups {

    private static final Logger LOG = LoggerFactory.getLogger(TenantBackups.class);
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final String DUMP = "schema.dump";
    static final String MANIFEST = "manifest.json";

    private final BackupConfiguration config;
    private final DatabaseConfiguration db;
    private final MediaConfiguration media;
    private final PgTools pg;
    private final SchemaMigrations migrations;
    private final JsonMapper json;
    private final BackupAlerts alerts;

    public TenantBackups(BackupConfiguration config, DatabaseConfiguration db, MediaConfiguration media, PgTools pg,
                         SchemaMigrations migrations, JsonMapper json, BackupAlerts alerts) {
        this.config = config;
        this.db = db;
        this.media = media;
        this.pg = pg;
        this.migrations = migrations;
        this.json = json;
        this.alerts = alerts;
    }

    /** Takes a backup of the tenant now; the run is recorded whether it succeeds or fails. */
    public BackupRun backup(Tenant tenant, String trigger) {
        return take(tenant, insertRun(tenant.code(), trigger));
    }

    /**
     * Takes the backup of an already recorded run ({@code platform.backup_runs}, status running),
     * noting each phase on the run as it goes so the console can show what it is doing.
     */
    public BackupRun take(Tenant tenant, long id) {
        Path folder = config.root().resolve(tenant.code())
                .resolve(OffsetDateTime.now(ZoneOffset.UTC).format(FOLDER) + "-" + id);
        try {
            Files.createDirectories(folder);
            phase(id, BackupPhase.DUMPING);
            Map<String, Long> counts = new TreeMap<>();
            Map<String, String> digests = new TreeMap<>();
            String migrationVersion;
            try (Connection c = connect(db.name())) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                String snapshot = single(c, "SELECT pg_export_snapshot()");
                measure(c, tenant.schema(), counts, digests);
                migrationVersion = single(c, "SELECT version FROM " + tenant.schema()
                        + ".flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1");
                pg.dumpSchema(tenant.schema(), snapshot, folder.resolve(DUMP)); // same snapshot as the counts
                c.commit();
            }
            phase(id, BackupPhase.MEDIA);
            Folders.copyTree(media.root().resolve(tenant.code()), folder.resolve("media"));
            phase(id, BackupPhase.MANIFEST);
            String[] themeAndSettings = tenantSettings(tenant.code());
            Map<String, String> files = checksums(folder);
            BackupManifest manifest = new BackupManifest(tenant.code(), tenant.schema(), tenant.nameVi(), tenant.nameEn(),
                    OffsetDateTime.now(), platformVersion(), migrationVersion, themeAndSettings[0], themeAndSettings[1],
                    files, counts, digests);
            Files.write(folder.resolve(MANIFEST), json.writeValueAsBytes(manifest));
            long size = sizeOf(folder);
            finishRun(id, "succeeded", folder.toString(), size, null);
            LOG.info("Tenant {}: backup {} written to {} ({} bytes)", tenant.code(), id, folder, size);
            return run(id);
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.error("ALERT tenant {}: backup {} failed", tenant.code(), id, e);
            finishRun(id, "failed", folder.toString(), 0, e.getMessage());
            alerts.backupFailed(tenant.code(), id, String.valueOf(e.getMessage()));
            return run(id);
        }
    }

    /** Restores the backup into a scratch database and compares with its manifest; records the result. */
    public BackupRun verify(long runId) {
        BackupRun run = run(runId);
        update("UPDATE platform.backup_runs SET phase = ?, verification_started_at = now() WHERE id = ?",
                BackupPhase.VERIFYING.db(), runId);
        List<String> problems = new ArrayList<>();
        try {
            BackupManifest manifest = manifest(run);
            problems.addAll(checkFiles(run.folder(), manifest));
            if (problems.isEmpty()) {
                problems.addAll(compareRestored(run.folder(), manifest));
            }
        } catch (IOException | SQLException | RuntimeException e) {
            problems.add("không khôi phục được bản sao lưu: " + e.getMessage());
        }
        String detail = problems.isEmpty() ? "Khôi phục thử thành công; số dòng và tổng kiểm khớp với bản kê." : String.join("; ", problems);
        recordVerification(runId, problems.isEmpty() ? "passed" : "failed", detail);
        if (!problems.isEmpty()) {
            LOG.error("ALERT backup {} of tenant {} failed verification: {}", runId, run.tenantCode(), detail);
            alerts.verificationFailed(run.tenantCode(), runId, detail);
        }
        return run(runId);
    }

    /**
     * Restores a backup as a new tenant schema {@code t_<newCode>} (the caller registers the tenant):
     * restored into a scratch database, renamed there, and moved into the platform database.
     */
    public BackupManifest restoreSchemaAs(long runId, String newCode) {
        BackupRun run = run(runId);
        BackupManifest manifest;
        try {
            manifest = manifest(run);
        } catch (IOException e) {
            throw new BackupFailure("Không đọc được bản kê của bản sao lưu " + runId, e);
        }
        List<String> fileProblems = checkFiles(run.folder(), manifest);
        if (!fileProblems.isEmpty()) {
            throw new BackupFailure("Bản sao lưu " + runId + " đã bị thay đổi: " + String.join("; ", fileProblems));
        }
        String target = Tenant.schemaFor(newCode);
        String scratch = scratchDatabase();
        Path renamed = run.folder().resolveSibling("restore-" + UUID.randomUUID() + ".dump");
        try {
            createDatabase(scratch);
            pg.restore(run.folder().resolve(DUMP), scratch);
            if (!target.equals(manifest.schema())) {
                try (Connection c = connect(scratch); var s = c.createStatement()) {
                    s.execute("ALTER SCHEMA " + manifest.schema() + " RENAME TO " + target);
                }
            }
            try (Connection c = connect(scratch)) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                pg.dumpSchemaFrom(scratch, target, single(c, "SELECT pg_export_snapshot()"), renamed);
                c.commit();
            }
            pg.restore(renamed, db.name());
            migrations.migrateTenant(target);
            Folders.copyTree(run.folder().resolve("media"), media.root().resolve(newCode));
            return manifest;
        } catch (SQLException e) {
            throw new BackupFailure("Khôi phục bản sao lưu " + runId + " thất bại: " + e.getMessage(), e);
        } finally {
            dropDatabase(scratch);
            try {
                Files.deleteIfExists(renamed);
            } catch (IOException e) {
                LOG.warn("Could not delete {}", renamed);
            }
        }
    }

    /** Replaces the tenant's schema and media with the backup's (take a fresh backup first). */
    public void restoreInPlace(long runId, Tenant tenant) {
        BackupRun run = run(runId);
        BackupManifest manifest;
        try {
            manifest = manifest(run);
        } catch (IOException e) {
            throw new BackupFailure("Không đọc được bản kê của bản sao lưu " + runId, e);
        }
        if (!manifest.schema().equals(tenant.schema())) {
            throw new BackupFailure("Bản sao lưu " + runId + " là của cổng " + manifest.tenantCode() + ", không phải " + tenant.code());
        }
        List<String> fileProblems = checkFiles(run.folder(), manifest);
        if (!fileProblems.isEmpty()) {
            throw new BackupFailure("Bản sao lưu " + runId + " đã bị thay đổi: " + String.join("; ", fileProblems));
        }
        try (Connection c = connect(db.name()); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + tenant.schema() + " CASCADE"); // absent when restoring a lost schema
        } catch (SQLException e) {
            throw new BackupFailure("Không xoá được lược đồ hiện tại: " + e.getMessage(), e);
        }
        pg.restore(run.folder().resolve(DUMP), db.name());
        migrations.migrateTenant(tenant.schema());
        Path mediaFolder = media.root().resolve(tenant.code());
        Folders.deleteTree(mediaFolder);
        Folders.copyTree(run.folder().resolve("media"), mediaFolder);
    }

    /** Drops the schema a restore as {@code newCode} created, when the new tenant could not be registered. */
    void dropRestoredSchema(String newCode) {
        try (Connection c = connect(db.name()); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + Tenant.schemaFor(newCode) + " CASCADE");
        } catch (SQLException e) {
            LOG.error("Restored schema of {} could not be dropped after a failed registration", newCode, e);
        }
        Folders.deleteTree(media.root().resolve(newCode));
    }

    public BackupRun run(long id) {
        try (Connection c = connect(db.name());
             PreparedStatement ps = c.prepareStatement("""
                     SELECT\s""" + BackupRun.COLUMNS + " FROM platform.backup_runs WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new BackupFailure("Không có bản sao lưu số " + id);
                }
                return BackupRun.of(rs);
            }
        } catch (SQLException e) {
            throw new BackupFailure("Cannot read backup run " + id, e);
        }
    }

    BackupManifest manifest(BackupRun run) throws IOException {
        if (run.path() == null || !"succeeded".equals(run.status())) {
            throw new BackupFailure("Bản sao lưu " + run.id() + " không hoàn tất (" + run.status() + ")");
        }
        return json.readValue(Files.readAllBytes(run.folder().resolve(MANIFEST)), Argument.of(BackupManifest.class));
    }

    private List<String> checkFiles(Path folder, BackupManifest manifest) {
        List<String> problems = new ArrayList<>();
        Map<String, String> actual = checksums(folder);
        manifest.files().forEach((file, sha) -> {
            String found = actual.get(file);
            if (found == null) {
                problems.add(file + ": thiếu tệp");
            } else if (!found.equals(sha)) {
                problems.add(file + ": tổng kiểm SHA-256 không khớp");
            }
        });
        actual.keySet().stream().filter(f -> !manifest.files().containsKey(f)).forEach(f -> problems.add(f + ": tệp lạ"));
        return problems;
    }

    private List<String> compareRestored(Path folder, BackupManifest manifest) throws SQLException {
        String scratch = scratchDatabase();
        try {
            createDatabase(scratch);
            pg.restore(folder.resolve(DUMP), scratch);
            Map<String, Long> counts = new TreeMap<>();
            Map<String, String> digests = new TreeMap<>();
            try (Connection c = connect(scratch)) {
                measure(c, manifest.schema(), counts, digests);
            }
            List<String> problems = new ArrayList<>();
            manifest.rowCounts().forEach((table, n) -> {
                if (!n.equals(counts.get(table))) {
                    problems.add(table + ": " + counts.get(table) + " dòng thay vì " + n);
                } else if (!manifest.tableDigests().get(table).equals(digests.get(table))) {
                    problems.add(table + ": nội dung khác bản kê");
                }
            });
            counts.keySet().stream().filter(t -> !manifest.rowCounts().containsKey(t)).forEach(t -> problems.add(t + ": bảng lạ"));
            return problems;
        } finally {
            dropDatabase(scratch);
        }
    }

    /** Row count and an order-independent digest of every table of a schema. */
    private static void measure(Connection c, String schema, Map<String, Long> counts, Map<String, String> digests) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY 1")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        for (String table : tables) {
            String sql = "SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '') FROM (SELECT md5(t::text) AS h FROM "
                    + schema + ".\"" + table.replace("\"", "") + "\" t) rows";
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                counts.put(table, rs.getLong(1));
                digests.put(table, rs.getString(2));
            }
        }
    }

    private String[] tenantSettings(String code) throws SQLException {
        try (Connection c = connect(db.name());
             PreparedStatement ps = c.prepareStatement("SELECT theme, settings::text FROM platform.tenants WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[]{rs.getString(1), rs.getString(2)} : new String[]{"default", "{}"};
            }
        }
    }

    private long insertRun(String code, String trigger) {
        try (Connection c = connect(db.name());
             PreparedStatement ps = c.prepareStatement("INSERT INTO platform.backup_runs (tenant_code, trigger) VALUES (?, ?) RETURNING id")) {
            ps.setString(1, code);
            ps.setString(2, trigger);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new BackupFailure("Cannot record backup run for " + code, e);
        }
    }

    private void finishRun(long id, String status, String path, long size, String error) {
        update("UPDATE platform.backup_runs SET status = ?, path = ?, size_bytes = ?, error = ?, finished_at = now(), phase = NULL WHERE id = ?",
                status, path, size, error, id);
    }

    private void recordVerification(long id, String status, String detail) {
        update("""
                UPDATE platform.backup_runs SET verification_status = ?, verification_detail = ?, verified_at = now(), phase = NULL
                WHERE id = ?""", status, detail, id);
    }

    private void phase(long id, BackupPhase phase) {
        update("UPDATE platform.backup_runs SET phase = ? WHERE id = ?", phase.db(), id);
    }

    private void update(String sql, Object... params) {
        try (Connection c = connect(db.name()); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new BackupFailure("Cannot update backup record: " + e.getMessage(), e);
        }
    }

    private String scratchDatabase() {
        return "cong_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private void createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
    }

    private void dropDatabase(String name) {
        try (Connection c = connect("postgres"); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            LOG.warn("Could not drop scratch database {}: {}", name, e.getMessage());
        }
    }

    private Connection connect(String database) throws SQLException {
        return db.openJdbc(database);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Map<String, String> checksums(Path folder) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(MANIFEST))
                    .forEach(p -> files.put(folder.relativize(p).toString().replace('\\', '/'), sha256(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String sha256(Path file) {
        try (var in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }



    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String platformVersion() {
        String v = TenantBackups.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
