package vn.cong.tenancy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The shared {@code extensions} schema (unaccent, pg_trgm and the search functions tenant tables are
 * indexed through), defined once by the platform migration {@code V100__search_extensions.sql}. A
 * database that receives tenant schemas without the platform's migrations (a backup's scratch
 * database) gets it from here, so a restored schema finds what its generated columns call.
 */
public final class DatabaseExtensions {

    private static final String MIGRATION = "db/platform/V100__search_extensions.sql";

    private DatabaseExtensions() {
    }

    /** Installs the extensions schema into the database {@code c} is connected to; idempotent. */
    public static void install(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(sql());
        }
    }

    private static String sql() {
        try (InputStream in = DatabaseExtensions.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            if (in == null) {
                throw new IllegalStateException(MIGRATION + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + MIGRATION, e);
        }
    }
}
