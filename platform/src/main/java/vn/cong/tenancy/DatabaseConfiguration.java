package vn.cong.tenancy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The PostgreSQL database that holds the platform schema and every tenant schema. The R2DBC pool
 * (request path) and JDBC (Flyway migrations, pg_dump) both read it.
 */
@ConfigurationProperties("cong.database")
public record DatabaseConfiguration(
        @Bindable(defaultValue = "127.0.0.1") String host,
        @Bindable(defaultValue = "5432") int port,
        @Bindable(defaultValue = "cong") String name,
        @Bindable(defaultValue = "postgres") String user,
        @Bindable(defaultValue = "") String password,
        @Bindable(defaultValue = "true") boolean createIfMissing) {

    public String jdbcUrl() {
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * A blocking JDBC connection to {@code database}, for the tools that need one (Flyway, pg_dump's
     * checks and restores): the only opener of JDBC connections outside the R2DBC pool. Call it on a
     * blocking executor, never on an event loop.
     */
    public java.sql.Connection openJdbc(String database) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(database), user, password);
    }
}
