package vn.cong.testing;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.SchemaMigrations;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/** Tenant schemas as an older build left them, for the start-up upgrade tests. */
public final class OlderSchemas {

    private OlderSchemas() {
    }

    /** The tenant's schema dropped and rebuilt as the build before this one left it: one migration behind, and empty. */
    public static void oneMigrationBehind(DatabaseConfiguration db, String code) {
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); var s = c.createStatement()) {
            s.execute("DROP SCHEMA t_" + code + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).schemas("t_" + code).defaultSchema("t_" + code)
                .createSchemas(true).locations("classpath:db/tenant").target(secondNewest(db)).load().migrate();
    }

    /** The newest tenant migration this build carries, as the platform reads it from the class path. */
    public static MigrationVersion newest(DatabaseConfiguration db) {
        return new SchemaMigrations(db, null).newestTenantMigration();
    }

    public static MigrationVersion secondNewest(DatabaseConfiguration db) {
        return versions(db).sorted(Comparator.reverseOrder()).skip(1).findFirst().orElseThrow();
    }

    /** The tenant migrations as Flyway itself lists them (its info on a schema that does not exist). */
    public static Stream<MigrationVersion> versions(DatabaseConfiguration db) {
        return Stream.of(Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).schemas("t_not_there")
                        .locations("classpath:db/tenant").load().info().all())
                .map(i -> i.getVersion()).filter(v -> v != null);
    }
}
