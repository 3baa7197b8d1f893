package vn.cong.tenancy;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The planner's statistics of a tenant's tables, taken again after a bulk load (the demo content, an import of items
 * or of a WordPress site, a restore, a move to another database). PostgreSQL plans from them, and a table it never
 * analysed is planned as nearly empty: the ministry demo home's section blocks ran a nested loop over all 416 articles
 * (3.9 ms) where, analysed, a hash join took 1.4 ms. Autovacuum analyses a changed table a minute or more later, or never
 * where it is off (this project's CI and benchmark machines); PostgreSQL's own advice after a bulk load is to
 * {@code ANALYZE}. Every table of the schema, in one statement, so that a load that touched many tables leaves none
 * behind: 20–90 ms for a demo tenant's 69 tables (each samples at most 30,000 rows, so a large tenant takes longer but
 * not in proportion). It takes no lock that stops reads or writes.
 */
public final class TableStatistics {

    private TableStatistics() {
    }

    /** One statement analysing every table of {@code schema} (checked by {@link SchemaNames}). */
    public static String analyseAll(String schema) {
        SchemaNames.quoted(schema); // a name the platform makes: letters, digits and underscores, so a plain literal
        return "DO $$DECLARE t text; BEGIN FOR t IN SELECT format('%I.%I', schemaname, tablename) FROM pg_tables"
                + " WHERE schemaname = '" + schema + "' ORDER BY tablename LOOP EXECUTE 'ANALYZE ' || t; END LOOP; END$$";
    }

    /** The same on a JDBC connection (restores load their rows through JDBC). */
    public static void analyseAll(Connection c, String schema) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(analyseAll(schema));
        }
    }
}
