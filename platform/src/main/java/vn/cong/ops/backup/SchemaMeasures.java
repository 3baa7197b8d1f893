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

    /** Measures {@code schema} on {@code c} (blocking JDBC: it runs inside the snapshot pg_dump reads, or in a scratch database). */
    static SchemaMeasures of(Connection c, String schema) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, String> digests = new TreeMap<>();
        for (String table : tables(c, schema)) {
            String sql = "SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '') FROM (SELECT md5(t::text) AS h FROM "
                    + SchemaNames.qualified(schema, table) + " t) rows";
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                counts.put(table, rs.getLong(1));
                digests.put(table, rs.getString(2));
            }
        }
        return new SchemaMeasures(counts, digests);
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
