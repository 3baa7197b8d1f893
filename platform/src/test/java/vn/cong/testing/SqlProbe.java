package vn.cong.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads and changes a test class's database behind the platform's back: {@code SqlProbe.number(this::jdbc, "SELECT …")}. */
public final class SqlProbe {

    private SqlProbe() {
    }

    @FunctionalInterface
    public interface Jdbc {
        Connection open() throws SQLException;
    }

    public static long number(Jdbc db, String sql) {
        return Long.parseLong(string(db, sql));
    }

    public static String string(Jdbc db, String sql) {
        List<String> values = column(db, sql);
        assertTrue(!values.isEmpty(), "no row: " + sql);
        return values.get(0);
    }

    public static List<String> column(Jdbc db, String sql) {
        try (Connection c = db.open(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static void run(Jdbc db, String... statements) {
        try (Connection c = db.open(); var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
