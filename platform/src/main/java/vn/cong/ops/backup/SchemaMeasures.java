package vn.cong.ops.backup;

import vn.cong.tenancy.SchemaNames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per table of a schema, its row count and an order-independent digest of its rows: what a manifest
 * records at backup time and what verification compares a scratch restore with.
 */
record SchemaMeasures(Map<String, Long> rowCounts, Map<String, String> tableDigests) {

    /** Which columns a table's digest covers. */
    enum Columns {
        /** Every column, stored generated ones included: manifests written before {@link #DUMPED} (no {@code digestColumns}). */
        EVERY,
        /**
         * The columns a dump holds: stored generated columns (content_items' search columns) are left out, since pg_dump
         * does not write them and PostgreSQL computes them again from the other columns on restore. Where a table has no
         * generated column, its digest is the same as {@link #EVERY}'s.
         */
        DUMPED;

        /** As a manifest's {@code digestColumns} names it; null (older manifests) is {@link #EVERY}. */
        static Columns of(String name) {
            return name == null ? EVERY : valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }

        String stored() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Measures {@code schema} on {@code c}, digesting the columns a dump holds ({@link Columns#DUMPED}). */
    static SchemaMeasures of(Connection c, String schema) throws SQLException {
        return of(c, schema, Columns.DUMPED);
    }

    /** Measures {@code schema} on {@code c} (blocking JDBC: it runs inside the snapshot pg_dump reads, or in a scratch database). */
    static SchemaMeasures of(Connection c, String schema, Columns columns) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, String> digests = new TreeMap<>();
        for (String table : tables(c, schema)) {
            List<String> generated = columns == Columns.DUMPED ? generatedColumns(c, schema, table) : List.of();
            String row = generated.isEmpty() ? "t::text" : "ROW(" + String.join(", ", dumpedColumns(c, schema, table)) + ")::text";
            String sql = "SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '') FROM (SELECT md5(" + row + ") AS h FROM "
                    + SchemaNames.qualified(schema, table) + " t) rows";
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                counts.put(table, rs.getLong(1));
                digests.put(table, rs.getString(2));
            }
        }
        return new SchemaMeasures(counts, digests);
    }

    private static List<String> generatedColumns(Connection c, String schema, String table) throws SQLException {
        return columns(c, schema, table, "a.attgenerated <> ''");
    }

    /** The table's columns that are not generated, in table order, each as {@code t."name"}. */
    private static List<String> dumpedColumns(Connection c, String schema, String table) throws SQLException {
        return storedColumns(c, schema, table).stream().map(name -> "t.\"" + name.replace("\"", "\"\"") + "\"").toList();
    }

    /** The table's columns that are not generated (what a dump or a copy holds), in table order. */
    static List<String> storedColumns(Connection c, String schema, String table) throws SQLException {
        return columns(c, schema, table, "a.attgenerated = ''");
    }

    private static List<String> columns(Connection c, String schema, String table, String which) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid "
                + "JOIN pg_namespace n ON n.oid = r.relnamespace WHERE n.nspname = ? AND r.relname = ? AND a.attnum > 0 "
                + "AND NOT a.attisdropped AND " + which + " ORDER BY a.attnum")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static List<String> tables(Connection c, String schema) throws SQLException {
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
        return tables;
    }

    /** What differs between what a manifest recorded ({@code this}) and what a restore holds. */
    List<String> differencesFrom(SchemaMeasures restored) {
        List<String> problems = new ArrayList<>();
        rowCounts.forEach((table, n) -> {
            if (!n.equals(restored.rowCounts().get(table))) {
                problems.add(table + ": " + restored.rowCounts().get(table) + " dòng thay vì " + n);
            } else if (!tableDigests.get(table).equals(restored.tableDigests().get(table))) {
                problems.add(table + ": nội dung khác bản kê");
            }
        });
        restored.rowCounts().keySet().stream().filter(t -> !rowCounts.containsKey(t)).forEach(t -> problems.add(t + ": bảng lạ"));
        return problems;
    }
}
