package vn.cong.tenancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the planner's statistics of a database's system catalogues up to date as tenant schemas are added. Every
 * tenant schema adds about 300 rows to {@code pg_class} (and thousands to {@code pg_attribute}, {@code pg_depend});
 * Flyway's own check for its history table ({@code pg_class ⋈ pg_namespace} by name) and the start-up's version query
 * are planned from those statistics. Left at a new database's values (a {@code pg_class} of 410 rows, 4 schemas), the
 * planner walks every schema's {@code flyway_schema_history} row against every schema: measured at 400 tenant schemas,
 * 105 such checks took 880 ms of one onboarding's 1,417 ms of SQL (7–9 ms each instead of 0.04 ms), growing with
 * every tenant. Autovacuum normally analyses the catalogues, but it may be off (this project's CI machines) or a
 * minute behind a bulk onboarding. So after each tenant migration the catalogues that changed by more than
 * autovacuum's own default rule (50 rows + 10 % since their last analysis) are analysed here (not {@code pg_statistic},
 * which every analysis writes to): one query to check
 * (about a millisecond), and an {@code ANALYZE} of a few catalogues now and then (about 0.1–0.2 s at 400 schemas),
 * more rarely as the database grows. A database owner may analyse its catalogues; any other role gets PostgreSQL's
 * warning and nothing changes. Blocking JDBC, like the migrations it follows.
 */
final class CatalogStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogStatistics.class);

    /**
     * The catalogues of this database (not the shared ones) that changed by more than autovacuum's default analyse
     * threshold since their last analysis, manual or automatic.
     */
    private static final String STALE = """
            SELECT s.relname
            FROM pg_stat_sys_tables s
            JOIN pg_class c ON c.oid = s.relid
            WHERE s.schemaname = 'pg_catalog' AND NOT c.relisshared AND s.relname <> 'pg_statistic'
              AND s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
            ORDER BY s.relname""";

    private CatalogStatistics() {
    }

    /** Analyses the stale catalogues of the database {@code c} is connected to; returns their names. */
    static List<String> refreshStale(Connection c) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (var s = c.createStatement(); var rs = s.executeQuery(STALE)) {
            while (rs.next()) {
                stale.add(rs.getString(1));
            }
        }
        for (String catalogue : stale) {
            try (var s = c.createStatement()) {
                s.execute("ANALYZE pg_catalog." + SchemaNames.quoted(catalogue));
            }
        }
        return stale;
    }

    /** The same in the database {@code where}; a failure is logged, never thrown: statistics are an optimisation. */
    static void refreshStale(DatabaseConfiguration where) {
        long started = System.nanoTime();
        try (Connection c = where.openJdbc(where.name())) {
            c.setAutoCommit(true);
            List<String> analysed = refreshStale(c);
            if (!analysed.isEmpty()) {
                LOG.info("Catalogue statistics of database {} refreshed ({}) in {} ms", where.name(), String.join(", ", analysed),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (SQLException e) {
            LOG.warn("Catalogue statistics of database {} not refreshed: {}", where.name(), e.getMessage());
        }
    }
}
