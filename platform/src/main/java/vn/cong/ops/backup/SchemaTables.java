package vn.cong.ops.backup;

import io.micronaut.serde.annotation.Serdeable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.SchemaMigrations;
import vn.cong.tenancy.SchemaNames;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A tenant schema's rows as files of their own, read from the schema alone: each table written by {@code COPY … TO
 * STDOUT (FORMAT binary)} into {@code tables/<table>.copy.gz}, in the snapshot the manifest measures, with its
 * column list and the schema's sequence values. Unlike {@code pg_dump -n}, which reads the whole catalogue of the
 * database (1.8 s for a near-empty tenant among 250 schemas, growing with every schema), nothing here looks beyond
 * the tenant's own schema. The table definitions are not written: a restore creates the schema with the tenant
 * migrations up to the backup's version (the migration history is one of the tables), loads the rows, then migrates
 * on to the current version. Blocking JDBC.
 */
final class SchemaTables {

    static final String FOLDER = "tables";
    static final String SUFFIX = ".copy.gz";
    /** A table whose file is larger gets its indexes built after its rows are in (1 MB compressed: some thousands of rows). */
    static final long LARGE_FILE = 1024 * 1024;

    private SchemaTables() {
    }

    /** A sequence's state, as {@code setval(sequence, lastValue, called)} puts it back. */
    @Serdeable
    record SequenceValue(long lastValue, boolean called) {
    }

    /** What an export wrote: each table's copied columns (in file order) and each sequence's value. */
    record Exported(Map<String, List<String>> columns, Map<String, SequenceValue> sequences) {
    }

    /**
     * Writes every base table of {@code schema} under {@code folder/tables/}, reading through {@code c} (in the caller's
     * repeatable-read transaction, so that every table comes from one snapshot). Stored generated columns are left out:
     * the load computes them again.
     */
    static Exported export(Connection c, String schema, Path folder) throws SQLException, IOException {
        Path tables = Files.createDirectories(folder.resolve(FOLDER));
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Map<String, List<String>> columns = new TreeMap<>();
        for (String table : tables(c, schema)) {
            List<String> copied = SchemaMeasures.storedColumns(c, schema, table);
            columns.put(table, copied);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tables.resolve(table + SUFFIX)), 64 * 1024) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            }) {
                copy.copyOut("COPY " + SchemaNames.qualified(schema, table) + " (" + quoted(copied) + ") TO STDOUT (FORMAT binary)", out);
            }
        }
        return new Exported(columns, sequences(c, schema));
    }

    /**
     * Loads an export into {@code schema}, which the tenant migrations have just brought to the backup's version, in
     * one transaction on {@code c}: whatever the migrations inserted is removed, the foreign keys are dropped and the
     * schema's own triggers disabled while the rows go in (as pg_restore loads data before it makes constraints and
     * triggers), then both come back (the keys checked against the loaded rows) and the sequences take their values.
     * The tables whose file is larger than {@code largeFile} bytes get their own indexes built after their rows are in,
     * with {@code maintenanceWorkMem} (checked by {@link PgTools#maintenanceWorkMem}; empty: the server's).
     */
    static void load(Connection c, String schema, Path folder, Map<String, List<String>> columns, Map<String, SequenceValue> sequences,
                     long largeFile, String maintenanceWorkMem) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            List<String> present = tables(c, schema);
            List<String> missing = columns.keySet().stream().filter(t -> !present.contains(t)).toList();
            if (!missing.isEmpty()) {
                throw new BackupFailure("Lược đồ dựng lại thiếu bảng " + String.join(", ", missing)
                        + ": bản sao lưu không khớp với các bước nâng cấp của bản phần mềm này");
            }
            Map<String, String> foreignKeys = foreignKeys(c, schema);
            try (var s = c.createStatement()) {
                for (Map.Entry<String, String> key : foreignKeys.entrySet()) {
                    String[] tableAndName = key.getKey().split("\u0000", 2);
                    s.execute("ALTER TABLE " + SchemaNames.qualified(schema, tableAndName[0]) + " DROP CONSTRAINT " + identifier(tableAndName[1]));
                }
                List<String> qualified = present.stream().map(t -> SchemaNames.qualified(schema, t)).toList();
                for (String table : qualified) {
                    // the schema's own triggers (append-only guards, outbox and chain writers) stay out of the load
                    s.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
                }
                if (!qualified.isEmpty()) {
                    s.execute("TRUNCATE " + String.join(", ", qualified));
                }
            }
            // a large table's own indexes (full-text, trigram) are built once after its rows, not updated row by row
            Map<String, String> deferredIndexes = indexesOfLargeTables(c, schema, folder, columns.keySet(), largeFile);
            try (var s = c.createStatement()) {
                if (!deferredIndexes.isEmpty() && !maintenanceWorkMem.isEmpty()) {
                    // what the index builds sort and gather in, for this transaction only (cong.backup.restore-maintenance-work-mem)
                    s.execute("SET LOCAL maintenance_work_mem = '" + maintenanceWorkMem + "'");
                }
                for (String index : deferredIndexes.keySet()) {
                    s.execute("DROP INDEX " + SchemaNames.qualified(schema, index));
                }
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(folder.resolve(FOLDER).resolve(table.getKey() + SUFFIX)), 64 * 1024)) {
                    copy.copyIn("COPY " + SchemaNames.qualified(schema, table.getKey()) + " (" + quoted(table.getValue())
                            + ") FROM STDIN (FORMAT binary)", in);
                }
            }
            try (var s = c.createStatement()) {
                for (String definition : deferredIndexes.values()) {
                    s.execute(definition);
                }
                for (String table : present) {
                    s.execute("ALTER TABLE " + SchemaNames.qualified(schema, table) + " ENABLE TRIGGER USER");
                }
                for (Map.Entry<String, String> key : foreignKeys.entrySet()) {
                    String[] tableAndName = key.getKey().split("\u0000", 2);
                    s.execute("ALTER TABLE " + SchemaNames.qualified(schema, tableAndName[0]) + " ADD CONSTRAINT "
                            + identifier(tableAndName[1]) + " " + key.getValue());
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                for (Map.Entry<String, SequenceValue> sequence : sequences.entrySet()) {
                    ps.setString(1, SchemaNames.qualified(schema, sequence.getKey()));
                    ps.setLong(2, sequence.getValue().lastValue());
                    ps.setBoolean(3, sequence.getValue().called());
                    ps.execute();
                }
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Builds {@code schema} in {@code where} from a {@code copy} backup in {@code folder}: the tenant migrations up to the
     * backup's version, then its rows ({@link #load}). The schema must not exist yet. Migrating on to the current
     * version is the caller's (a verification compares the backup's own version).
     */
    static void rebuild(SchemaMigrations migrations, DatabaseConfiguration where, String schema, Path folder, BackupManifest manifest,
                        String maintenanceWorkMem) throws SQLException, IOException {
        if (manifest.tableColumns() == null || manifest.migrationVersion() == null) {
            throw new BackupFailure("Bản kê không ghi danh sách bảng hoặc phiên bản lược đồ: không dựng lại được");
        }
        migrations.migrateTenantTo(where, schema, manifest.migrationVersion());
        try (Connection c = where.openJdbc(where.name())) {
            load(c, schema, folder, manifest.tableColumns(), manifest.sequences() == null ? Map.of() : manifest.sequences(), LARGE_FILE, maintenanceWorkMem);
        }
    }

    /** The schema's base tables, by name. */
    static List<String> tables(Connection c, String schema) throws SQLException {
        return strings(c, """
                SELECT r.relname FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace
                WHERE n.nspname = ? AND r.relkind = 'r' ORDER BY 1""", schema);
    }

    /**
     * The indexes that back no primary key, unique or exclusion constraint, of the tables whose file is larger than
     * {@code largeFile} bytes ({@link #LARGE_FILE} in restores: rebuilding the indexes of a near-empty table costs more than updating them), with their
     * definitions.
     */
    private static Map<String, String> indexesOfLargeTables(Connection c, String schema, Path folder, java.util.Set<String> tables,
                                                            long largeFile) throws SQLException, IOException {
        List<String> large = new ArrayList<>();
        for (String table : tables) {
            if (Files.size(folder.resolve(FOLDER).resolve(table + SUFFIX)) > largeFile) {
                large.add(table);
            }
        }
        Map<String, String> indexes = new LinkedHashMap<>();
        if (large.isEmpty()) {
            return indexes;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class r ON r.oid = x.indrelid JOIN pg_namespace n ON n.oid = r.relnamespace
                WHERE n.nspname = ? AND r.relname = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u', 'x'))
                ORDER BY 1""")) {
            ps.setString(1, schema);
            ps.setArray(2, c.createArrayOf("text", large.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return indexes;
    }

    /** Each foreign key of the schema's tables, keyed by table and constraint name (NUL between), with its definition. */
    private static Map<String, String> foreignKeys(Connection c, String schema) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k
                JOIN pg_class r ON r.oid = k.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
                WHERE n.nspname = ? AND k.contype = 'f' ORDER BY r.relname, k.conname""")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getString(3));
                }
            }
        }
        return keys;
    }

    private static Map<String, SequenceValue> sequences(Connection c, String schema) throws SQLException {
        Map<String, SequenceValue> values = new TreeMap<>();
        for (String sequence : strings(c, """
                SELECT r.relname FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace
                WHERE n.nspname = ? AND r.relkind = 'S' ORDER BY 1""", schema)) {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM "
                    + SchemaNames.qualified(schema, sequence))) {
                rs.next();
                values.put(sequence, new SequenceValue(rs.getLong(1), rs.getBoolean(2)));
            }
        }
        return values;
    }

    private static String quoted(List<String> columns) {
        return String.join(", ", columns.stream().map(SchemaTables::identifier).toList());
    }

    /** A column or constraint name as a quoted identifier (these come from the catalogue, not from a user). */
    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static List<String> strings(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            return strings(ps);
        }
    }

    private static List<String> strings(PreparedStatement ps) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
